import { eq } from "drizzle-orm";
import { progressReports } from "../../../db/schema.js";
import { idParams } from "../../../schemas/common.js";
import { reportOut, reportReview } from "../../../schemas/tasks.js";
import { reviewReport } from "../../commands/review-report.js";
import type { ActingContext } from "../../context.js";
import { notFound } from "../../errors.js";
import { authorize } from "../../policies/index.js";
import { presentReport } from "../../presenters/task.js";
import { taskReport } from "../../queries/task-detail.js";
import { loadTask, scopedTask, taskRow } from "../../queries/tasks.js";
import type { RoutePlugin } from "../types.js";

export const reportRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.post(
    "/api/reports/:id/review",
    { schema: { tags: ["reports"], params: idParams, body: reportReview, response: { 200: reportOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const [report] = await tx.select().from(progressReports).where(eq(progressReports.id, req.params.id));
        if (!report) throw notFound();
        const task = await loadTask(tx, report.taskId, { lock: true });
        authorize(ctx, "task", "review", scopedTask(task));
        await reviewReport(
          ctx,
          { report, task: taskRow(task), hasChildren: task.hasChildren, decision: req.body.decision, reason: req.body.reason },
          tx,
        );
      });
      return presentReport(await taskReport(db, req.params.id));
    },
  );
};
