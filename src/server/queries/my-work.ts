import { and, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { tasks, urgency } from "../../db/schema.js";
import { type Actor, hasRole } from "../../domain/scope.js";
import { cappedTaskCount } from "./paging.js";
import { taskSummaries } from "./tasks.js";

// Most urgent first: red, yellow, green, then the nearest deadline.
const URGENCY = [urgency(tasks.light), sql`${tasks.dueOn}`, sql`${tasks.number}`];
const LIMIT = 50;

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
  const out: Record<string, { total: number; totalCapped: boolean; items: Awaited<ReturnType<typeof taskSummaries>> }> = {};
  for (const [name, where] of Object.entries(lists)) {
    const w = where ?? sql`true`;
    const items = await taskSummaries(db, w, URGENCY, LIMIT);
    // A list shorter than a page is its own count.
    out[name] =
      items.length < LIMIT ? { total: items.length, totalCapped: false, items } : { ...(await cappedTaskCount(db, w)), items };
  }
  return out;
}
