import { eq, sql } from "drizzle-orm";
import { progressReports, tasks } from "../../../db/schema.js";
import { idParams } from "../../../schemas/common.js";
import { reportOut, reportReview } from "../../../schemas/tasks.js";
import { reviewReport } from "../../commands/review-report.js";
import type { ActingContext } from "../../context.js";
import { notFound } from "../../errors.js";
import { authorize } from "../../policies/index.js";
import { presentReport } from "../../presenters/task.js";
import { taskReports } from "../../queries/task-detail.js";
import { loadTask, scopedTask, taskRow } from "../../queries/tasks.js";
import type { RoutePlugin } from "../types.js";

export const reportRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.post(
    "/api/reports/:id/review",
    { schema: { tags: ["reports"], params: idParams, body: reportReview, response: { 200: reportOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      const taskId = await db.transaction(async (tx) => {
        const [report] = await tx.select().from(progressReports).where(eq(progressReports.id, req.params.id));
        if (!report) throw notFound();
        await tx.execute(sql`select 1 from tasks where id = ${report.taskId} for update`);
        const task = await loadTask(tx, report.taskId);
        authorize(ctx, "task", "review", scopedTask(task));
        const children = await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.parentId, task.id)).limit(1);
        await reviewReport(
          ctx,
          { report, task: taskRow(task), hasChildren: children.length > 0, decision: req.body.decision, reason: req.body.reason },
          tx,
        );
        return task.id;
      });
      const reports = await taskReports(db, taskId);
      return presentReport(reports.find((r) => r.id === req.params.id)!);
    },
  );
};
