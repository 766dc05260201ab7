import { myWorkOut } from "../../../schemas/my-work.js";
import { authorize } from "../../policies/index.js";
import { presentTaskBrief } from "../../presenters/task.js";
import { myWork } from "../../queries/my-work.js";
import type { RoutePlugin } from "../types.js";

export const myWorkRoutes: RoutePlugin = async (app, { database }) => {
  app.get("/api/my-work", { schema: { tags: ["tasks"], response: { 200: myWorkOut } } }, async (req) => {
    authorize(req.ctx, "task", "list");
    const work = await myWork(database.db, req.ctx.actor);
    return Object.fromEntries(
      Object.entries(work).map(([k, v]) => [
        k,
        { total: v.total, totalCapped: v.totalCapped, items: v.items.map(presentTaskBrief) },
      ]),
    ) as never;
  });
};
