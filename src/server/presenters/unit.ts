import type { UnitRow } from "../../db/schema.js";
import type { UnitOut } from "../../schemas/units.js";
import { iso } from "./time.js";

export function presentUnit(
  row: UnitRow & { regionName: string; parentName?: string | null; childCount?: number; userCount?: number },
): UnitOut {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    shortName: row.shortName,
    keywords: row.keywords,
    kind: row.kind,
    regionId: row.regionId,
    regionName: row.regionName,
    parentId: row.parentId,
    parentName: row.parentName ?? null,
    active: row.active,
    version: row.version,
    childCount: row.childCount === undefined ? undefined : Number(row.childCount),
    userCount: row.userCount === undefined ? undefined : Number(row.userCount),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
