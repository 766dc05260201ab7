import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { notices, noticeTasks, projects, projectWarnings, tasks } from "../../db/schema.js";
import { addDays, daysBetween } from "../../domain/reporting-periods.js";
import {
  dueReminder,
  type LateTask,
  type NoticeReason,
  nextRung,
  RUNGS,
  type Rung,
  reportReminder,
  rungDue,
  rungNotice,
  rungOf,
  type SupervisionSettings,
} from "../../domain/supervision.js";
import type { TaskState } from "../../domain/task-states.js";
import { todayIso } from "../clock.js";
import { issueNotice } from "../commands/issue-notice.js";
import { systemContext } from "../context.js";
import type { OutboxOptions } from "../notify/notify.js";
import { supervisionSettings } from "../queries/settings.js";

/** Work that is running and the lead unit's to move; a task awaiting the office's verification is not urged. */
const SUPERVISED: TaskState[] = ["assigned", "accepted", "in_progress", "returned"];
const PAGE = 500;

export interface SupervisionStats {
  reminders: number;
  ladder: number;
  escalated: number;
}

interface Planned {
  kind: "reminder" | "urge" | "supervision";
  grade: "blue" | "yellow" | "red" | null;
  key: string;
  reason: NoticeReason;
  replyBy: string | null;
}

/** What a task earns today: a deadline reminder, a report reminder, a rung of the ladder. */
function plan(task: LateTask, today: string, s: SupervisionSettings, issued: Rung | null): Planned[] {
  const out: Planned[] = [];
  if (today < task.startOn) return out;
  const days = dueReminder(task, today, s);
  if (days !== null)
    out.push({
      kind: "reminder",
      grade: null,
      key: `remind:due:${task.id}:${task.dueOn}:${days}`,
      reason: { type: "due", days: daysBetween(today, task.dueOn), dueOn: task.dueOn },
      replyBy: null,
    });
  // One reminder a day is enough: a deadline reminder says the report is due as well.
  const report = days === null ? reportReminder(task, today, s) : null;
  if (report)
    out.push({
      kind: "reminder",
      grade: null,
      key: `remind:report:${task.id}:${report.period}`,
      reason: { type: "report", period: report.period, end: report.end },
      replyBy: null,
    });
  const rung = rungDue(task, today, s, issued);
  if (rung)
    out.push({
      ...rungNotice(rung),
      key: `ladder:${task.id}:${task.dueOn}:${rung}`,
      reason: { type: "late", days: daysBetween(task.dueOn, today), dueOn: task.dueOn },
      replyBy: addDays(today, s.replyDays),
    });
  return out;
}

/** The highest rung each task has had since its deadline passed, whoever issued it. */
async function issuedRungs(db: Db, page: { id: string; dueOn: string }[]): Promise<Map<string, Rung>> {
  const rows = await db
    .select({ taskId: noticeTasks.taskId, kind: notices.kind, grade: notices.grade, createdAt: notices.createdAt })
    .from(noticeTasks)
    .innerJoin(notices, eq(notices.id, noticeTasks.noticeId))
    .where(
      and(
        inArray(
          noticeTasks.taskId,
          page.map((t) => t.id),
        ),
        ne(notices.kind, "reminder"),
      ),
    );
  const dueOf = new Map(page.map((t) => [t.id, t.dueOn]));
  const highest = new Map<string, Rung>();
  for (const r of rows) {
    const rung = rungOf(r.kind, r.grade);
    const due = dueOf.get(r.taskId);
    if (!rung || !due || todayIso(new Date(r.createdAt)) <= due) continue;
    const had = highest.get(r.taskId);
    if (!had || RUNGS.indexOf(rung) > RUNGS.indexOf(had)) highest.set(r.taskId, rung);
  }
  return highest;
}

/**
 * One pass of the supervision ladder for `today`: reminders before deadlines and report dates,
 * urge and supervision notices as tasks stay late, and the next rung for notices left unanswered.
 * Each task's notices are issued in one transaction with their notifications, under keys that
 * make a second pass (after a crash, or on another server) issue nothing twice.
 */
export async function superviseTasks(db: Db, outbox: OutboxOptions, today = todayIso(), settings?: SupervisionSettings) {
  const s = settings ?? (await supervisionSettings(db));
  const ctx = systemContext("supervision");
  const stats: SupervisionStats = { reminders: 0, ladder: 0, escalated: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const page = await db
      .select({
        id: tasks.id,
        ownerUnitId: tasks.ownerUnitId,
        leadUnitId: tasks.leadUnitId,
        startOn: tasks.startOn,
        dueOn: tasks.dueOn,
        cadence: tasks.cadence,
        lastReportOn: tasks.lastReportOn,
      })
      .from(tasks)
      .where(and(inArray(tasks.state, SUPERVISED), gt(tasks.id, after)))
      .orderBy(asc(tasks.id))
      .limit(PAGE);
    if (!page.length) break;
    after = page[page.length - 1].id;
    const highest = await issuedRungs(db, page);
    for (const task of page) {
      const planned = plan(task, today, s, highest.get(task.id) ?? null);
      if (!planned.length) continue;
      await db.transaction(async (tx) => {
        for (const p of planned) {
          const notice = await issueNotice(
            ctx,
            {
              kind: p.kind,
              grade: p.grade,
              fromUnitId: task.ownerUnitId,
              toUnitId: task.leadUnitId,
              taskIds: [task.id],
              body: "",
              reason: p.reason,
              replyBy: p.replyBy,
              dedupeKey: p.key,
              outbox,
            },
            tx,
          );
          if (notice && p.kind === "reminder") stats.reminders++;
          else if (notice) stats.ladder++;
        }
      });
    }
  }
  stats.escalated = await escalateUnanswered(db, outbox, today, s);
  return stats;
}

/** Notices past their reply date with no reply climb one rung, about the tasks of theirs still running. */
async function escalateUnanswered(db: Db, outbox: OutboxOptions, today: string, s: SupervisionSettings): Promise<number> {
  const ctx = systemContext("supervision");
  const due = await db
    .select()
    .from(notices)
    .where(
      and(ne(notices.kind, "reminder"), lt(notices.replyBy, today), isNull(notices.repliedAt), isNull(notices.escalatedToId)),
    )
    .orderBy(asc(notices.number));
  let escalated = 0;
  for (const old of due) {
    const rung = rungOf(old.kind, old.grade);
    const next = rung && nextRung(rung);
    if (!next) continue;
    await db.transaction(async (tx) => {
      const open = await tx
        .select({ id: tasks.id })
        .from(noticeTasks)
        .innerJoin(tasks, eq(tasks.id, noticeTasks.taskId))
        .where(and(eq(noticeTasks.noticeId, old.id), inArray(tasks.state, SUPERVISED)));
      if (!open.length) return;
      // The ladder may already have climbed past this notice for these tasks: point to that notice instead.
      const since = await tx
        .select({ id: notices.id, kind: notices.kind, grade: notices.grade })
        .from(notices)
        .innerJoin(noticeTasks, eq(noticeTasks.noticeId, notices.id))
        .where(
          and(
            inArray(
              noticeTasks.taskId,
              open.map((t) => t.id),
            ),
            gt(notices.number, old.number),
            ne(notices.kind, "reminder"),
          ),
        )
        .orderBy(desc(notices.number));
      const above = since.find((n) => {
        const r = rungOf(n.kind, n.grade);
        return r && RUNGS.indexOf(r) >= RUNGS.indexOf(next);
      });
      if (above) {
        await tx.update(notices).set({ escalatedToId: above.id, escalatedAt: sql`now()` }).where(eq(notices.id, old.id));
        return;
      }
      const notice = await issueNotice(
        ctx,
        {
          ...rungNotice(next),
          fromUnitId: old.fromUnitId,
          toUnitId: old.toUnitId,
          taskIds: open.map((t) => t.id),
          body: "",
          reason: { type: "unanswered", number: old.number, replyBy: old.replyBy ?? today },
          replyBy: addDays(today, s.replyDays),
          dedupeKey: `escalate:${old.id}`,
          outbox,
        },
        tx,
      );
      if (!notice) return;
      await tx.update(notices).set({ escalatedToId: notice.id, escalatedAt: sql`now()` }).where(eq(notices.id, old.id));
      escalated++;
    });
  }
  return escalated;
}

/**
 * Project warnings climb the same ladder: each yellow or red warning standing on a project is put
 * to its lead unit once per level, as a supervision notice from the office that keeps the project.
 */
export async function superviseProjects(
  db: Db,
  outbox: OutboxOptions,
  today = todayIso(),
  settings?: SupervisionSettings,
): Promise<number> {
  const s = settings ?? (await supervisionSettings(db));
  const ctx = systemContext("supervision");
  const standing = await db
    .select({
      id: projectWarnings.id,
      kind: projectWarnings.kind,
      level: projectWarnings.level,
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      leadUnitId: projects.leadUnitId,
      officeUnitId: projects.officeUnitId,
    })
    .from(projectWarnings)
    .innerJoin(projects, eq(projects.id, projectWarnings.projectId))
    .where(
      and(isNull(projectWarnings.clearedOn), inArray(projectWarnings.level, ["yellow", "red"]), isNotNull(projects.officeUnitId)),
    )
    .orderBy(asc(projectWarnings.id));
  let issued = 0;
  for (const w of standing) {
    if (!w.officeUnitId || w.officeUnitId === w.leadUnitId) continue;
    const officeUnitId = w.officeUnitId;
    const notice = await db.transaction((tx) =>
      issueNotice(
        ctx,
        {
          kind: "supervision",
          grade: w.level,
          fromUnitId: officeUnitId,
          toUnitId: w.leadUnitId,
          taskIds: [],
          projectIds: [w.projectId],
          body: "",
          reason: { type: "project_warning", kind: w.kind, level: w.level, code: w.code, name: w.name },
          replyBy: addDays(today, s.replyDays),
          dedupeKey: `pwarn:${w.id}:${w.level}`,
          outbox,
        },
        tx,
      ),
    );
    if (notice) issued++;
  }
  return issued;
}
