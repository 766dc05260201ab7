import { z } from "zod";
import { auditListQuery, auditPage } from "../../../schemas/audit.js";
import { authorize } from "../../policies/index.js";
import { presentAuditEvent } from "../../presenters/audit.js";
import { auditFacets, listAuditEvents } from "../../queries/audit.js";
import type { RoutePlugin } from "../types.js";

const tags = ["audit"];

export const auditRoutes: RoutePlugin = async (app, { database }) => {
  app.get("/api/audit", { schema: { tags, querystring: auditListQuery, response: { 200: auditPage } } }, async (req) => {
    authorize(req.ctx, "audit", "list");
    const page = await listAuditEvents(database.db, req.query);
    return { ...page, items: page.items.map(presentAuditEvent) };
  });

  app.get(
    "/api/audit/facets",
    { schema: { tags, response: { 200: z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) }) } } },
    async (req) => {
      authorize(req.ctx, "audit", "list");
      return auditFacets(database.db);
    },
  );
};
