import { eq, sql } from "drizzle-orm";
import { milestones } from "../../../db/schema.js";
import { idParams } from "../../../schemas/common.js";
import { milestoneDone, taskOut } from "../../../schemas/tasks.js";
import { completeMilestone } from "../../commands/complete-milestone.js";
import type { ActingContext } from "../../context.js";
import { notFound } from "../../errors.js";
import { authorize } from "../../policies/index.js";
import { loadTask, scopedTask, taskRow } from "../../queries/tasks.js";
import { taskView } from "../tasks/index.js";
import type { RoutePlugin } from "../types.js";

export const milestoneRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  // The lead unit (or the office) marks a milestone done, or open again; answers the task as it now stands.
  app.post(
    "/api/milestones/:id/done",
    { schema: { tags: ["tasks"], params: idParams, body: milestoneDone, response: { 200: taskOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      const taskId = await db.transaction(async (tx) => {
        const [milestone] = await tx.select().from(milestones).where(eq(milestones.id, req.params.id));
        if (!milestone) {
          authorize(ctx, "task", "list");
          throw notFound();
        }
        await tx.execute(sql`select 1 from tasks where id = ${milestone.taskId} for update`);
        const task = await loadTask(tx, milestone.taskId);
        authorize(ctx, "task", "milestone", scopedTask(task));
        await completeMilestone(ctx, { milestone, task: taskRow(task), doneOn: req.body.doneOn }, tx);
        return task.id;
      });
      return taskView(db, taskId, ctx.actor);
    },
  );
};
