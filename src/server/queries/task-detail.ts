import { asc, eq, type SQL, sql } from "drizzle-orm";
import { builtOnce } from "../../db/built-once.js";
import type { Queryable } from "../../db/connection.js";
import { oneOf } from "../../db/one-of.js";
import {
  attachments,
  type ProgressReportRow,
  progressReports,
  reportAttachments,
  type TaskEventRow,
  tasks,
  units,
} from "../../db/schema.js";
import type { UnitScope } from "../../domain/scope.js";
import { notFound } from "../errors.js";
import { taskScopeWhere } from "./task-scope.js";
import type { LoadedTask } from "./tasks.js";
import { taskSummariesOf } from "./tasks.js";

const reportQuery = (db: Queryable) =>
  db
    .select({ report: progressReports, unitName: units.name })
    .from(progressReports)
    .innerJoin(units, eq(units.id, progressReports.unitId));

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

/** A report as the task page and the report routes show it. */
export interface ReportOnPage {
  id: string;
  taskId: string;
  kind: ProgressReportRow["kind"];
  unitId: string;
  unitName: string;
  period: string;
  narrative: string;
  percent: number | null;
  measuredValue: number | null;
  submittedByName: string;
  submittedAt: string;
  review: ProgressReportRow["review"];
  reviewReason: string | null;
  reviewedAt: string | null;
  attachments: { id: string; name: string; mime: string; size: number; sha256: string }[];
}

/** An entry of a task's history as its page shows it. */
export type EventOnPage = Pick<TaskEventRow, "id" | "at" | "actorName" | "kind" | "fromState" | "toState" | "reason" | "data">;

interface PageParts {
  ancestors: { id: string; number: number; title: string }[];
  directives: { id: string; text: string; meetingId: string; meetingTitle: string; heldOn: string }[];
  milestones: { id: string; title: string; dueOn: string; doneOn: string | null }[];
  events: EventOnPage[];
  reports: ReportOnPage[];
  childIds: string[];
}

/**
 * What a task page shows beside the task, in one statement and so one round trip: each part as
 * JSON, named as the presenters read it. Sent one by one they took eight round trips, and the
 * waiting was most of the page's time. Events are the latest 200; reports are newest first. The
 * task's id is read from `page`, out of the planner's sight, so one plan serves every task
 * (planning it each time had cost more than running it).
 */
const PAGE_PARTS = (
  taskId: string,
  ancestorIds: string[],
  childScope: SQL,
) => sql`with page as materialized (select ${taskId}::uuid as task_id)
  select
  (select coalesce(json_agg(json_build_object('id', a.id, 'number', a.number, 'title', a.title)), '[]'::json)
    from tasks a where ${oneOf(sql.raw("a.id"), ancestorIds)}) as ancestors,
  (select coalesce(json_agg(json_build_object('id', d.id, 'text', d.text, 'meetingId', m.id, 'meetingTitle', m.title,
      'heldOn', m.held_on) order by m.held_on, d.ordinal), '[]'::json)
    from task_directives td join directives d on d.id = td.directive_id join meetings m on m.id = d.meeting_id
    where td.task_id = (select task_id from page)) as directives,
  (select coalesce(json_agg(json_build_object('id', s.id, 'title', s.title, 'dueOn', s.due_on, 'doneOn', s.done_on)
      order by s.ordinal), '[]'::json) from milestones s where s.task_id = (select task_id from page)) as milestones,
  (select coalesce(json_agg(json_build_object('id', e.id, 'at', e.at, 'actorName', e.actor_name, 'kind', e.kind,
      'fromState', e.from_state, 'toState', e.to_state, 'reason', e.reason, 'data', e.data) order by e.id desc), '[]'::json)
    from (select * from task_events e where e.task_id = (select task_id from page) order by e.id desc limit 200) e) as events,
  (select coalesce(json_agg(json_build_object('id', r.id, 'taskId', r.task_id, 'kind', r.kind, 'unitId', r.unit_id,
      'unitName', u.name, 'period', r.period, 'narrative', r.narrative, 'percent', r.percent,
      'measuredValue', r.measured_value, 'submittedByName', r.submitted_by_name, 'submittedAt', r.submitted_at,
      'review', r.review, 'reviewReason', r.review_reason, 'reviewedAt', r.reviewed_at,
      'attachments', (select coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', f.mime,
          'size', f.size, 'sha256', f.sha256) order by f.created_at), '[]'::json)
        from report_attachments ra join attachments f on f.id = ra.attachment_id where ra.report_id = r.id)
    ) order by r.submitted_at desc, r.id desc), '[]'::json)
    from progress_reports r join units u on u.id = r.unit_id where r.task_id = (select task_id from page)) as reports,
  array(select tasks.id from tasks where ${childScope} order by tasks.number limit 1000) as "childIds"`;

/** Everything a task page shows: where it came from, its parts, its reports and its history. */
export async function taskDetail(db: Queryable, task: LoadedTask, scope: UnitScope) {
  const ancestorIds = task.path.split("/").filter(Boolean).slice(0, -1);
  const scopeWhere = taskScopeWhere(scope);
  const childScope = scopeWhere ? sql`${tasks.parentId} = ${task.id} and ${scopeWhere}` : sql`${tasks.parentId} = ${task.id}`;
  const { rows } = (await db.execute(PAGE_PARTS(task.id, ancestorIds, childScope))) as unknown as { rows: PageParts[] };
  const parts = rows[0];
  const [summary, ...children] = await taskSummariesOf(db, [task.id, ...parts.childIds]);
  return {
    summary,
    path: ancestorIds.map((id) => parts.ancestors.find((a) => a.id === id)).filter((a) => !!a),
    directives: parts.directives,
    milestones: parts.milestones,
    children,
    reports: parts.reports,
    events: parts.events,
  };
}
