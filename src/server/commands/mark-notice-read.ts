import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { notices } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";

/** Records when the unit first opened a notice, and who opened it. */
export async function markNoticeRead(ctx: ActingContext, noticeId: string, tx: Queryable): Promise<boolean> {
  const [read] = await tx
    .update(notices)
    .set({ readAt: sql`now()`, readByName: ctx.actor.displayName })
    .where(and(eq(notices.id, noticeId), isNull(notices.readAt)))
    .returning({ readAt: notices.readAt });
  if (!read) return false;
  await writeAudit(tx, ctx, { action: "notice.read", entityType: "notice", entityId: noticeId, after: read });
  return true;
}
