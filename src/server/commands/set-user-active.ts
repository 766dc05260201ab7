import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type UserRow, users } from "../../db/schema.js";
import { bareRow, writeAudit } from "../audit.js";
import { deleteUserSessions } from "../auth/sessions.js";
import type { RequestContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { findUnit } from "../queries/units.js";
import { countActiveAdmins } from "../queries/users.js";

/** Deactivating a user signs them out everywhere at once. */
export async function setUserActive(
  ctx: RequestContext,
  input: { user: UserRow; active: boolean; version: number },
  tx: Queryable,
): Promise<UserRow> {
  const { user, active } = input;
  if (input.version !== user.version) throw conflict("stale_version");
  if (!active) {
    if (ctx.actor?.id === user.id) throw badRequest("active", "self_deactivate");
    if (user.active && user.roles.includes("admin") && (await countActiveAdmins(tx)) <= 1)
      throw badRequest("active", "last_admin");
  } else {
    const unit = await findUnit(tx, user.unitId);
    if (!unit?.active) throw badRequest("active", "unit_inactive");
  }
  const [updated] = await tx
    .update(users)
    .set({ active, version: user.version + 1, updatedAt: sql`now()` })
    .where(and(eq(users.id, user.id), eq(users.version, user.version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  if (!active) await deleteUserSessions(tx, user.id);
  await writeAudit(tx, ctx, {
    action: active ? "user.activate" : "user.deactivate",
    entityType: "user",
    entityId: user.id,
    before: bareRow(users, user),
    after: updated,
  });
  return updated;
}
