import { asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import {
  attachments,
  directives,
  meetings,
  milestones,
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

/** Reports of a task, newest first, with their units and attachments. */
export async function taskReports(db: Queryable, taskId: string) {
  return reportsWhere(db, eq(progressReports.taskId, taskId));
}

/** One report as a task page shows it (the answer to submitting it). */
export async function taskReport(db: Queryable, reportId: string) {
  const [report] = await reportsWhere(db, eq(progressReports.id, reportId));
  if (!report) throw notFound();
  return report;
}

async function reportsWhere(db: Queryable, where: SQL) {
  const rows = await db
    .select({ report: progressReports, unitName: units.name })
    .from(progressReports)
    .innerJoin(units, eq(units.id, progressReports.unitId))
    .where(where)
    .orderBy(desc(progressReports.submittedAt), desc(progressReports.id));
  const ids = rows.map((r) => r.report.id);
  const files = ids.length
    ? await db
        .select({ reportId: reportAttachments.reportId, file: attachments })
        .from(reportAttachments)
        .innerJoin(attachments, eq(attachments.id, reportAttachments.attachmentId))
        .where(inArray(reportAttachments.reportId, ids))
        .orderBy(asc(attachments.createdAt))
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
    ? await db
        .select({ id: tasks.id, number: tasks.number, title: tasks.title })
        .from(tasks)
        .where(inArray(tasks.id, ancestorIds))
    : [];
  const implemented = await db
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
    .where(eq(taskDirectives.taskId, task.id))
    .orderBy(asc(meetings.heldOn), asc(directives.ordinal));
  const steps = await db.select().from(milestones).where(eq(milestones.taskId, task.id)).orderBy(asc(milestones.ordinal));
  const scopeWhere = taskScopeWhere(scope);
  const children = await taskSummaries(
    db,
    scopeWhere ? sql`${tasks.parentId} = ${task.id} and ${scopeWhere}` : eq(tasks.parentId, task.id),
  );
  const events = await db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id)).orderBy(desc(taskEvents.id)).limit(200);
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
