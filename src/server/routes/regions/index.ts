import { z } from "zod";
import { idParams } from "../../../schemas/common.js";
import { regionActive, regionCreate, regionListQuery, regionOut, regionPage, regionUpdate } from "../../../schemas/regions.js";
import { createRegion } from "../../commands/create-region.js";
import { setRegionActive } from "../../commands/set-region-active.js";
import { updateRegion } from "../../commands/update-region.js";
import { authorize } from "../../policies/index.js";
import { presentRegion } from "../../presenters/region.js";
import { listRegions, loadRegion, loadRegionWithCounts, regionAncestors } from "../../queries/regions.js";
import type { RoutePlugin } from "../types.js";

const tags = ["regions"];

export const regionRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/regions", { schema: { tags, querystring: regionListQuery, response: { 200: regionPage } } }, async (req) => {
    authorize(req.ctx, "region", "read");
    const page = await listRegions(db, req.query);
    return { ...page, items: page.items.map(presentRegion) };
  });

  app.get(
    "/api/regions/:id",
    { schema: { tags, params: idParams, response: { 200: regionOut.extend({ ancestors: z.array(regionOut) }) } } },
    async (req) => {
      const region = await loadRegionWithCounts(db, req.params.id);
      authorize(req.ctx, "region", "read");
      const ancestors = await regionAncestors(db, region);
      return { ...presentRegion(region), ancestors: ancestors.map(presentRegion) };
    },
  );

  app.post("/api/regions", { schema: { tags, body: regionCreate, response: { 201: regionOut } } }, async (req, reply) => {
    authorize(req.ctx, "region", "create");
    const region = await db.transaction((tx) => createRegion(req.ctx, req.body, tx));
    return reply.code(201).send(presentRegion(region));
  });

  app.patch(
    "/api/regions/:id",
    { schema: { tags, params: idParams, body: regionUpdate, response: { 200: regionOut } } },
    async (req) => {
      const region = await db.transaction(async (tx) => {
        const current = await loadRegion(tx, req.params.id, true);
        authorize(req.ctx, "region", "update");
        return updateRegion(req.ctx, { region: current, patch: req.body }, tx);
      });
      return presentRegion(region);
    },
  );

  app.post(
    "/api/regions/:id/active",
    { schema: { tags, params: idParams, body: regionActive, response: { 200: regionOut } } },
    async (req) => {
      const region = await db.transaction(async (tx) => {
        const current = await loadRegion(tx, req.params.id, true);
        authorize(req.ctx, "region", "deactivate");
        return setRegionActive(req.ctx, { region: current, ...req.body }, tx);
      });
      return presentRegion(region);
    },
  );
};
