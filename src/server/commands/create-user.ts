import type { Queryable } from "../../db/connection.js";
import { type UserRow, users } from "../../db/schema.js";
import { normalizeUsername } from "../../domain/people.js";
import type { UserCreate } from "../../schemas/users.js";
import { writeAudit } from "../audit.js";
import { hashPassword } from "../auth/password.js";
import type { RequestContext } from "../context.js";
import { checkPasswordPolicy, checkUsernameFree, checkUserUnit } from "./user-rules.js";

export async function createUser(ctx: RequestContext, input: UserCreate, tx: Queryable): Promise<UserRow> {
  const username = normalizeUsername(input.username);
  await checkUserUnit(tx, input.unitId);
  await checkUsernameFree(tx, username);
  checkPasswordPolicy("password", input.password, username);
  const { password, ...rest } = input;
  const [user] = await tx
    .insert(users)
    .values({
      ...rest,
      username,
      email: input.email ?? null,
      notifyByEmail: input.notifyByEmail ?? true,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(password),
    })
    .returning();
  await writeAudit(tx, ctx, { action: "user.create", entityType: "user", entityId: user.id, after: user });
  return user;
}
