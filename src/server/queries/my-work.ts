import { and, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { PLAN_EACH_TIME } from "../../db/named-statements.js";
import { tasks, urgency } from "../../db/schema.js";
import { type Actor, hasRole } from "../../domain/scope.js";
import { COUNT_CAP } from "./paging.js";
import { taskSummariesOf } from "./tasks.js";

// Most urgent first: red, yellow, green, then the nearest deadline.
const URGENCY = [urgency(tasks.light), sql`${tasks.dueOn}`, sql`${tasks.number}`];
// The page shows each list's ten most urgent and links to the whole list: more were sent unseen.
export const MY_WORK_LIMIT = 10;

const latestReportReturned = sql`(select r.review from progress_reports r where r.task_id = ${tasks.id} and r.kind = 'report' order by r.submitted_at desc limit 1) = 'returned'`;

/**
 * "My work": what the actor's unit must sign for, report on, fix, and — for an office — review
 * and close. Each list by urgency, with how many there are in all.
 */
export async function myWork(db: Queryable, actor: Actor) {
  const unit = actor.unitId;
  const lead = eq(tasks.leadUnitId, unit);
  const lists: Record<string, SQL | undefined> = {
    sign: and(lead, eq(tasks.state, "assigned")),
    report: and(lead, inArray(tasks.state, ["accepted", "in_progress"]), sql`not ${latestReportReturned}`),
    fix: and(lead, inArray(tasks.state, ["accepted", "in_progress"]), latestReportReturned),
  };
  if (hasRole(actor, "admin", "coordinator")) {
    // The office's own tasks: its unit is always in its scope, so no scope condition is needed.
    const mine = eq(tasks.ownerUnitId, unit);
    lists.verify = and(mine, eq(tasks.state, "completion_requested"));
    // Kept on the task with a partial index: the office's tasks with reports to review, by index.
    lists.review = and(mine, gt(tasks.pendingReports, 0));
    lists.reassign = and(mine, eq(tasks.state, "returned"));
  }
  // One statement finds every list's first page and its count (up to the cap), another brings the
  // summaries of all of them: an office's six lists took a dozen or more statements one by one.
  const names = Object.keys(lists);
  // Planned for its values each time: an office owns thirty thousand tasks, a unit leads a few.
  const parts = names.map((name) => {
    const w = lists[name] ?? sql`true`;
    return sql`select ${name}::text as list, ${PLAN_EACH_TIME} as planned,
      array(select ${tasks.id} from ${tasks} where ${w} order by ${sql.join(URGENCY, sql`, `)} limit ${MY_WORK_LIMIT}) as ids,
      (select count(*) from (select 1 from ${tasks} where ${w} limit ${COUNT_CAP + 1}) matching) as n`;
  });
  const found = (await db.execute(sql.join(parts, sql` union all `))) as unknown as {
    rows: { list: string; ids: string[]; n: number | string }[];
  };
  const summaries = await taskSummariesOf(
    db,
    found.rows.flatMap((r) => r.ids),
  );
  const byId = new Map(summaries.map((t) => [t.id, t]));
  const out: Record<string, { total: number; totalCapped: boolean; items: typeof summaries }> = {};
  for (const r of found.rows) {
    const n = Number(r.n);
    out[r.list] = { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP, items: r.ids.flatMap((id) => byId.get(id) ?? []) };
  }
  return out;
}
