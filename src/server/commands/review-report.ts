import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { recountPendingReports } from "../../db/pending-reports.js";
import { type ProgressReportRow, progressReports, type TaskRow, tasks } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { conflict } from "../errors.js";
import { recordTaskEvent, refreshLights, rollUpAncestors } from "./task-upkeep.js";

/**
 * The office accepts a report, or returns it with a reason. A returned report no longer counts:
 * the task's progress falls back to the latest report that stands, and its period is open again.
 */
export async function reviewReport(
  ctx: ActingContext,
  input: {
    report: ProgressReportRow;
    task: TaskRow;
    hasChildren: boolean;
    decision: "accepted" | "returned";
    reason: string | null;
  },
  tx: Queryable,
): Promise<ProgressReportRow> {
  const { report, task, decision, reason } = input;
  if (report.kind !== "report" || report.review !== "pending") throw conflict("report_reviewed");
  const [reviewed] = await tx
    .update(progressReports)
    .set({ review: decision, reviewReason: reason, reviewedBy: ctx.actor.id, reviewedAt: sql`now()` })
    .where(and(eq(progressReports.id, report.id), eq(progressReports.review, "pending")))
    .returning();
  if (!reviewed) throw conflict("report_reviewed");
  await recountPendingReports(tx, [task.id]);
  let updated = task;
  if (decision === "returned" && !input.hasChildren) {
    const [standing] = await tx
      .select({ percent: progressReports.percent })
      .from(progressReports)
      .where(
        and(
          eq(progressReports.taskId, task.id),
          eq(progressReports.kind, "report"),
          isNotNull(progressReports.percent),
          sql`${progressReports.review} is distinct from 'returned'`,
        ),
      )
      .orderBy(desc(progressReports.submittedAt))
      .limit(1);
    [updated] = await tx
      .update(tasks)
      .set({ progress: standing?.percent ?? 0, version: task.version + 1, updatedAt: sql`now()` })
      .where(eq(tasks.id, task.id))
      .returning();
  }
  await recordTaskEvent(tx, ctx, task.id, {
    kind: decision === "accepted" ? "report_accepted" : "report_returned",
    reason,
    data: { reportId: report.id, period: report.period },
  });
  await refreshLights(tx, [updated]);
  if (updated !== task && updated.parentId) await rollUpAncestors(tx, updated.path);
  await writeAudit(tx, ctx, {
    action: `report.${decision === "accepted" ? "accept" : "return"}`,
    entityType: "progress_report",
    entityId: report.id,
    before: { review: report.review },
    after: { review: decision, reviewReason: reason },
  });
  return reviewed;
}
