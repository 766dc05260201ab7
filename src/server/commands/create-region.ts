import { randomUUID } from "node:crypto";
import type { Queryable } from "../../db/connection.js";
import { type RegionRow, regions } from "../../db/schema.js";
import { childPath } from "../../domain/people.js";
import type { RegionCreate } from "../../schemas/regions.js";
import { writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { checkRegionCode, checkRegionParent } from "./region-rules.js";

export async function createRegion(ctx: RequestContext, input: RegionCreate, tx: Queryable): Promise<RegionRow> {
  const parent = await checkRegionParent(tx, input.level, input.parentId);
  await checkRegionCode(tx, input.code, input.level);
  const id = randomUUID();
  const [region] = await tx
    .insert(regions)
    .values({
      id,
      code: input.code,
      name: input.name,
      nameEn: input.nameEn,
      level: input.level,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
    })
    .returning();
  await writeAudit(tx, ctx, { action: "region.create", entityType: "region", entityId: id, after: region });
  return region;
}
