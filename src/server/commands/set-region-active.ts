import { and, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type RegionRow, regions, units } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { findRegion } from "../queries/regions.js";

/** Deactivates (or reactivates) a region. Nothing is deleted: records keep pointing at it. */
export async function setRegionActive(
  ctx: RequestContext,
  input: { region: RegionRow; active: boolean; version: number },
  tx: Queryable,
): Promise<RegionRow> {
  const { region, active } = input;
  if (input.version !== region.version) throw conflict("stale_version");
  if (!active) {
    const [{ n: children }] = await tx
      .select({ n: count() })
      .from(regions)
      .where(and(eq(regions.parentId, region.id), eq(regions.active, true)));
    const [{ n: unitCount }] = await tx
      .select({ n: count() })
      .from(units)
      .where(and(eq(units.regionId, region.id), eq(units.active, true)));
    if (children + unitCount > 0) throw conflict("has_active_children", undefined, { count: children + unitCount });
  } else if (region.parentId) {
    const parent = await findRegion(tx, region.parentId);
    if (!parent?.active) throw badRequest("active", "parent_inactive");
  }
  const [updated] = await tx
    .update(regions)
    .set({ active, version: region.version + 1, updatedAt: sql`now()` })
    .where(and(eq(regions.id, region.id), eq(regions.version, region.version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  await writeAudit(tx, ctx, {
    action: active ? "region.activate" : "region.deactivate",
    entityType: "region",
    entityId: region.id,
    before: region,
    after: updated,
  });
  return updated;
}
