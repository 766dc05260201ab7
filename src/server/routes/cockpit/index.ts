import { cockpitOut, cockpitQuery } from "../../../schemas/cockpit.js";
import { scopeKey } from "../../lag-cache.js";
import { authorize } from "../../policies/index.js";
import { cockpit } from "../../queries/cockpit.js";
import type { RoutePlugin } from "../types.js";

export const cockpitRoutes: RoutePlugin = async (app, { database, lagCache }) => {
  app.get(
    "/api/cockpit",
    { schema: { tags: ["indicators"], querystring: cockpitQuery, response: { 200: cockpitOut } } },
    async (req) => {
      authorize(req.ctx, "cockpit", "read");
      // Figures a month old or more: a replica's lag, or an answer a few seconds old, does not matter here.
      const actor = req.ctx.actor!;
      const { month, regionId, mapIndicatorId } = req.query;
      const key = `cockpit|${scopeKey(actor)}|${month}|${regionId ?? actor.regionId}|${mapIndicatorId}`;
      return lagCache.get(key, () => cockpit(database.reader, actor, req.query));
    },
  );
};
