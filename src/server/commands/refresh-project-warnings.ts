import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/connection.js";
import { projectNodes, projectReports, projects, projectWarnings, projectYearPlans } from "../../db/schema.js";
import {
  type ProjectFacts,
  type WarningLevel,
  type WarningSettings,
  warningKey,
  projectWarnings as warningsFor,
} from "../../domain/projects.js";
import { todayIso } from "../clock.js";
import { projectWarningSettings } from "../queries/settings.js";

const RANK: Record<WarningLevel, number> = { blue: 1, yellow: 2, red: 3 };

/** jsonb gives keys back in its own order: compare details with their keys sorted. */
const canonical = (o: unknown) =>
  JSON.stringify(Object.entries((o ?? {}) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export interface WarningChanges {
  raised: number;
  changed: number;
  cleared: number;
}

/**
 * Brings the warnings of some projects up to date for `today`: a warning the rules now find is
 * raised, one whose level moved is updated (the move kept in its history), one they no longer
 * find is cleared. Each project's highest open level is cached on the project for the library.
 */
export async function refreshProjectWarnings(
  tx: Queryable,
  projectIds: readonly string[],
  today = todayIso(),
  settings?: WarningSettings,
): Promise<WarningChanges> {
  const changes: WarningChanges = { raised: 0, changed: 0, cleared: 0 };
  if (!projectIds.length) return changes;
  const s = settings ?? (await projectWarningSettings(tx));
  const ids = [...projectIds];
  // One after another: a transaction's one connection takes one statement at a time.
  const rows = await tx.select().from(projects).where(inArray(projects.id, ids));
  const nodes = await tx.select().from(projectNodes).where(inArray(projectNodes.projectId, ids));
  const reports = await tx
    .select({ projectId: projectReports.projectId, period: projectReports.period, amount: projectReports.amount })
    .from(projectReports)
    .where(inArray(projectReports.projectId, ids));
  const plans = await tx.select().from(projectYearPlans).where(inArray(projectYearPlans.projectId, ids));
  const open = await tx
    .select()
    .from(projectWarnings)
    .where(and(inArray(projectWarnings.projectId, ids), isNull(projectWarnings.clearedOn)));
  const group = <T extends { projectId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) m.set(x.projectId, [...(m.get(x.projectId) ?? []), x]);
    return m;
  };
  const nodesOf = group(nodes);
  const reportsOf = group(reports);
  const plansOf = group(plans);
  const openOf = group(open);
  const judgedYear = Number(today.slice(0, 4)) - (today.slice(5, 7) === "01" ? 1 : 0);
  const inserts: (typeof projectWarnings.$inferInsert)[] = [];
  const clears: number[] = [];
  const levels = new Map<WarningLevel | null, string[]>();
  for (const p of rows) {
    const facts: ProjectFacts = {
      stage: p.stage,
      annualPlan: plansOf.get(p.id)?.find((y) => y.year === judgedYear)?.amount ?? null,
      totalInvestment: p.totalInvestment,
      nodes: (nodesOf.get(p.id) ?? []).map((n) => ({ kind: n.kind, plannedOn: n.plannedOn, reachedOn: n.reachedOn })),
      figures: (reportsOf.get(p.id) ?? []).map((r) => ({ period: r.period, amount: r.amount })),
      lastReportOn: p.lastReportOn,
      since: p.createdAt.slice(0, 10),
    };
    const found = warningsFor(facts, today, s);
    const standing = new Map((openOf.get(p.id) ?? []).map((w) => [w.key, w]));
    for (const w of found) {
      const key = warningKey(w);
      const was = standing.get(key);
      standing.delete(key);
      if (!was) {
        inserts.push({
          projectId: p.id,
          key,
          kind: w.kind,
          node: w.node ?? null,
          level: w.level,
          detail: w.detail,
          history: [{ level: w.level, on: today }],
          raisedOn: today,
        });
        changes.raised++;
      } else if (was.level !== w.level || canonical(was.detail) !== canonical(w.detail)) {
        const moved = was.level !== w.level;
        await tx
          .update(projectWarnings)
          .set({
            level: w.level,
            detail: w.detail,
            history: moved ? [...was.history, { level: w.level, on: today }] : was.history,
          })
          .where(eq(projectWarnings.id, was.id));
        if (moved) changes.changed++;
      }
    }
    for (const gone of standing.values()) clears.push(gone.id);
    changes.cleared += standing.size;
    const top = found.reduce<WarningLevel | null>((best, w) => (!best || RANK[w.level] > RANK[best] ? w.level : best), null);
    if (top !== p.warningLevel) levels.set(top, [...(levels.get(top) ?? []), p.id]);
  }
  // Written in a few statements, not one per project: a sweep over the whole library stays quick.
  for (let i = 0; i < inserts.length; i += 500) await tx.insert(projectWarnings).values(inserts.slice(i, i + 500));
  if (clears.length) await tx.update(projectWarnings).set({ clearedOn: today }).where(inArray(projectWarnings.id, clears));
  for (const [level, ids] of levels) await tx.update(projects).set({ warningLevel: level }).where(inArray(projects.id, ids));
  return changes;
}

/** Every project not finished, a few hundred at a time (the daily sweep). */
export async function refreshAllProjectWarnings(db: Db, today = todayIso()): Promise<WarningChanges> {
  const total: WarningChanges = { raised: 0, changed: 0, cleared: 0 };
  const settings = await projectWarningSettings(db);
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const page = await db
      .select({ id: projects.id })
      .from(projects)
      .where(
        sql`${projects.id} > ${after} and (${projects.stage} not in ('completed', 'in_operation') or ${projects.warningLevel} is not null)`,
      )
      .orderBy(projects.id)
      .limit(500);
    if (!page.length) return total;
    after = page[page.length - 1].id;
    const c = await db.transaction((tx) =>
      refreshProjectWarnings(
        tx,
        page.map((p) => p.id),
        today,
        settings,
      ),
    );
    total.raised += c.raised;
    total.changed += c.changed;
    total.cleared += c.cleared;
  }
}
