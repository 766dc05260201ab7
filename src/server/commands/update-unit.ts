import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type UnitRow, units } from "../../db/schema.js";
import type { UnitUpdate } from "../../schemas/units.js";
import { bareRow, writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { conflict } from "../errors.js";
import { checkUnitCode, checkUnitParent, checkUnitRegion } from "./unit-rules.js";

export async function updateUnit(
  ctx: RequestContext,
  input: { unit: UnitRow; patch: UnitUpdate },
  tx: Queryable,
): Promise<UnitRow> {
  const { unit, patch } = input;
  if (patch.version !== unit.version) throw conflict("stale_version");
  if (patch.regionId !== undefined && patch.regionId !== unit.regionId) await checkUnitRegion(tx, patch.regionId);
  if (patch.parentId !== undefined && patch.parentId !== unit.parentId) await checkUnitParent(tx, patch.parentId, unit.id);
  if (patch.code !== undefined && patch.code !== unit.code) await checkUnitCode(tx, patch.code, unit.id);
  const { version, ...changes } = patch;
  const [updated] = await tx
    .update(units)
    .set({ ...changes, version: unit.version + 1, updatedAt: sql`now()` })
    .where(and(eq(units.id, unit.id), eq(units.version, version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  await writeAudit(tx, ctx, {
    action: "unit.update",
    entityType: "unit",
    entityId: unit.id,
    before: bareRow(units, unit),
    after: updated,
  });
  return updated;
}
