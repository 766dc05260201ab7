import { and, eq, like, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type RegionRow, regions } from "../../db/schema.js";
import { childPath, wouldCreateCycle } from "../../domain/people.js";
import type { RegionUpdate } from "../../schemas/regions.js";
import { writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { findRegion } from "../queries/regions.js";
import { checkRegionCode, checkRegionParent } from "./region-rules.js";

/** Edits a region; moving it carries its whole subtree along (their paths are rewritten in the same transaction). */
export async function updateRegion(
  ctx: RequestContext,
  input: { region: RegionRow; patch: RegionUpdate },
  tx: Queryable,
): Promise<RegionRow> {
  const { region, patch } = input;
  if (patch.version !== region.version) throw conflict("stale_version");
  let path = region.path;
  const moving = patch.parentId !== undefined && patch.parentId !== region.parentId;
  if (moving) {
    const target = patch.parentId ? await findRegion(tx, patch.parentId) : null;
    if (wouldCreateCycle(region.id, target?.path ?? null, patch.parentId ?? null)) throw badRequest("parentId", "cycle");
    const parent = await checkRegionParent(tx, region.level, patch.parentId ?? null);
    path = childPath(parent?.path ?? null, region.id);
  }
  if (patch.code !== undefined && patch.code !== region.code) await checkRegionCode(tx, patch.code, region.level, region.id);

  const [updated] = await tx
    .update(regions)
    .set({
      code: patch.code ?? region.code,
      name: patch.name ?? region.name,
      nameEn: patch.nameEn === undefined ? region.nameEn : patch.nameEn,
      parentId: moving ? (patch.parentId ?? null) : region.parentId,
      path,
      version: region.version + 1,
      updatedAt: sql`now()`,
    })
    .where(and(eq(regions.id, region.id), eq(regions.version, region.version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  if (moving) {
    await tx
      .update(regions)
      .set({ path: sql`${path} || substr(${regions.path}, ${region.path.length + 1})` })
      .where(and(like(regions.path, `${region.path}%`), sql`${regions.id} <> ${region.id}`));
  }
  await writeAudit(tx, ctx, {
    action: "region.update",
    entityType: "region",
    entityId: region.id,
    before: region,
    after: updated,
  });
  return updated;
}
