import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "../../db/connection.js";
import { campaigns, regions, taskCoUnits, taskEvents, tasks, units } from "../../db/schema.js";
import { parseTaskNumber } from "../../domain/ledger.js";
import { computeLight } from "../../domain/light.js";
import { childPath } from "../../domain/people.js";
import { lastDuePeriod } from "../../domain/reporting-periods.js";
import { writeAudit, writeAudits } from "../audit.js";
import type { ActingContext } from "../context.js";
import { HttpError } from "../errors.js";
import { timeOrderedUuid } from "../ids.js";
import { type KnownTask, type LedgerCreate, type LedgerProblem, planLedger } from "../ledger/check-ledger.js";
import { type LedgerLine, readLedger } from "../ledger/read-ledger.js";
import { unitLookup } from "../ledger/unit-names.js";
import { lightSettings } from "../queries/settings.js";
import { rollUpAncestors } from "./task-upkeep.js";
import { updateTask } from "./update-task.js";

export type LedgerPhase = "reading" | "checking" | "writing";
export type LedgerProgress = (phase: LedgerPhase, done: number, total: number) => void;

export type LedgerResult =
  | { ok: true; created: number; updated: number; unchanged: number; createdNumbers: number[] }
  | { ok: false; problems: LedgerProblem[] };

const CHUNK = 500;
/** The edit command takes every optional text field; a ledger leaves those it has no column for alone. */
const NO_PATCH = { description: undefined, responsibleLeader: undefined, deadlineReason: undefined, targetUnit: undefined };

/** The tasks a ledger names by number (its rows and their parents), with what their policy needs. */
async function knownTasks(db: Queryable, lines: LedgerLine[]): Promise<Map<number, KnownTask>> {
  const numbers = new Set<number>();
  for (const l of lines)
    for (const key of ["number", "parentNumber"] as const) {
      const n = parseTaskNumber(l.cells[key]);
      if (n !== null) numbers.add(n);
    }
  const known = new Map<number, KnownTask>();
  const all = [...numbers];
  for (let i = 0; i < all.length; i += 5000) {
    const rows = await db
      .select({ task: tasks, path: regions.path })
      .from(tasks)
      .innerJoin(units, eq(units.id, tasks.ownerUnitId))
      .innerJoin(regions, eq(regions.id, units.regionId))
      .where(inArray(tasks.number, all.slice(i, i + 5000)));
    if (!rows.length) continue;
    const leads = await db
      .select({ id: units.id, path: regions.path })
      .from(units)
      .innerJoin(regions, eq(regions.id, units.regionId))
      .where(inArray(units.id, [...new Set(rows.map((r) => r.task.leadUnitId))]));
    const leadPaths = new Map(leads.map((u) => [u.id, u.path]));
    const co = new Map<string, string[]>();
    for (const c of await db
      .select()
      .from(taskCoUnits)
      .where(
        inArray(
          taskCoUnits.taskId,
          rows.map((r) => r.task.id),
        ),
      ))
      co.set(c.taskId, [...(co.get(c.taskId) ?? []), c.unitId]);
    for (const { task, path } of rows) {
      const coUnitIds = co.get(task.id) ?? [];
      known.set(task.number, {
        row: task,
        coUnitIds,
        scoped: {
          owner: { id: task.ownerUnitId, regionPath: path },
          lead: { id: task.leadUnitId, regionPath: leadPaths.get(task.leadUnitId) ?? "" },
          coUnitIds,
        },
      });
    }
  }
  return known;
}

async function campaignsByName(db: Queryable): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  for (const c of await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns))
    byName.set(c.name, [...(byName.get(c.name) ?? []), c.id]);
  return byName;
}

/** Inserts the new tasks a few hundred at a time, each assigned to its lead unit with its light already worked out. */
async function insertCreates(tx: Queryable, ctx: ActingContext, creates: LedgerCreate[], today: string, tick: () => void) {
  const settings = await lightSettings(tx);
  const numbers: number[] = [];
  /** One new child's path per parent: enough to roll that tree up once. */
  const touched = new Map<string, string>();
  for (let i = 0; i < creates.length; i += CHUNK) {
    const chunk = creates.slice(i, i + CHUNK).map((c) => {
      const id = timeOrderedUuid();
      const missing = lastDuePeriod(c.startOn, today, "monthly");
      const light = computeLight(
        {
          state: "assigned",
          startOn: c.startOn,
          dueOn: c.dueOn,
          progress: 0,
          missingReportPeriodEnd: missing?.end ?? null,
          override: null,
        },
        today,
        settings,
      );
      return {
        create: c,
        values: {
          id,
          title: c.title,
          leadUnitId: c.leadUnitId,
          responsibleLeader: c.responsibleLeader,
          startOn: c.startOn,
          dueOn: c.dueOn,
          campaignId: c.campaignId,
          parentId: c.parent?.row.id ?? null,
          path: childPath(c.parent?.row.path ?? null, id),
          ownerUnitId: ctx.actor.unitId,
          state: "assigned" as const,
          light: light?.light ?? null,
          lightReasons: light?.reasons ?? [],
          createdBy: ctx.actor.id,
        },
      };
    });
    const inserted = await tx
      .insert(tasks)
      .values(chunk.map((c) => c.values))
      .returning({ id: tasks.id, number: tasks.number });
    numbers.push(...inserted.map((r) => r.number));
    for (const c of chunk) if (c.values.parentId) touched.set(c.values.parentId, c.values.path);
    const co = chunk.flatMap((c) => c.create.coUnitIds.map((unitId) => ({ taskId: c.values.id, unitId })));
    for (let j = 0; j < co.length; j += CHUNK) await tx.insert(taskCoUnits).values(co.slice(j, j + CHUNK));
    await tx.insert(taskEvents).values(
      chunk.map((c) => ({
        taskId: c.values.id,
        actorId: ctx.actor.id,
        actorName: ctx.actor.displayName,
        kind: "created",
        toState: "assigned" as const,
        data: { ledgerRow: c.create.row },
      })),
    );
    await writeAudits(
      tx,
      ctx,
      chunk.map((c) => ({
        action: "task.create",
        entityType: "task",
        entityId: c.values.id,
        after: { ...c.values, coUnitIds: c.create.coUnitIds, ledgerRow: c.create.row },
      })),
    );
    for (let k = 0; k < chunk.length; k++) tick();
  }
  // A new sub-task changes its parent's progress.
  for (const path of touched.values()) await rollUpAncestors(tx, path);
  return numbers;
}

/**
 * Imports a work ledger: reads it, checks every row, and only if no row is bad writes all of it
 * in one transaction — new tasks in bulk, changed ones through the same command as the edit form
 * (version check, deadline reason, history). Progress is reported phase by phase.
 */
export async function importLedger(
  db: Db,
  ctx: ActingContext,
  input: { content: Buffer; fileName: string; today: string },
  progress: LedgerProgress = () => {},
): Promise<LedgerResult> {
  let lines: LedgerLine[];
  try {
    lines = await readLedger(input.content, (read, total) => progress("reading", read, total));
  } catch (e) {
    return { ok: false, problems: [{ row: 0, column: null, reason: (e as Error).message || "ledger_unreadable" }] };
  }
  const refs = {
    actor: ctx.actor,
    today: input.today,
    units: await unitLookup(db, ctx.actor),
    campaigns: await campaignsByName(db),
    tasks: await knownTasks(db, lines),
  };
  const plan = planLedger(lines, refs, (done) => progress("checking", done, lines.length));
  if (plan.problems.length) return { ok: false, problems: plan.problems };
  const total = plan.creates.length + plan.updates.length;
  let done = 0;
  const tick = () => progress("writing", ++done, total);
  try {
    return await db.transaction(async (tx) => {
      const createdNumbers = await insertCreates(tx, ctx, plan.creates, input.today, tick);
      for (const u of plan.updates) {
        try {
          await updateTask(
            ctx,
            {
              task: { ...u.task.row, coUnitIds: u.task.coUnitIds },
              patch: { ...NO_PATCH, ...u.patch, version: u.task.row.version },
            },
            tx,
          );
        } catch (e) {
          if (e instanceof HttpError)
            throw new LedgerRowError({ row: u.row, column: null, reason: e.fields?.[0]?.message ?? e.message });
          throw e;
        }
        tick();
      }
      await writeAudit(tx, ctx, {
        action: "ledger.import",
        entityType: "ledger",
        entityId: null,
        after: {
          fileName: input.fileName,
          sha256: createHash("sha256").update(input.content).digest("hex"),
          rows: lines.length,
          created: plan.creates.length,
          updated: plan.updates.length,
          unchanged: plan.unchanged,
        },
      });
      return {
        ok: true as const,
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        createdNumbers,
      };
    });
  } catch (e) {
    if (e instanceof LedgerRowError) return { ok: false, problems: [e.problem] };
    throw e;
  }
}

/** A row the checks passed but the update command refused (say, a milestone the new dates leave outside); rolls everything back. */
class LedgerRowError extends Error {
  constructor(readonly problem: LedgerProblem) {
    super(problem.reason);
  }
}
