import { unitScopeOf } from "../../../domain/scope.js";
import { directiveListQuery, directivePage } from "../../../schemas/meetings.js";
import { authorize } from "../../policies/index.js";
import { presentDirective } from "../../presenters/meeting.js";
import { listDirectives } from "../../queries/directives.js";
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
};
