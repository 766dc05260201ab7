import { eq } from "drizzle-orm";
import { directives, meetings, regions, units } from "../../../db/schema.js";
import { unitScopeOf } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import { directiveListQuery, directivePage, leadSuggestionsOut } from "../../../schemas/meetings.js";
import { notFound } from "../../errors.js";
import { authorize } from "../../policies/index.js";
import { presentDirective } from "../../presenters/meeting.js";
import { listDirectives } from "../../queries/directives.js";
import { leadSuggestions } from "../../queries/lead-suggestions.js";
import type { RoutePlugin } from "../types.js";

export const directiveRoutes: RoutePlugin = async (app, { database }) => {
  app.get(
    "/api/directives",
    { schema: { tags: ["directives"], querystring: directiveListQuery, response: { 200: directivePage } } },
    async (req) => {
      authorize(req.ctx, "meeting", "list");
      const page = await listDirectives(database.db, req.query, unitScopeOf(req.ctx.actor));
      return {
        ...page,
        items: page.items.map((d) => ({
          ...presentDirective(d),
          meetingTitle: d.meetingTitle,
          heldOn: d.heldOn,
          repeats: d.repeats,
          taskCount: d.taskCount,
        })),
      };
    },
  );

  // For the coordinator turning this directive into a task: which units it should likely go to, and why.
  app.get(
    "/api/directives/:id/lead-suggestions",
    { schema: { tags: ["directives"], params: idParams, response: { 200: leadSuggestionsOut } } },
    async (req) => {
      const [found] = await database.db
        .select({ directive: directives, unitId: units.id, regionPath: regions.path })
        .from(directives)
        .innerJoin(meetings, eq(meetings.id, directives.meetingId))
        .innerJoin(units, eq(units.id, meetings.unitId))
        .innerJoin(regions, eq(regions.id, units.regionId))
        .where(eq(directives.id, req.params.id));
      if (!found) {
        authorize(req.ctx, "task", "create");
        throw notFound();
      }
      authorize(req.ctx, "meeting", "read", { id: found.unitId, regionPath: found.regionPath });
      authorize(req.ctx, "task", "create");
      return { items: await leadSuggestions(database.db, found.directive, unitScopeOf(req.ctx.actor)) };
    },
  );
};
