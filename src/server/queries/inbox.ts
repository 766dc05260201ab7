import { and, count, desc, eq, isNull, lt, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { notifications } from "../../db/schema.js";
import { decodeCursor, pageFrom } from "./paging.js";

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return n;
}

/** A person's inbox, newest first. */
export async function listInbox(db: Queryable, userId: string, q: { unread?: "true" | "false"; limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor);
  const where: SQL | undefined = and(
    eq(notifications.userId, userId),
    q.unread === "true" ? isNull(notifications.readAt) : undefined,
  );
  const rows = await db
    .select()
    .from(notifications)
    .where(and(where, after ? lt(notifications.id, Number(after[1])) : undefined))
    .orderBy(desc(notifications.id))
    .limit(q.limit + 1);
  const [{ n }] = await db.select({ n: count() }).from(notifications).where(where);
  return { ...pageFrom(rows, q.limit, (r) => [r.id, r.id]), total: n };
}
