import { and, eq, ne } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type RegionRow, regions } from "../../db/schema.js";
import { expectedParentLevel, isAdministrativeCode, type RegionLevel } from "../../domain/people.js";
import { badRequest, conflict } from "../errors.js";
import { findRegion } from "../queries/regions.js";

/** Checks a region's place in the tree: the parent exists, is active and sits one level up. Returns the parent. */
export async function checkRegionParent(tx: Queryable, level: RegionLevel, parentId: string | null): Promise<RegionRow | null> {
  const expected = expectedParentLevel(level);
  if (!expected) {
    if (parentId) throw badRequest("parentId", "parent_not_allowed");
    return null;
  }
  if (!parentId) throw badRequest("parentId", "parent_required");
  const parent = await findRegion(tx, parentId);
  if (!parent) throw badRequest("parentId", "parent_missing");
  if (!parent.active) throw badRequest("parentId", "parent_inactive");
  if (parent.level !== expected) throw badRequest("parentId", "parent_level", { expected });
  return parent;
}

export async function checkRegionCode(tx: Queryable, code: string, level: RegionLevel, exceptId?: string): Promise<void> {
  if (!isAdministrativeCode(code, level)) throw badRequest("code", "code_format_region");
  const [taken] = await tx
    .select({ id: regions.id })
    .from(regions)
    .where(exceptId ? and(eq(regions.code, code), ne(regions.id, exceptId)) : eq(regions.code, code))
    .limit(1);
  if (taken) throw conflict("code_taken", "code", { code });
}
