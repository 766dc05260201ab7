import { and, eq, ne } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { units } from "../../db/schema.js";
import { badRequest, conflict } from "../errors.js";
import { findRegion } from "../queries/regions.js";
import { findUnit, unitParentOf } from "../queries/units.js";

export async function checkUnitRegion(tx: Queryable, regionId: string) {
  const region = await findRegion(tx, regionId);
  if (!region) throw badRequest("regionId", "region_missing");
  if (!region.active) throw badRequest("regionId", "parent_inactive");
  return region;
}

export async function checkUnitParent(tx: Queryable, parentId: string | null, unitId?: string) {
  if (!parentId) return null;
  if (unitId) {
    // Walk up from the new parent: meeting the unit itself means a cycle.
    let cur: string | null | undefined = parentId;
    const seen = new Set<string>();
    while (cur) {
      if (cur === unitId || seen.has(cur)) throw badRequest("parentId", "cycle");
      seen.add(cur);
      cur = await unitParentOf(tx, cur);
    }
  }
  const parent = await findUnit(tx, parentId);
  if (!parent) throw badRequest("parentId", "parent_missing");
  if (!parent.active) throw badRequest("parentId", "parent_inactive");
  return parent;
}

export async function checkUnitCode(tx: Queryable, code: string | null, exceptId?: string) {
  if (!code) return;
  const [taken] = await tx
    .select({ id: units.id })
    .from(units)
    .where(exceptId ? and(eq(units.code, code), ne(units.id, exceptId)) : eq(units.code, code))
    .limit(1);
  if (taken) throw conflict("code_taken", "code", { code });
}
