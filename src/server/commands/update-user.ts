import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type UserRow, users } from "../../db/schema.js";
import type { UserUpdate } from "../../schemas/users.js";
import { bareRow, writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { countActiveAdmins } from "../queries/users.js";
import { checkUserUnit } from "./user-rules.js";

export async function updateUser(
  ctx: RequestContext,
  input: { user: UserRow; patch: UserUpdate },
  tx: Queryable,
): Promise<UserRow> {
  const { user, patch } = input;
  if (patch.version !== user.version) throw conflict("stale_version");
  if (patch.unitId !== undefined && patch.unitId !== user.unitId) await checkUserUnit(tx, patch.unitId);
  if (
    patch.roles &&
    user.active &&
    user.roles.includes("admin") &&
    !patch.roles.includes("admin") &&
    (await countActiveAdmins(tx)) <= 1
  ) {
    throw badRequest("roles", "last_admin");
  }
  const { version, ...changes } = patch;
  const [updated] = await tx
    .update(users)
    .set({
      ...changes,
      roles: patch.roles ? [...new Set(patch.roles)] : undefined,
      version: user.version + 1,
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.id, user.id), eq(users.version, version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  await writeAudit(tx, ctx, {
    action: "user.update",
    entityType: "user",
    entityId: user.id,
    before: bareRow(users, user),
    after: updated,
  });
  return updated;
}
