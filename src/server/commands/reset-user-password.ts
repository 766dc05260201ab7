import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type UserRow, users } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import { hashPassword } from "../auth/password.js";
import { deleteUserSessions } from "../auth/sessions.js";
import type { RequestContext } from "../context.js";
import { conflict } from "../errors.js";
import { checkPasswordPolicy } from "./user-rules.js";

/** An admin sets a temporary password: the user's sessions end and the next sign-in must change it. */
export async function resetUserPassword(
  ctx: RequestContext,
  input: { user: UserRow; password: string; version: number },
  tx: Queryable,
): Promise<UserRow> {
  const { user } = input;
  if (input.version !== user.version) throw conflict("stale_version");
  checkPasswordPolicy("password", input.password, user.username);
  const [updated] = await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.password),
      mustChangePassword: true,
      version: user.version + 1,
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.id, user.id), eq(users.version, user.version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  await deleteUserSessions(tx, user.id);
  await writeAudit(tx, ctx, {
    action: "user.reset_password",
    entityType: "user",
    entityId: user.id,
    before: { mustChangePassword: user.mustChangePassword },
    after: { mustChangePassword: true },
  });
  return updated;
}
