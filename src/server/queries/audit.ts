import { and, desc, eq, gte, ilike, lt, lte, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { auditEvents } from "../../db/schema.js";
import type { AuditListQuery } from "../../schemas/audit.js";
import { badRequest } from "../errors.js";
import { decodeCursor, likePattern, pageFrom } from "./paging.js";

/** Newest first; the cursor is the last id seen (ids only grow). */
export async function listAuditEvents(db: Queryable, q: AuditListQuery) {
  if (q.from && q.to && new Date(q.from) > new Date(q.to)) throw badRequest("from", "date_range");
  const decoded = decodeCursor(q.cursor);
  if (decoded && typeof decoded[1] !== "number") throw badRequest("cursor", "cursor_invalid");
  const where = and(
    q.actorId ? eq(auditEvents.actorId, q.actorId) : undefined,
    q.actor ? ilike(auditEvents.actorName, likePattern(q.actor)) : undefined,
    q.action
      ? q.action.endsWith(".")
        ? ilike(auditEvents.action, `${q.action}%`)
        : eq(auditEvents.action, q.action)
      : undefined,
    q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
    q.from ? gte(auditEvents.at, q.from) : undefined,
    q.to ? lte(auditEvents.at, q.to) : undefined,
  );
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(where, decoded ? lt(auditEvents.id, decoded[1] as number) : undefined))
    .orderBy(desc(auditEvents.id))
    .limit(q.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(auditEvents)
    .where(where);
  return { ...pageFrom(rows, q.limit, (r) => [null, Number(r.id)]), total };
}

/** The distinct actions and entity types, for the filters of the audit screen. */
export async function auditFacets(db: Queryable) {
  const actions = await db.selectDistinct({ v: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action);
  const types = await db.selectDistinct({ v: auditEvents.entityType }).from(auditEvents).orderBy(auditEvents.entityType);
  return { actions: actions.map((r) => r.v), entityTypes: types.map((r) => r.v) };
}
