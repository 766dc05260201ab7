import { and, asc, desc, eq, gte, ilike, inArray, like, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { builtOnce } from "../../db/built-once.js";
import type { Queryable } from "../../db/connection.js";
import { PLAN_EACH_TIME } from "../../db/named-statements.js";
import { oneOf } from "../../db/one-of.js";
import { regions, type TaskRow, tasks, units } from "../../db/schema.js";
import type { Light } from "../../domain/light.js";
import type { UnitScope } from "../../domain/scope.js";
import { OPEN_STATES, type TaskState } from "../../domain/task-states.js";
import type { TARGET_KINDS, TaskListQuery } from "../../schemas/tasks.js";

type TargetKind = (typeof TARGET_KINDS)[number];

import { badRequest, notFound } from "../errors.js";
import { type CountKeeper, countNow } from "../lag-cache.js";
import type { ScopedTask } from "../policies/task.js";
import { cappedTaskCount, decodeCursor, encodeCursor, likePattern } from "./paging.js";
import { unitIdsUnder } from "./scope-sql.js";
import { anyOf, coUnitTasks, taskScopeWhere } from "./task-scope.js";

const ownerUnit = alias(units, "owner_unit");
const leadUnit = alias(units, "lead_unit");
const ownerRegion = alias(regions, "owner_region");
const leadRegion = alias(regions, "lead_region");

/** Matches of a title search from which a page is found by walking the list's order. */
const WALK_IN_ORDER_FROM = 2000;

const SORT_COLUMNS = {
  dueOn: tasks.dueOn,
  number: tasks.number,
  progress: tasks.progress,
  updatedAt: tasks.updatedAt,
} as const;

/**
 * A title containing the text, or the task with that number. The pairs of characters of the text
 * must all be among the title's (the GIN index on title_grams, migration 0008, finds those fast);
 * the ilike then checks they stand together. One character alone has no pair and reads every title.
 */
function titleSearch(text: string, usePairs = true): SQL {
  // Text without letters that have a case (Chinese, digits, punctuation) is matched with LIKE: the
  // same matches, and a third of ILIKE's work, which lower-cases every title it checks.
  const caseless = text.toLowerCase() === text && text.toUpperCase() === text;
  const contains = (caseless ? like : ilike)(tasks.title, likePattern(text));
  const byPairs =
    usePairs && [...text].length >= 2 ? and(sql`title_grams(${tasks.title}) @> title_grams(${text})`, contains)! : contains;
  const number = /^#?\d{1,15}$/.test(text) ? eq(tasks.number, Number(text.replace(/^#/, ""))) : undefined;
  return number ? or(byPairs, number)! : byPairs;
}

/** Filters of the task lists, shared by the list, the ledger export and the campaign page. */
export function taskFilterWhere(q: Partial<TaskListQuery>, scope: UnitScope, titlePairs = true): SQL | undefined {
  return and(
    taskScopeWhere(scope),
    // A phrase can be in three titles or fifteen thousand: planned for its values.
    q.q ? and(titleSearch(q.q, titlePairs), PLAN_EACH_TIME) : undefined,
    q.leadUnitId ? eq(tasks.leadUnitId, q.leadUnitId) : undefined,
    q.regionId
      ? anyOf(tasks.leadUnitId, unitIdsUnder(sql`(select path from regions where id = ${q.regionId}) || '%'`))
      : undefined,
    q.unitId ? or(eq(tasks.leadUnitId, q.unitId), anyOf(tasks.id, coUnitTasks(q.unitId))) : undefined,
    q.campaignId
      ? anyOf(tasks.campaignId, sql`select id from campaigns where id = ${q.campaignId} or parent_id = ${q.campaignId}`)
      : undefined,
    q.directiveId
      ? anyOf(tasks.id, sql`select td.task_id from task_directives td where td.directive_id = ${q.directiveId}`)
      : undefined,
    q.meetingId
      ? anyOf(
          tasks.id,
          sql`select td.task_id from task_directives td join directives d on d.id = td.directive_id where d.meeting_id = ${q.meetingId}`,
        )
      : undefined,
    q.parentId === "root" ? sql`${tasks.parentId} is null` : q.parentId ? eq(tasks.parentId, q.parentId) : undefined,
    q.state ? eq(tasks.state, q.state) : undefined,
    q.open === "true" ? inArray(tasks.state, [...OPEN_STATES]) : undefined,
    q.open === "false" ? sql`${tasks.state} not in ${sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(",")})`)}` : undefined,
    q.light ? eq(tasks.light, q.light) : undefined,
    q.dueFrom ? gte(tasks.dueOn, q.dueFrom) : undefined,
    q.dueTo ? lte(tasks.dueOn, q.dueTo) : undefined,
  );
}

/** A task as lists show it: the presenters take it as it comes. */
export interface TaskSummary {
  id: string;
  number: number;
  title: string;
  parentId: string | null;
  campaignId: string | null;
  ownerUnitId: string;
  leadUnitId: string;
  responsibleLeader: string | null;
  startOn: string;
  dueOn: string;
  state: TaskState;
  light: Light | null;
  lightReasons: string[];
  lightOverride: Light | null;
  progress: number;
  targetKind: TargetKind;
  targetValue: number | null;
  targetUnit: string | null;
  measuredValue: number | null;
  weight: number;
  version: number;
  updatedAt: string | Date;
  ownerName: string;
  leadName: string;
  campaignName: string | null;
  childCount: number;
  coUnits: { id: string; name: string }[];
  sourceMeetings: { id: string; title: string }[];
}

/**
 * Only what a summary shows, flat and named as TaskSummary, in one statement written out once: a
 * list maps hundreds of these, and Drizzle's row mapping (a type check per column per row) cost
 * more than PostgreSQL's work. Unit names are looked up row by row: joined, the planner could hash
 * all 3,031 units for a page of 25. The campaigns (a hundred or so) are joined: looked up row by
 * row, PostgreSQL scanned them all for each. Co-units and source meetings come as JSON, in the same round
 * trip. Dates as text and the number as a float, alike from PostgreSQL and PGlite. The ids come
 * through a subquery, out of the planner's sight: seeing how many there were, it planned the
 * statement anew on every call rather than keep its one generic plan.
 */
const SUMMARIES_OF = sql.raw(`select t.id, t.number::float8 as "number", t.title, t.parent_id as "parentId",
  t.campaign_id as "campaignId", t.owner_unit_id as "ownerUnitId", t.lead_unit_id as "leadUnitId",
  t.responsible_leader as "responsibleLeader", t.start_on::text as "startOn", t.due_on::text as "dueOn", t.state,
  t.light, t.light_reasons as "lightReasons", t.light_override as "lightOverride", t.progress,
  t.target_kind as "targetKind", t.target_value as "targetValue", t.target_unit as "targetUnit",
  t.measured_value as "measuredValue", t.weight, t.version, t.updated_at as "updatedAt",
  (select u.name from units u where u.id = t.owner_unit_id) as "ownerName",
  (select u.name from units u where u.id = t.lead_unit_id) as "leadName",
  camp.name as "campaignName",
  (select count(*)::int from tasks c where c.parent_id = t.id) as "childCount",
  coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
    from task_co_units c join units u on u.id = c.unit_id where c.task_id = t.id), '[]'::json) as "coUnits",
  coalesce((select json_agg(json_build_object('id', m.id, 'title', m.title)) from meetings m
    where m.id in (select d.meeting_id from task_directives td join directives d on d.id = td.directive_id
      where td.task_id = t.id)), '[]'::json) as "sourceMeetings"
  from tasks t left join campaigns camp on camp.id = t.campaign_id`);

/** A page of tasks in (sort, id) order; the cursor carries the last row's sort value. */
export async function listTasks(db: Queryable, q: TaskListQuery, scope: UnitScope, count: CountKeeper = countNow) {
  const where = taskFilterWhere(q, scope);
  const column = SORT_COLUMNS[q.sort];
  const dir = q.order === "desc" ? desc : asc;
  const cursor = decodeCursor(q.cursor);
  let after: SQL | undefined;
  if (cursor) {
    const [value, id] = cursor;
    const valid = q.sort === "dueOn" || q.sort === "updatedAt" ? typeof value === "string" : typeof value === "number";
    if (!valid || typeof id !== "string") throw badRequest("cursor", "cursor_invalid");
    after =
      q.order === "desc" ? sql`(${column}, ${tasks.id}) < (${value}, ${id})` : sql`(${column}, ${tasks.id}) > (${value}, ${id})`;
  }
  const { total, totalCapped } = await count(() => cappedTaskCount(db, where));
  // Text that thousands of titles share: walking the tasks in the list's order (every sort has an
  // index) finds a page within a few thousand rows, where gathering every match by the pairs
  // index and sorting them grows with the matches. PostgreSQL cannot tell the two apart: it
  // guesses a phrase's matches from the pairs index at a few hundred, however many there are.
  const pageWhere = q.q && total >= WALK_IN_ORDER_FROM ? taskFilterWhere(q, scope, false) : where;
  const rows = await summaryPage(db, and(pageWhere, after), [dir(column), dir(tasks.id)], q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor(last[q.sort], last.id) : null;
  return { items, nextCursor, total, totalCapped };
}

/** Summaries of given tasks (children, a batch just created), in the order asked. */
export async function taskSummaries(db: Queryable, where: SQL, order: SQL[] = [asc(tasks.number)], limit = 1000) {
  return summaryPage(db, where, order, limit);
}

/**
 * The rows of a page in order: the page's ids from the tasks alone (filter, order, limit, which
 * the indexes serve), then the names joined to those rows only. Joined first, a filter matching
 * thousands of tasks (a common word in titles) joins every one of them before the limit.
 */
async function summaryPage(db: Queryable, where: SQL | undefined, order: SQL[], limit: number): Promise<TaskSummary[]> {
  const ids = (
    await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(where)
      .orderBy(...order)
      .limit(limit)
  ).map((r) => r.id);
  return taskSummariesOf(db, ids);
}

/** Summaries of tasks whose ids were found already, in the order of `ids`. */
export async function taskSummariesOf(db: Queryable, ids: string[]): Promise<TaskSummary[]> {
  if (!ids.length) return [];
  const { rows } = (await db.execute(sql`${SUMMARIES_OF} where ${oneOf(sql.raw("t.id"), ids)}`)) as unknown as {
    rows: TaskSummary[];
  };
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What loading a task reads: the row, its units' regions, its co-units and whether it has parts. */
function loadQuery(db: Queryable) {
  return db
    .select({
      task: tasks,
      ownerPath: ownerRegion.path,
      leadPath: leadRegion.path,
      coUnitIds: sql<string[]>`array(select c.unit_id from task_co_units c where c.task_id = ${tasks.id})`,
      hasChildren: sql<boolean>`exists(select 1 from tasks c where c.parent_id = ${tasks.id})`,
    })
    .from(tasks)
    .innerJoin(ownerUnit, eq(ownerUnit.id, tasks.ownerUnitId))
    .innerJoin(ownerRegion, eq(ownerRegion.id, ownerUnit.regionId))
    .innerJoin(leadUnit, eq(leadUnit.id, tasks.leadUnitId))
    .innerJoin(leadRegion, eq(leadRegion.id, leadUnit.regionId));
}

type LoadRow = Awaited<ReturnType<ReturnType<typeof loadQuery>["execute"]>>[number];

const loaded = (row: LoadRow) => ({
  ...row.task,
  ownerPath: row.ownerPath,
  leadPath: row.leadPath,
  coUnitIds: row.coUnitIds ?? [],
  hasChildren: Boolean(row.hasChildren),
});

/**
 * A task with what its policy needs: the owner's and lead unit's regions, and the co-units, in one
 * statement. `lock` takes the task's row for the caller's transaction (a report landing, a step).
 */
export async function loadTask(db: Queryable, id: string, opts: { lock?: boolean } = {}) {
  const [row] = opts.lock
    ? await loadQuery(db).where(eq(tasks.id, id)).limit(1).for("update", { of: tasks })
    : await builtOnce(db, "load_task", (d) =>
        loadQuery(d)
          .where(eq(tasks.id, sql.placeholder("id")))
          .limit(1)
          .prepare("load_task"),
      ).execute({ id });
  if (!row) throw notFound();
  return loaded(row);
}

/**
 * Several tasks as loadTask reads them, locked for the caller's transaction in the order of their
 * ids (so two servers locking overlapping sets cannot deadlock). Missing ids are left out.
 */
export async function loadTasksLocked(db: Queryable, ids: string[]) {
  if (!ids.length) return [];
  const rows = await loadQuery(db).where(oneOf(tasks.id, ids)).orderBy(asc(tasks.id)).for("update", { of: tasks });
  return rows.map(loaded);
}
export type LoadedTask = Awaited<ReturnType<typeof loadTask>>;

/**
 * Locks the given tasks and every ancestor of theirs, all in the order of their ids, for the
 * caller's transaction. A report round rolls progress up to the ancestors: were they locked as
 * each is reached, two rounds sharing a parent could each hold what the other waits for.
 */
export async function lockTaskTrees(db: Queryable, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await db.execute(sql`select tasks.id from ${tasks} where tasks.id in (
      select unnest(string_to_array(trim(both '/' from t.path), '/'))::uuid from ${tasks} t where ${oneOf(sql`t.id`, ids)}
    ) order by tasks.id for update`);
}

export const scopedTask = (t: LoadedTask): ScopedTask => ({
  owner: { id: t.ownerUnitId, regionPath: t.ownerPath },
  lead: { id: t.leadUnitId, regionPath: t.leadPath },
  coUnitIds: t.coUnitIds,
});

/** The bare row, for commands and the audit log. */
export const taskRow = (t: LoadedTask): TaskRow => {
  const { ownerPath: _o, leadPath: _l, coUnitIds: _c, hasChildren: _h, ...row } = t;
  return row;
};
