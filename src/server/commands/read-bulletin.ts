import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type BulletinRow, bulletinRecipients } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";

/** Records that the actor's unit has read a published bulletin (the first reader signs for the unit). */
export async function readBulletin(ctx: ActingContext, bulletin: BulletinRow, tx: Queryable): Promise<boolean> {
  const [receipt] = await tx
    .update(bulletinRecipients)
    .set({ readAt: sql`now()`, readByName: ctx.actor.displayName })
    .where(
      and(
        eq(bulletinRecipients.bulletinId, bulletin.id),
        eq(bulletinRecipients.unitId, ctx.actor.unitId),
        isNull(bulletinRecipients.readAt),
      ),
    )
    .returning();
  if (!receipt) return false;
  await writeAudit(tx, ctx, { action: "bulletin.read", entityType: "bulletin", entityId: bulletin.id, after: receipt });
  return true;
}
