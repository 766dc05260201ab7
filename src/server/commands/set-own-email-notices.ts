import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { users } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";

/** A person turns e-mail copies of their notices on or off (the inbox always has them). */
export async function setOwnEmailNotices(ctx: ActingContext, input: { notifyByEmail: boolean }, tx: Queryable): Promise<void> {
  const [before] = await tx.select({ notifyByEmail: users.notifyByEmail }).from(users).where(eq(users.id, ctx.actor.id));
  await tx
    .update(users)
    .set({ notifyByEmail: input.notifyByEmail, updatedAt: sql`now()`, version: sql`${users.version} + 1` })
    .where(eq(users.id, ctx.actor.id));
  await writeAudit(tx, ctx, {
    action: "user.set_email_notices",
    entityType: "user",
    entityId: ctx.actor.id,
    before,
    after: input,
  });
}
