import { createHash } from "node:crypto";
import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { directives, type MeetingRow, meetings, regions, studiedItems, units } from "../../db/schema.js";
import { reportFingerprintText } from "../../domain/meetings.js";
import type { UnitScope } from "../../domain/scope.js";
import type { MeetingListQuery } from "../../schemas/meetings.js";
import { notFound } from "../errors.js";
import { repeatsOf } from "./directives.js";
import { afterCursor, likePattern, pageFrom } from "./paging.js";
import { unitScopeWhere } from "./scope-sql.js";

export const reportHash = (text: string) => createHash("sha256").update(reportFingerprintText(text)).digest("hex");

const directiveCount = sql<number>`(select count(*) from directives d where d.meeting_id = "meetings"."id")`.mapWith(Number);
// Meetings without a date sort as the oldest, so the keyset never meets a NULL.
const heldKey = sql<string>`coalesce(${meetings.heldOn}, '0001-01-01')`;

export async function listMeetings(db: Queryable, q: MeetingListQuery, scope: UnitScope) {
  const where = and(
    unitScopeWhere(scope),
    q.kind ? eq(meetings.kind, q.kind) : undefined,
    q.unitId ? eq(meetings.unitId, q.unitId) : undefined,
    q.from ? gte(meetings.heldOn, q.from) : undefined,
    q.to ? lte(meetings.heldOn, q.to) : undefined,
    q.q ? or(ilike(meetings.title, likePattern(q.q)), ilike(meetings.organizer, likePattern(q.q))) : undefined,
  );
  const dir = q.order === "asc" ? asc : desc;
  const rows = await db
    .select({ meeting: meetings, unitName: units.name, directiveCount, heldKey })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(where, afterCursor(heldKey as any, meetings.id, q.order, q.cursor)))
    .orderBy(dir(heldKey), dir(meetings.id))
    .limit(q.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where);
  const page = pageFrom(rows, q.limit, (r) => [r.heldKey, r.meeting.id]);
  return {
    items: page.items.map((r) => ({ ...r.meeting, unitName: r.unitName, directiveCount: r.directiveCount })),
    nextCursor: page.nextCursor,
    total,
  };
}

export async function loadMeeting(db: Queryable, id: string) {
  const [row] = await db
    .select({ meeting: meetings, unitName: units.name, regionPath: regions.path, directiveCount })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(meetings.id, id))
    .limit(1);
  if (!row) throw notFound();
  return { ...row.meeting, unitName: row.unitName, regionPath: row.regionPath, directiveCount: row.directiveCount };
}
export type LoadedMeeting = Awaited<ReturnType<typeof loadMeeting>>;

export const scopedMeeting = (m: LoadedMeeting) => ({ id: m.unitId, regionPath: m.regionPath });

/** The meeting with what it studied, what it deployed, and which meetings below conveyed it (within the reader's scope). */
export async function meetingDetail(db: Queryable, meeting: LoadedMeeting, scope: UnitScope) {
  const linked = sql<string | null>`(select m.title from meetings m where m.id = ${studiedItems.linkedMeetingId})`;
  const studied = await db
    .select({ item: studiedItems, linkedMeetingTitle: linked })
    .from(studiedItems)
    .where(eq(studiedItems.meetingId, meeting.id))
    .orderBy(asc(studiedItems.ordinal));
  const deployed = await db
    .select()
    .from(directives)
    .where(eq(directives.meetingId, meeting.id))
    .orderBy(asc(directives.ordinal));
  const conveyedBy = await db
    .selectDistinct({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn })
    .from(studiedItems)
    .innerJoin(meetings, eq(meetings.id, studiedItems.meetingId))
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(eq(studiedItems.linkedMeetingId, meeting.id), unitScopeWhere(scope)));
  const repeats = await repeatsOf(db, deployed, scope);
  return {
    studied: studied.map((s) => ({ ...s.item, linkedMeetingTitle: s.linkedMeetingTitle })),
    directives: deployed.map((d) => ({ ...d, repeats: repeats.get(d.id) ?? [] })),
    conveyedBy,
  };
}

export async function findMeetingByHash(db: Queryable, hash: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meetings).where(eq(meetings.sourceHash, hash)).limit(1);
  return row;
}

export async function existingMeetingIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: meetings.id }).from(meetings).where(inArray(meetings.id, ids));
  return new Set(rows.map((r) => r.id));
}
