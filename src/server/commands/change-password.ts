import { and, eq, ne, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { sessions, users } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import { hashPassword, verifyPassword } from "../auth/password.js";
import type { ActingContext } from "../context.js";
import { badRequest, notFound } from "../errors.js";
import { checkPasswordPolicy } from "./user-rules.js";

/** Changes one's own password; every other session of the user ends, this one stays. */
export async function changePassword(
  ctx: ActingContext,
  input: { currentPassword: string; newPassword: string },
  tx: Queryable,
): Promise<void> {
  const [user] = await tx.select().from(users).where(eq(users.id, ctx.actor.id)).limit(1);
  if (!user) throw notFound();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw badRequest("currentPassword", "password_wrong");
  if (input.currentPassword === input.newPassword) throw badRequest("newPassword", "password_same");
  checkPasswordPolicy("newPassword", input.newPassword, user.username);
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      version: user.version + 1,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, user.id));
  await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, ctx.sessionId ?? "")));
  await writeAudit(tx, ctx, { action: "user.change_password", entityType: "user", entityId: user.id });
}
