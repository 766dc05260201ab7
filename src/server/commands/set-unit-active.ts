import { and, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type UnitRow, units, users } from "../../db/schema.js";
import { bareRow, writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { findRegion } from "../queries/regions.js";
import { findUnit } from "../queries/units.js";

/** Deactivates or reactivates a unit; a unit with active sub-units or people must be emptied first. */
export async function setUnitActive(
  ctx: RequestContext,
  input: { unit: UnitRow; active: boolean; version: number },
  tx: Queryable,
): Promise<UnitRow> {
  const { unit, active } = input;
  if (input.version !== unit.version) throw conflict("stale_version");
  if (!active) {
    const [{ n: children }] = await tx
      .select({ n: count() })
      .from(units)
      .where(and(eq(units.parentId, unit.id), eq(units.active, true)));
    if (children > 0) throw conflict("has_active_children", undefined, { count: children });
    const [{ n: people }] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.unitId, unit.id), eq(users.active, true)));
    if (people > 0) throw conflict("has_active_users", undefined, { count: people });
  } else {
    const region = await findRegion(tx, unit.regionId);
    const parent = unit.parentId ? await findUnit(tx, unit.parentId) : null;
    if (!region?.active || (parent && !parent.active)) throw badRequest("active", "parent_inactive");
  }
  const [updated] = await tx
    .update(units)
    .set({ active, version: unit.version + 1, updatedAt: sql`now()` })
    .where(and(eq(units.id, unit.id), eq(units.version, unit.version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  await writeAudit(tx, ctx, {
    action: active ? "unit.activate" : "unit.deactivate",
    entityType: "unit",
    entityId: unit.id,
    before: bareRow(units, unit),
    after: updated,
  });
  return updated;
}
