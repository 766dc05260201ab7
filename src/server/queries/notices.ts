import { and, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/connection.js";
import { type NoticeRow, noticeProjects, notices, noticeTasks, projects, regions, tasks, units } from "../../db/schema.js";
import { type Actor, unitScopeOf } from "../../domain/scope.js";
import type { NoticeListQuery } from "../../schemas/supervision.js";
import { todayIso } from "../clock.js";
import { notFound } from "../errors.js";
import type { ScopedNotice } from "../policies/supervision.js";
import { afterCursor, cappedCount, pageFrom } from "./paging.js";
import { anyOf } from "./task-scope.js";

const fromUnit = alias(units, "from_unit");
const toUnit = alias(units, "to_unit");
const fromRegion = alias(regions, "from_region");
const toRegion = alias(regions, "to_region");

export type NoticeWithUnits = NoticeRow & {
  fromName: string;
  toName: string;
  fromRegionPath: string;
  toRegionPath: string;
};

const withUnits = (db: Queryable) =>
  db
    .select({
      notice: notices,
      fromName: fromUnit.name,
      toName: toUnit.name,
      fromRegionPath: fromRegion.path,
      toRegionPath: toRegion.path,
    })
    .from(notices)
    .innerJoin(fromUnit, eq(fromUnit.id, notices.fromUnitId))
    .innerJoin(fromRegion, eq(fromRegion.id, fromUnit.regionId))
    .innerJoin(toUnit, eq(toUnit.id, notices.toUnitId))
    .innerJoin(toRegion, eq(toRegion.id, toUnit.regionId));

type Joined = Awaited<ReturnType<ReturnType<typeof withUnits>["execute"]>>[number];
const flatten = (r: Joined): NoticeWithUnits => ({
  ...r.notice,
  fromName: r.fromName,
  toName: r.toName,
  fromRegionPath: r.fromRegionPath,
  toRegionPath: r.toRegionPath,
});

export const scopedNotice = (n: NoticeWithUnits): ScopedNotice => ({
  from: { id: n.fromUnitId, regionPath: n.fromRegionPath },
  to: { id: n.toUnitId, regionPath: n.toRegionPath },
});

export async function loadNotice(db: Queryable, id: string): Promise<NoticeWithUnits> {
  const [row] = await withUnits(db).where(eq(notices.id, id));
  if (!row) throw notFound();
  return flatten(row);
}

/** Ids of the units an actor sees, as a subquery. */
function unitsInScope(actor: Actor): SQL | null {
  const scope = unitScopeOf(actor);
  if (scope.kind === "all") return null;
  if (scope.kind === "none") return sql`select null::uuid where false`;
  if (scope.kind === "unit") return sql`select ${scope.unitId}::uuid`;
  return sql`select u.id from units u join regions r on r.id = u.region_id where r.path like ${`${scope.regionPath}%`} or u.id = ${scope.unitId}`;
}

/** Where a notice stands: information only, awaiting a reply, past its reply date, replied, or escalated. */
export function noticeState(n: NoticeRow, today = todayIso()) {
  if (n.kind === "reminder") return "info" as const;
  if (n.repliedAt) return "replied" as const;
  if (n.escalatedToId) return "escalated" as const;
  if (n.replyBy && n.replyBy < today) return "overdue" as const;
  return "awaiting" as const;
}

export async function listNotices(db: Queryable, actor: Actor, q: NoticeListQuery) {
  const today = todayIso();
  const inScope = unitsInScope(actor);
  const where = and(
    q.box === "to_us"
      ? eq(notices.toUnitId, actor.unitId)
      : q.box === "from_us"
        ? eq(notices.fromUnitId, actor.unitId)
        : inScope
          ? or(anyOf(notices.toUnitId, inScope), anyOf(notices.fromUnitId, inScope))
          : undefined,
    q.kind ? eq(notices.kind, q.kind) : undefined,
    q.grade ? eq(notices.grade, q.grade) : undefined,
    q.unitId ? or(eq(notices.toUnitId, q.unitId), eq(notices.fromUnitId, q.unitId)) : undefined,
    q.taskId ? anyOf(notices.id, sql`select notice_id from notice_tasks where task_id = ${q.taskId}`) : undefined,
    q.state === "replied" ? isNotNull(notices.repliedAt) : undefined,
    q.state === "escalated" ? and(isNull(notices.repliedAt), isNotNull(notices.escalatedToId)) : undefined,
    q.state === "awaiting"
      ? and(
          sql`${notices.kind} <> 'reminder'`,
          isNull(notices.repliedAt),
          isNull(notices.escalatedToId),
          sql`${notices.replyBy} >= ${today}`,
        )
      : undefined,
    q.state === "overdue"
      ? and(
          sql`${notices.kind} <> 'reminder'`,
          isNull(notices.repliedAt),
          isNull(notices.escalatedToId),
          lt(notices.replyBy, today),
        )
      : undefined,
  );
  const rows = await withUnits(db)
    .where(and(where, afterCursor(notices.number, notices.id, "desc", q.cursor)))
    .orderBy(desc(notices.number), desc(notices.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows.map(flatten), q.limit, (n) => [n.number, n.id]);
  const counted = await cappedCount(db, notices, where);
  return { ...page, ...counted };
}

/** The tasks each notice is about. */
export async function tasksOfNotices(db: Queryable, ids: string[]) {
  const byNotice = new Map<string, { id: string; number: number; title: string; dueOn: string; light: string | null }[]>();
  if (!ids.length) return byNotice;
  const rows = await db
    .select({
      noticeId: noticeTasks.noticeId,
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      dueOn: tasks.dueOn,
      light: tasks.light,
    })
    .from(noticeTasks)
    .innerJoin(tasks, eq(tasks.id, noticeTasks.taskId))
    .where(inArray(noticeTasks.noticeId, ids))
    .orderBy(tasks.number);
  for (const { noticeId, ...t } of rows) byNotice.set(noticeId, [...(byNotice.get(noticeId) ?? []), t]);
  return byNotice;
}

/** The projects each notice is about (a project warning that climbed the ladder). */
export async function projectsOfNotices(db: Queryable, ids: string[]) {
  const byNotice = new Map<string, { id: string; code: string; name: string }[]>();
  if (!ids.length) return byNotice;
  const rows = await db
    .select({ noticeId: noticeProjects.noticeId, id: projects.id, code: projects.code, name: projects.name })
    .from(noticeProjects)
    .innerJoin(projects, eq(projects.id, noticeProjects.projectId))
    .where(inArray(noticeProjects.noticeId, ids))
    .orderBy(projects.code);
  for (const { noticeId, ...p } of rows) byNotice.set(noticeId, [...(byNotice.get(noticeId) ?? []), p]);
  return byNotice;
}
