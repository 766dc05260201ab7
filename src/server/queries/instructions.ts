import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type InstructionRow, instructions, instructionUnits, regions, units } from "../../db/schema.js";
import type { BulletinContent } from "../../domain/bulletin.js";
import { type Actor, unitScopeOf } from "../../domain/scope.js";
import type { InstructionSubject } from "../../domain/supervision.js";
import { unitsConcerned } from "../commands/publish-bulletin.js";
import type { RequestContext } from "../context.js";
import { notFound } from "../errors.js";
import { authorize } from "../policies/index.js";
import type { ScopedInstruction } from "../policies/supervision.js";
import { loadBulletin, scopedBulletin } from "./bulletins.js";
import { loadCampaign } from "./campaigns.js";
import { loadMeeting, scopedMeeting } from "./meetings.js";
import { afterCursor, pageFrom } from "./paging.js";
import { anyOf } from "./task-scope.js";
import { loadTask, scopedTask } from "./tasks.js";

type Row = Record<string, unknown>;
const idsOf = (r: unknown) => (r as { rows: Row[] }).rows.map((x) => String(x.id));

/**
 * Loads what an instruction is written on, checks the actor may read it, and names the units it
 * concerns: a task's lead and co-units; the lead units of a meeting's or a campaign's tasks; a bulletin's units.
 */
export async function instructionSubject(db: Queryable, ctx: RequestContext, type: InstructionSubject, id: string) {
  switch (type) {
    case "task": {
      const task = await loadTask(db, id);
      authorize(ctx, "task", "read", scopedTask(task));
      return { title: task.title, unitIds: [task.leadUnitId, ...task.coUnitIds] };
    }
    case "meeting": {
      const meeting = await loadMeeting(db, id);
      authorize(ctx, "meeting", "read", scopedMeeting(meeting));
      const leads = await db.execute(sql`select distinct t.lead_unit_id as id from tasks t
        join task_directives td on td.task_id = t.id join directives d on d.id = td.directive_id
        where d.meeting_id = ${id} and t.state <> 'cancelled'`);
      return { title: meeting.title, unitIds: idsOf(leads) };
    }
    case "campaign": {
      const campaign = await loadCampaign(db, id);
      authorize(ctx, "campaign", "read");
      const leads = await db.execute(sql`select unit_id as id from campaign_lead_units where campaign_id = ${id}
        union select lead_unit_id from tasks where campaign_id = ${id} and state <> 'cancelled'`);
      return { title: campaign.name, unitIds: idsOf(leads) };
    }
    default: {
      const bulletin = await loadBulletin(db, id);
      authorize(ctx, "bulletin", "read", scopedBulletin(bulletin));
      const unitIds = bulletin.recipientIds.length ? bulletin.recipientIds : unitsConcerned(bulletin.content as BulletinContent);
      return { title: bulletin.title, unitIds };
    }
  }
}

export type LoadedInstruction = InstructionRow & {
  authorRegionPath: string;
  units: { id: string; name: string; acknowledgedAt: string | null; acknowledgedByName: string | null }[];
};

async function withUnits(db: Queryable, rows: (InstructionRow & { authorRegionPath: string })[]): Promise<LoadedInstruction[]> {
  if (!rows.length) return [];
  const concerned = await db
    .select({
      instructionId: instructionUnits.instructionId,
      id: units.id,
      name: units.name,
      acknowledgedAt: instructionUnits.acknowledgedAt,
      acknowledgedByName: instructionUnits.acknowledgedByName,
    })
    .from(instructionUnits)
    .innerJoin(units, eq(units.id, instructionUnits.unitId))
    .where(
      inArray(
        instructionUnits.instructionId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(units.name);
  return rows.map((r) => ({
    ...r,
    units: concerned.filter((c) => c.instructionId === r.id).map(({ instructionId: _, ...u }) => u),
  }));
}

const base = (db: Queryable) =>
  db
    .select({ i: instructions, authorRegionPath: regions.path })
    .from(instructions)
    .innerJoin(units, eq(units.id, instructions.authorUnitId))
    .innerJoin(regions, eq(regions.id, units.regionId));

export async function loadInstruction(db: Queryable, id: string): Promise<LoadedInstruction> {
  const [row] = await base(db).where(eq(instructions.id, id));
  if (!row) throw notFound();
  return (await withUnits(db, [{ ...row.i, authorRegionPath: row.authorRegionPath }]))[0];
}

export const scopedInstruction = (i: LoadedInstruction): ScopedInstruction => ({
  author: { id: i.authorUnitId, regionPath: i.authorRegionPath },
  unitIds: i.units.map((u) => u.id),
});

/** Instructions the actor may read: written in scope, or sent to the actor's unit; `pending`: still to acknowledge by the actor's unit. */
export async function listInstructions(
  db: Queryable,
  actor: Actor,
  q: { subjectType?: InstructionSubject; subjectId?: string; pending?: "true" | "false"; limit: number; cursor?: string },
) {
  const scope = unitScopeOf(actor);
  const toUs = anyOf(instructions.id, sql`select instruction_id from instruction_units where unit_id = ${actor.unitId}`);
  const written =
    scope.kind === "all"
      ? sql`true`
      : scope.kind === "regionTree"
        ? sql`${regions.path} like ${`${scope.regionPath}%`}`
        : eq(instructions.authorUnitId, actor.unitId);
  const where = and(
    or(written, toUs),
    q.subjectType ? eq(instructions.subjectType, q.subjectType) : undefined,
    q.subjectId ? eq(instructions.subjectId, q.subjectId) : undefined,
    q.pending === "true"
      ? anyOf(
          instructions.id,
          sql`select instruction_id from instruction_units where unit_id = ${actor.unitId} and acknowledged_at is null`,
        )
      : undefined,
  );
  const rows = await base(db)
    .where(and(where, afterCursor(instructions.createdAt, instructions.id, "desc", q.cursor)))
    .orderBy(desc(instructions.createdAt), desc(instructions.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.i.createdAt, r.i.id]);
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(instructions)
    .innerJoin(units, eq(units.id, instructions.authorUnitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where);
  return {
    ...page,
    total: n,
    items: await withUnits(
      db,
      page.items.map((r) => ({ ...r.i, authorRegionPath: r.authorRegionPath })),
    ),
  };
}
