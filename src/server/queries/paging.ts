import { type AnyColumn, and, eq, gt, lt, or, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/connection.js";
import { tasks } from "../../db/schema.js";
import { badRequest } from "../errors.js";

/** Keyset pages: the cursor is the last row's sort value and id, so pages stay stable while rows are added. */
export function encodeCursor(sortValue: unknown, id: string | number): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): [unknown, string | number] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && (typeof value[1] === "string" || typeof value[1] === "number")) {
      return value as [unknown, string | number];
    }
  } catch {}
  throw badRequest("cursor", "cursor_invalid");
}

/** Rows after the cursor in (sort, id) order. */
export function afterCursor(
  sortColumn: AnyColumn,
  idColumn: AnyColumn,
  dir: "asc" | "desc",
  cursor: string | undefined,
): SQL | undefined {
  const decoded = decodeCursor(cursor);
  if (!decoded) return undefined;
  const [value, id] = decoded;
  const beyond = dir === "asc" ? gt : lt;
  return or(beyond(sortColumn, value), and(eq(sortColumn, value), beyond(idColumn, id)));
}

/** Takes one row more than asked to know whether another page follows. */
export function pageFrom<T>(rows: T[], limit: number, key: (row: T) => [unknown, string | number]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(...key(last)) : null;
  return { items, nextCursor };
}

/** `%q%` for ILIKE, with the wildcard characters of the query itself escaped. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Counting stops here: past it a list says "10,000+" rather than scan every row to say how many. */
export const COUNT_CAP = 10_000;

/** How many tasks match, up to COUNT_CAP, and whether there are more. */
export async function cappedTaskCount(db: Queryable, where: SQL | undefined) {
  const matching = db
    .select({ one: sql`1` })
    .from(tasks)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("matching");
  const [{ n }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(matching);
  return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}

/** How many rows of any table match, up to COUNT_CAP, and whether there are more. */
export async function cappedCount(db: Queryable, table: PgTable, where: SQL | undefined) {
  const matching = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("matching");
  const [{ n }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(matching);
  return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}
