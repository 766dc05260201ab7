import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { attachments, type ProgressReportRow, progressReports, reportAttachments, type TaskRow, tasks } from "../../db/schema.js";
import { periodOf } from "../../domain/reporting-periods.js";
import { acceptsReports } from "../../domain/task-states.js";
import type { ReportCreate } from "../../schemas/tasks.js";
import { writeAudit } from "../audit.js";
import { todayIso } from "../clock.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { recordTaskEvents, refreshLights, rollUpAncestors } from "./task-upkeep.js";

/**
 * The lead unit reports progress for a period (or a co-unit adds a note). A report moves the
 * task's progress and measured value, starts a task just signed for, and waits for review.
 */
export async function submitReport(
  ctx: ActingContext,
  input: ReportCreate & { task: TaskRow; hasChildren: boolean },
  tx: Queryable,
): Promise<ProgressReportRow> {
  const { task, kind, attachmentIds } = input;
  const finished = task.state === "closed" || task.state === "cancelled" || task.state === "draft";
  if (kind === "report" ? !acceptsReports(task.state) : finished)
    throw conflict("report_not_open", "kind", { state: task.state });
  if (attachmentIds.length) {
    const own = new Set(
      (
        await tx
          .select({ id: attachments.id })
          .from(attachments)
          .where(and(inArray(attachments.id, attachmentIds), eq(attachments.createdBy, ctx.actor.id)))
      ).map((a) => a.id),
    );
    attachmentIds.forEach((id, i) => {
      if (!own.has(id)) throw badRequest(`attachmentIds.${i}`, "attachment_missing");
    });
  }
  const today = todayIso();
  const [report] = await tx
    .insert(progressReports)
    .values({
      taskId: task.id,
      unitId: ctx.actor.unitId,
      kind,
      period: input.period ?? periodOf(today, task.cadence).key,
      narrative: input.narrative,
      percent: kind === "report" ? input.percent : null,
      measuredValue: kind === "report" ? input.measuredValue : null,
      submittedBy: ctx.actor.id,
      submittedByName: ctx.actor.displayName,
      review: kind === "report" ? "pending" : null,
    })
    .returning();
  if (attachmentIds.length)
    await tx.insert(reportAttachments).values(attachmentIds.map((attachmentId) => ({ reportId: report.id, attachmentId })));
  let updated = task;
  if (kind === "report") {
    const started = task.state === "accepted";
    [updated] = await tx
      .update(tasks)
      .set({
        // A parent's progress is rolled up from its children, not reported.
        ...(input.percent !== null && !input.hasChildren ? { progress: input.percent } : {}),
        ...(input.measuredValue !== null ? { measuredValue: input.measuredValue } : {}),
        ...(started ? { state: "in_progress" as const } : {}),
        lastReportOn: today,
        // The report just stored waits for review; the task's row is locked, so counting on is exact.
        pendingReports: sql`${tasks.pendingReports} + 1`,
        version: task.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(tasks.id, task.id))
      .returning();
  }
  await recordTaskEvents(tx, ctx, task.id, [
    ...(kind === "report" && task.state === "accepted"
      ? [{ kind: "start", fromState: "accepted" as const, toState: "in_progress" as const }]
      : []),
    {
      kind,
      data: { reportId: report.id, period: report.period, percent: report.percent, measuredValue: report.measuredValue },
    },
  ]);
  // A report (not a note) for a period counts for that period's light as soon as it is stored.
  await refreshLights(tx, [updated], today, undefined, new Set(kind === "report" ? [`${task.id}|${report.period}`] : []));
  if (kind === "report" && updated.parentId) await rollUpAncestors(tx, updated.path);
  await writeAudit(tx, ctx, {
    action: `report.${kind === "report" ? "submit" : "note"}`,
    entityType: "progress_report",
    entityId: report.id,
    after: { ...report, attachmentIds },
  });
  return report;
}
