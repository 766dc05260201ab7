import { asc, desc, eq, sql } from "drizzle-orm";
import { builtOnce } from "../../db/built-once.js";
import type { Queryable } from "../../db/connection.js";
import {
  attachments,
  directives,
  meetings,
  milestones,
  type ProgressReportRow,
  progressReports,
  reportAttachments,
  taskDirectives,
  taskEvents,
  tasks,
  units,
} from "../../db/schema.js";
import type { UnitScope } from "../../domain/scope.js";
import { notFound } from "../errors.js";
import { taskScopeWhere } from "./task-scope.js";
import type { LoadedTask } from "./tasks.js";
import { taskSummaries, taskSummariesOf } from "./tasks.js";

const reportQuery = (db: Queryable) =>
  db
    .select({ report: progressReports, unitName: units.name })
    .from(progressReports)
    .innerJoin(units, eq(units.id, progressReports.unitId));
const NEWEST_FIRST = [desc(progressReports.submittedAt), desc(progressReports.id)];

/** Reports of a task, newest first, with their units and attachments. */
export async function taskReports(db: Queryable, taskId: string) {
  const rows = await builtOnce(db, "task_reports", (d) =>
    reportQuery(d)
      .where(eq(progressReports.taskId, sql.placeholder("taskId")))
      .orderBy(...NEWEST_FIRST)
      .prepare("task_reports"),
  ).execute({ taskId });
  return withAttachments(db, rows);
}

/** One report as a task page shows it (the answer to submitting it). */
export async function taskReport(db: Queryable, reportId: string) {
  const [report] = await withAttachments(db, await reportQuery(db).where(eq(progressReports.id, reportId)));
  if (!report) throw notFound();
  return report;
}

async function withAttachments(db: Queryable, rows: { report: ProgressReportRow; unitName: string }[]) {
  const ids = rows.map((r) => r.report.id);
  const files = ids.length
    ? await builtOnce(db, "report_files", (d) =>
        d
          .select({ reportId: reportAttachments.reportId, file: attachments })
          .from(reportAttachments)
          .innerJoin(attachments, eq(attachments.id, reportAttachments.attachmentId))
          .where(sql`${reportAttachments.reportId} = any(${sql.placeholder("ids")}::uuid[])`)
          .orderBy(asc(attachments.createdAt))
          .prepare("report_files"),
      ).execute({ ids })
    : [];
  return rows.map((r) => ({
    ...r.report,
    unitName: r.unitName,
    attachments: files.filter((f) => f.reportId === r.report.id).map((f) => f.file),
  }));
}

/** Everything a task page shows: where it came from, its parts, its reports and its history. */
export async function taskDetail(db: Queryable, task: LoadedTask, scope: UnitScope) {
  const [summary] = await taskSummariesOf(db, [task.id]);
  const ancestorIds = task.path.split("/").filter(Boolean).slice(0, -1);
  const ancestors = ancestorIds.length
    ? await builtOnce(db, "task_ancestors", (d) =>
        d
          .select({ id: tasks.id, number: tasks.number, title: tasks.title })
          .from(tasks)
          .where(sql`${tasks.id} = any(${sql.placeholder("ids")}::uuid[])`)
          .prepare("task_ancestors"),
      ).execute({ ids: ancestorIds })
    : [];
  const implemented = await builtOnce(db, "task_directives", (d) =>
    d
      .select({
        id: directives.id,
        text: directives.text,
        meetingId: meetings.id,
        meetingTitle: meetings.title,
        heldOn: meetings.heldOn,
      })
      .from(taskDirectives)
      .innerJoin(directives, eq(directives.id, taskDirectives.directiveId))
      .innerJoin(meetings, eq(meetings.id, directives.meetingId))
      .where(eq(taskDirectives.taskId, sql.placeholder("taskId")))
      .orderBy(asc(meetings.heldOn), asc(directives.ordinal))
      .prepare("task_directives"),
  ).execute({ taskId: task.id });
  const steps = await builtOnce(db, "task_milestones", (d) =>
    d
      .select()
      .from(milestones)
      .where(eq(milestones.taskId, sql.placeholder("taskId")))
      .orderBy(asc(milestones.ordinal))
      .prepare("task_milestones"),
  ).execute({ taskId: task.id });
  const scopeWhere = taskScopeWhere(scope);
  const children = await taskSummaries(
    db,
    scopeWhere ? sql`${tasks.parentId} = ${task.id} and ${scopeWhere}` : eq(tasks.parentId, task.id),
  );
  const events = await builtOnce(db, "task_events", (d) =>
    d
      .select()
      .from(taskEvents)
      .where(eq(taskEvents.taskId, sql.placeholder("taskId")))
      .orderBy(desc(taskEvents.id))
      .limit(200)
      .prepare("task_events"),
  ).execute({ taskId: task.id });
  return {
    summary,
    path: ancestorIds.map((id) => ancestors.find((a) => a.id === id)).filter((a) => !!a),
    directives: implemented,
    milestones: steps,
    children,
    reports: await taskReports(db, task.id),
    events,
  };
}
