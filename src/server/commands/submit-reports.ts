import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { insertRows } from "../../db/insert-rows.js";
import { oneOf } from "../../db/one-of.js";
import {
  type AttachmentRow,
  attachments,
  type ProgressReportRow,
  progressReports,
  reportAttachments,
  type TaskRow,
  taskEvents,
  tasks,
  units,
} from "../../db/schema.js";
import { periodOf } from "../../domain/reporting-periods.js";
import { acceptsReports } from "../../domain/task-states.js";
import type { ReportCreate } from "../../schemas/tasks.js";
import { writeAuditsOf } from "../audit.js";
import { todayIso } from "../clock.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { timeOrderedUuid } from "../ids.js";
import { authorize } from "../policies/index.js";
import { type LoadedTask, loadTasksLocked, lockTaskTrees, scopedTask, taskRow } from "../queries/tasks.js";
import { refreshLights, rollUpAncestors } from "./task-upkeep.js";

/** One person's progress report (or a co-unit's note) on one task, as the API received it. */
export interface ReportSubmission {
  ctx: ActingContext;
  taskId: string;
  input: ReportCreate;
}

/** A report as a task page shows it: the answer to its sender, without reading it back. */
export type LandedReport = ProgressReportRow & { unitName: string; attachments: AttachmentRow[] };

export type SubmissionResult = { ok: true; report: LandedReport } | { ok: false; error: unknown };

type Accepted = ReportSubmission & { task: LoadedTask; reportId: string; period: string };

/**
 * Reports from several people landed together in the caller's transaction (see report-intake.ts).
 * Each is checked on its own — the task exists, the actor may report or add a note, the task takes
 * reports, the attachments are the actor's — and one refused writes nothing and answers with its
 * own error. The accepted ones are written with one statement per kind of row (reports, task
 * updates, history, audit) instead of a dozen each. At most one submission per task: the tasks'
 * rows are locked, and the counts kept on them are counted on.
 *
 * A report moves the task's progress (unless its parts roll it up) and measured value, starts a
 * task just signed for, and waits for review; a note only joins the history.
 */
export async function submitReports(tx: Queryable, submissions: ReportSubmission[]): Promise<SubmissionResult[]> {
  const taskIds = [...new Set(submissions.map((s) => s.taskId))];
  // The ancestors too, as progress rolls up to them: locked in one order with the tasks.
  await lockTaskTrees(tx, taskIds);
  const found = new Map((await loadTasksLocked(tx, taskIds)).map((t) => [t.id, t]));
  const attachmentIds = [...new Set(submissions.flatMap((s) => s.input.attachmentIds))];
  const files = new Map(
    attachmentIds.length
      ? (await tx.select().from(attachments).where(oneOf(attachments.id, attachmentIds))).map((a) => [a.id, a])
      : [],
  );
  const today = todayIso();
  const results: SubmissionResult[] = [];
  const answers = new Map<string, { ok: true; report: LandedReport }>();
  const accepted: Accepted[] = [];
  for (const s of submissions) {
    try {
      const task = found.get(s.taskId);
      if (!task) throw notFound();
      const { kind } = s.input;
      authorize(s.ctx, "task", kind === "report" ? "report" : "note", scopedTask(task));
      const finished = task.state === "closed" || task.state === "cancelled" || task.state === "draft";
      if (kind === "report" ? !acceptsReports(task.state) : finished)
        throw conflict("report_not_open", "kind", { state: task.state });
      s.input.attachmentIds.forEach((id, i) => {
        if (files.get(id)?.createdBy !== s.ctx.actor.id) throw badRequest(`attachmentIds.${i}`, "attachment_missing");
      });
      const reportId = timeOrderedUuid();
      accepted.push({ ...s, task, reportId, period: s.input.period ?? periodOf(today, task.cadence).key });
      // Filled in once the report is stored (below).
      const answer = { ok: true as const, report: { id: reportId } as LandedReport };
      results.push(answer);
      answers.set(reportId, answer);
    } catch (error) {
      results.push({ ok: false, error });
    }
  }
  if (!accepted.length) return results;

  const stored = await insertRows(
    tx,
    progressReports,
    accepted.map(({ ctx, input, task, reportId, period }) => ({
      id: reportId,
      taskId: task.id,
      unitId: ctx.actor.unitId,
      kind: input.kind,
      period,
      narrative: input.narrative,
      percent: input.kind === "report" ? input.percent : null,
      measuredValue: input.kind === "report" ? input.measuredValue : null,
      submittedBy: ctx.actor.id,
      submittedByName: ctx.actor.displayName,
      review: input.kind === "report" ? ("pending" as const) : null,
    })),
    { returning: true },
  );
  const reportById = new Map(stored.map((r) => [r.id, r]));
  const unitIds = [...new Set(accepted.map((a) => a.ctx.actor.unitId))];
  const unitName = new Map(
    (await tx.select({ id: units.id, name: units.name }).from(units).where(oneOf(units.id, unitIds))).map((u) => [u.id, u.name]),
  );
  const links = accepted.flatMap((a) => a.input.attachmentIds.map((attachmentId) => ({ reportId: a.reportId, attachmentId })));
  if (links.length) await tx.insert(reportAttachments).values(links);

  // The tasks as they stand after their reports: computed here, written in one statement.
  const after = new Map<string, TaskRow>();
  const reports = accepted.filter((a) => a.input.kind === "report");
  for (const { task, input } of reports) {
    const row = taskRow(task);
    after.set(task.id, {
      ...row,
      // A parent's progress is rolled up from its children, not reported.
      progress: input.percent !== null && !task.hasChildren ? input.percent : row.progress,
      measuredValue: input.measuredValue ?? row.measuredValue,
      state: task.state === "accepted" ? "in_progress" : task.state,
      lastReportOn: today,
      pendingReports: row.pendingReports + 1,
      version: row.version + 1,
    });
  }
  if (reports.length) {
    const values = reports.map(({ task }) => {
      const t = after.get(task.id) as TaskRow;
      return { id: task.id, progress: t.progress, measured: t.measuredValue, state: t.state };
    });
    // Each task's row is locked above, so counting on (pending reports, version) is exact.
    await tx.execute(sql`update ${tasks} set
        progress = v.progress, measured_value = v.measured, state = v.state,
        last_report_on = ${today}, pending_reports = ${tasks.pendingReports} + 1,
        version = ${tasks.version} + 1, updated_at = now()
      from json_to_recordset(${JSON.stringify(values)}::json)
        as v(id uuid, progress double precision, measured double precision, state task_state)
      where ${tasks.id} = v.id`);
  }

  await insertRows(
    tx,
    taskEvents,
    accepted.flatMap(({ ctx, input, task, reportId, period }) => {
      const by = { taskId: task.id, actorId: ctx.actor.id, actorName: ctx.actor.displayName };
      const report = reportById.get(reportId);
      return [
        ...(input.kind === "report" && task.state === "accepted"
          ? [{ ...by, kind: "start", fromState: "accepted" as const, toState: "in_progress" as const }]
          : []),
        {
          ...by,
          kind: input.kind,
          data: { reportId, period, percent: report?.percent ?? null, measuredValue: report?.measuredValue ?? null },
        },
      ];
    }),
  );
  // A report (not a note) for a period counts for that period's light as soon as it is stored.
  await refreshLights(
    tx,
    accepted.map((a) => after.get(a.task.id) ?? taskRow(a.task)),
    today,
    undefined,
    new Set(reports.map((a) => `${a.task.id}|${a.period}`)),
  );
  for (const { task } of reports) if (task.parentId) await rollUpAncestors(tx, task.path, { locked: true });
  await writeAuditsOf(
    tx,
    accepted.map(({ ctx, input, reportId }) => ({
      ctx,
      entry: {
        action: `report.${input.kind === "report" ? "submit" : "note"}`,
        entityType: "progress_report",
        entityId: reportId,
        after: { ...reportById.get(reportId), attachmentIds: input.attachmentIds },
      },
    })),
  );
  for (const [id, answer] of answers) {
    const report = reportById.get(id) as ProgressReportRow;
    const input = accepted.find((a) => a.reportId === id)?.input.attachmentIds ?? [];
    answer.report = {
      ...report,
      unitName: unitName.get(report.unitId) ?? "",
      attachments: input.map((a) => files.get(a) as AttachmentRow).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    };
  }
  return results;
}
