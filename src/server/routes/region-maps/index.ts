import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { regionMaps, regions } from "../../../db/schema.js";
import { mapProblem } from "../../../domain/region-map.js";
import { idParams, okBody } from "../../../schemas/common.js";
import { writeAudit } from "../../audit.js";
import type { ActingContext } from "../../context.js";
import { badRequest, notFound } from "../../errors.js";
import { authorize } from "../../policies/index.js";
import type { RoutePlugin } from "../types.js";

const tags = ["regions"];
const mapOut = z.object({ regionId: z.string(), generated: z.boolean(), updatedAt: z.string(), geojson: z.unknown() });
/** A GeoJSON file of a province's counties runs to a few megabytes. */
const MAP_LIMIT = 8 * 1024 * 1024;

export const regionMapRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  // The outline of a region's parts, for the region view's map; 404 until one is uploaded or drawn.
  app.get("/api/regions/:id/map", { schema: { tags, params: idParams, response: { 200: mapOut } } }, async (req) => {
    authorize(req.ctx, "region", "read");
    const [row] = await db.select().from(regionMaps).where(eq(regionMaps.regionId, req.params.id));
    if (!row) throw notFound();
    return { regionId: row.regionId, generated: row.generated, updatedAt: row.updatedAt, geojson: row.geojson };
  });

  // An admin uploads a GeoJSON FeatureCollection whose features carry the codes of the region's parts.
  app.put(
    "/api/regions/:id/map",
    {
      bodyLimit: MAP_LIMIT,
      schema: { tags, params: idParams, body: z.record(z.string(), z.unknown()), response: { 200: okBody } },
    },
    async (req) => {
      authorize(req.ctx, "region", "update");
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const [region] = await tx.select().from(regions).where(eq(regions.id, req.params.id));
        if (!region) throw notFound();
        const parts = await tx.select({ code: regions.code }).from(regions).where(eq(regions.parentId, region.id));
        const problem = mapProblem(req.body, new Set(parts.map((p) => p.code)));
        if (problem)
          throw badRequest(
            "geojson",
            problem.reason,
            problem.codes ? { codes: problem.codes.slice(0, 20).join(", ") } : undefined,
          );
        await tx
          .insert(regionMaps)
          .values({ regionId: region.id, geojson: req.body, generated: false, updatedBy: ctx.actor.id })
          .onConflictDoUpdate({
            target: regionMaps.regionId,
            set: { geojson: req.body, generated: false, updatedBy: ctx.actor.id, updatedAt: sql`now()` },
          });
        await writeAudit(tx, ctx, {
          action: "region.map",
          entityType: "region",
          entityId: region.id,
          after: { features: (req.body as { features: unknown[] }).features.length },
        });
      });
      return { ok: true as const };
    },
  );
};
