import { cockpitOut, cockpitQuery } from "../../../schemas/cockpit.js";
import { authorize } from "../../policies/index.js";
import { cockpit } from "../../queries/cockpit.js";
import type { RoutePlugin } from "../types.js";

export const cockpitRoutes: RoutePlugin = async (app, { database }) => {
  app.get(
    "/api/cockpit",
    { schema: { tags: ["indicators"], querystring: cockpitQuery, response: { 200: cockpitOut } } },
    async (req) => {
      authorize(req.ctx, "cockpit", "read");
      // Figures a month old or more: a replica's lag of seconds does not matter here.
      return cockpit(database.reader, req.ctx.actor!, req.query);
    },
  );
};
