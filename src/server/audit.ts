import { getTableColumns, type Table } from "drizzle-orm";
import type { Queryable } from "../db/connection.js";
import { insertRows } from "../db/insert-rows.js";
import { auditEvents } from "../db/schema.js";
import type { RequestContext } from "./context.js";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** When no one is signed in yet (sign-in), who the event is about. */
  actorOverride?: { id: string | null; name: string };
}

const SECRET_KEYS = new Set(["passwordHash", "password", "csrfToken", "token"]);

/** Drops secrets from what goes into the log. */
function scrub(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_KEYS.has(k))
      .map(([k, v]) => [k, scrub(v)]),
  );
}

/** Appends one audit event in the caller's transaction, so the event and the change stand or fall together. */
export async function writeAudit(tx: Queryable, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await writeAudits(tx, ctx, [entry]);
}

/** Appends many audit events (a bulk import), a few hundred to a statement. */
export async function writeAudits(tx: Queryable, ctx: RequestContext, entries: AuditEntry[]): Promise<void> {
  await writeAuditsOf(
    tx,
    entries.map((entry) => ({ ctx, entry })),
  );
}

/** Appends audit events of several requests at once (reports landed together), each with its own actor. */
export async function writeAuditsOf(tx: Queryable, events: { ctx: RequestContext; entry: AuditEntry }[]): Promise<void> {
  const rows = events.map(({ ctx, entry }) => ({
    actorId: entry.actorOverride ? entry.actorOverride.id : (ctx.actor?.id ?? null),
    actorName: entry.actorOverride ? entry.actorOverride.name : (ctx.actor?.username ?? "system"),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: scrub(entry.before) as object | null,
    after: scrub(entry.after) as object | null,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1000) await insertRows(tx, auditEvents, rows.slice(i, i + 1000));
}

/** The record as the table holds it: loaders add looked-up names, which would read in the log as fields that changed. */
export function bareRow<T extends Table>(table: T, record: object): Partial<T["$inferSelect"]> {
  const keys = Object.keys(getTableColumns(table));
  return Object.fromEntries(Object.entries(record).filter(([k]) => keys.includes(k))) as Partial<T["$inferSelect"]>;
}
