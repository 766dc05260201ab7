import type { Queryable } from "../../db/connection.js";
import { type UnitRow, units } from "../../db/schema.js";
import type { UnitCreate } from "../../schemas/units.js";
import { writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { checkUnitCode, checkUnitParent, checkUnitRegion } from "./unit-rules.js";

export async function createUnit(ctx: RequestContext, input: UnitCreate, tx: Queryable): Promise<UnitRow> {
  await checkUnitRegion(tx, input.regionId);
  await checkUnitParent(tx, input.parentId);
  await checkUnitCode(tx, input.code);
  const [unit] = await tx.insert(units).values(input).returning();
  await writeAudit(tx, ctx, { action: "unit.create", entityType: "unit", entityId: unit.id, after: unit });
  return unit;
}
