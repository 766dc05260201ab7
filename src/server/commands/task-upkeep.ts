import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import { campaigns, directives, progressReports, regions, type TaskRow, taskEvents, tasks, units } from "../../db/schema.js";
import { computeLight, type LightSettings } from "../../domain/light.js";
import { lastDuePeriod } from "../../domain/reporting-periods.js";
import { rollUpProgress } from "../../domain/rollup.js";
import { type Actor, unitInScope } from "../../domain/scope.js";
import type { TaskState } from "../../domain/task-states.js";
import { todayIso } from "../clock.js";
import type { RequestContext } from "../context.js";
import { badRequest } from "../errors.js";
import { lightSettings } from "../queries/settings.js";
import { lockTaskTrees } from "../queries/tasks.js";

type TaskEvent = {
  kind: string;
  fromState?: TaskState;
  toState?: TaskState;
  reason?: string | null;
  data?: Record<string, unknown>;
};

/** Appends to a task's history in the caller's transaction. */
export async function recordTaskEvent(tx: Queryable, ctx: RequestContext, taskId: string, event: TaskEvent): Promise<void> {
  await recordTaskEvents(tx, ctx, taskId, [event]);
}

/** Appends several events to a task's history in one statement, in order. */
export async function recordTaskEvents(tx: Queryable, ctx: RequestContext, taskId: string, events: TaskEvent[]): Promise<void> {
  if (!events.length) return;
  await tx.insert(taskEvents).values(
    events.map((event) => ({
      taskId,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.displayName ?? "system",
      kind: event.kind,
      fromState: event.fromState ?? null,
      toState: event.toState ?? null,
      reason: event.reason ?? null,
      data: event.data ?? null,
    })),
  );
}

/**
 * Recomputes the light of the given tasks (src/domain/light.ts) and stores it with its reasons.
 * A report for the last due period counts unless it was returned. Returns how many changed.
 */
export async function refreshLights(
  tx: Queryable,
  rows: TaskRow[],
  today = todayIso(),
  settings?: LightSettings,
  /** "taskId|period" pairs the caller knows are reported (a report just stored): no need to look. */
  knownReported: ReadonlySet<string> = new Set(),
): Promise<number> {
  if (!rows.length) return 0;
  const s = settings ?? (await lightSettings(tx));
  const due = new Map(rows.map((t) => [t.id, lastDuePeriod(t.startOn, today, t.cadence)]));
  const keys = [
    ...new Set([...due.entries()].filter(([id, p]) => p && !knownReported.has(`${id}|${p.key}`)).map(([, p]) => p!.key)),
  ];
  const reported = keys.length
    ? await tx
        .selectDistinct({ taskId: progressReports.taskId, period: progressReports.period })
        .from(progressReports)
        .where(
          and(
            oneOf(
              progressReports.taskId,
              rows.map((t) => t.id),
            ),
            oneOf(progressReports.period, keys, "text"),
            eq(progressReports.kind, "report"),
            sql`${progressReports.review} is distinct from 'returned'`,
          ),
        )
    : [];
  const have = new Set([...knownReported, ...reported.map((r) => `${r.taskId}|${r.period}`)]);
  const changes: { id: string; light: string | null; reasons: string[] }[] = [];
  for (const t of rows) {
    const period = due.get(t.id);
    const missing = period && !have.has(`${t.id}|${period.key}`) ? period.end : null;
    const result = computeLight(
      {
        state: t.state,
        startOn: t.startOn,
        dueOn: t.dueOn,
        progress: t.progress,
        missingReportPeriodEnd: missing,
        override: t.lightOverride,
      },
      today,
      s,
    );
    const light = result?.light ?? null;
    const reasons = result?.reasons ?? [];
    if (light !== t.light || reasons.join() !== t.lightReasons.join()) changes.push({ id: t.id, light, reasons });
  }
  // The lights that changed, a few hundred to a statement (a sweep changes thousands, a round of reports dozens).
  for (let i = 0; i < changes.length; i += 500) {
    const values = sql.join(
      changes.slice(i, i + 500).map(
        (c) =>
          sql`(${c.id}::uuid, ${c.light}::text, array[${sql.join(
            c.reasons.map((r) => sql`${r}`),
            sql`, `,
          )}]::text[])`,
      ),
      sql`, `,
    );
    await tx.execute(sql`update ${tasks} set light = v.light::light, light_reasons = v.reasons
      from (values ${values}) as v(id, light, reasons) where ${tasks.id} = v.id`);
  }
  return changes.length;
}

/**
 * After a task's progress changed: each ancestor's progress becomes the weighted mean of its
 * children's, bottom up. The ancestors are locked first, in the order of their ids: a sibling
 * changed at the same time is then read as committed, not as it stood before (unless the caller
 * locked them already, as a round of reports does).
 */
export async function rollUpAncestors(tx: Queryable, path: string, opts: { locked?: boolean } = {}): Promise<void> {
  const ancestors = path.split("/").filter(Boolean).slice(0, -1).reverse();
  if (!ancestors.length) return;
  if (!opts.locked) await lockTaskTrees(tx, [path.split("/").filter(Boolean).at(-1) as string]);
  for (const id of ancestors) {
    const children = await tx
      .select({ progress: tasks.progress, weight: tasks.weight, state: tasks.state })
      .from(tasks)
      .where(eq(tasks.parentId, id));
    const progress = rollUpProgress(children.map((c) => ({ ...c, cancelled: c.state === "cancelled" })));
    if (progress === null) continue;
    const [parent] = await tx.update(tasks).set({ progress }).where(eq(tasks.id, id)).returning();
    if (parent) await refreshLights(tx, [parent]);
  }
}

/** 400 naming the field when a referenced unit, directive or campaign does not exist (or is inactive). */
export async function checkReferences(
  tx: Queryable,
  actor: Actor,
  input: { leadUnitId?: string; coUnitIds?: string[]; directiveIds?: string[]; campaignId?: string | null },
  prefix = "",
): Promise<void> {
  const unitIds = [...(input.leadUnitId ? [input.leadUnitId] : []), ...(input.coUnitIds ?? [])];
  if (unitIds.length) {
    const found = new Set(
      (
        await tx
          .select({ id: units.id, regionPath: regions.path })
          .from(units)
          .innerJoin(regions, eq(regions.id, units.regionId))
          .where(and(inArray(units.id, unitIds), eq(units.active, true)))
      )
        // A unit outside the actor's jurisdiction is as good as missing: work is assigned within it.
        .filter((u) => unitInScope(actor, u))
        .map((r) => r.id),
    );
    if (input.leadUnitId && !found.has(input.leadUnitId)) throw badRequest(`${prefix}leadUnitId`, "unit_missing");
    input.coUnitIds?.forEach((id, i) => {
      if (!found.has(id)) throw badRequest(`${prefix}coUnitIds.${i}`, "unit_missing");
      if (id === input.leadUnitId) throw badRequest(`${prefix}coUnitIds.${i}`, "co_unit_is_lead");
    });
  }
  if (input.directiveIds?.length) {
    const found = new Set(
      (await tx.select({ id: directives.id }).from(directives).where(inArray(directives.id, input.directiveIds))).map(
        (r) => r.id,
      ),
    );
    input.directiveIds.forEach((id, i) => {
      if (!found.has(id)) throw badRequest(`${prefix}directiveIds.${i}`, "directive_not_found");
    });
  }
  if (input.campaignId) {
    const [c] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, input.campaignId));
    if (!c) throw badRequest(`${prefix}campaignId`, "campaign_missing");
  }
}

/** Whether moving a task under `parentPath` would put it inside its own sub-tree. */
export const insideOwnSubtree = (taskId: string, parentPath: string) => parentPath.includes(`/${taskId}/`);
