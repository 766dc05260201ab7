import type { RegionRow } from "../../db/schema.js";
import type { RegionOut } from "../../schemas/regions.js";
import { iso } from "./time.js";

export function presentRegion(row: RegionRow & { childCount?: number; unitCount?: number }): RegionOut {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    level: row.level,
    parentId: row.parentId,
    active: row.active,
    version: row.version,
    childCount: row.childCount === undefined ? undefined : Number(row.childCount),
    unitCount: row.unitCount === undefined ? undefined : Number(row.unitCount),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
