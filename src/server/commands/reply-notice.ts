import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { notices } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { conflict } from "../errors.js";
import { announce, type OutboxOptions } from "../notify/notify.js";
import type { NoticeWithUnits } from "../queries/notices.js";

/** The unit answers a notice with an explanation and a new plan; the office that issued it is told. */
export async function replyNotice(
  ctx: ActingContext,
  input: { notice: NoticeWithUnits; explanation: string; plan: string; outbox: OutboxOptions },
  tx: Queryable,
): Promise<void> {
  const { notice } = input;
  if (notice.kind === "reminder") throw conflict("notice_no_reply");
  if (notice.repliedAt) throw conflict("notice_replied");
  const [replied] = await tx
    .update(notices)
    .set({
      repliedAt: sql`now()`,
      repliedBy: ctx.actor.id,
      repliedByName: ctx.actor.displayName,
      replyText: input.explanation,
      replyPlan: input.plan,
      readAt: notice.readAt ?? sql`now()`,
      readByName: notice.readByName ?? ctx.actor.displayName,
    })
    .where(eq(notices.id, notice.id))
    .returning();
  await announce(tx, input.outbox, {
    unitIds: [notice.fromUnitId],
    kind: "notice.replied",
    entityType: "notice",
    entityId: notice.id,
    data: { number: notice.number, toUnit: notice.toName, replyText: input.explanation },
  });
  await writeAudit(tx, ctx, {
    action: "notice.reply",
    entityType: "notice",
    entityId: notice.id,
    after: { replyText: replied.replyText, replyPlan: replied.replyPlan, repliedAt: replied.repliedAt },
  });
}
