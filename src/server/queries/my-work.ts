import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import type { Light } from "../../domain/light.js";
import { type Actor, hasRole } from "../../domain/scope.js";
import type { TaskState } from "../../domain/task-states.js";
import { COUNT_CAP } from "./paging.js";

// The page shows each list's ten most urgent and links to the whole list: more were sent unseen.
export const MY_WORK_LIMIT = 10;

// Most urgent first: red, yellow, green, then the nearest deadline (tasks_owner_idx serves it).
const URGENCY = sql.raw(`(case t.light when 'red' then 0 when 'yellow' then 1 else 2 end), t.due_on, t.number`);
const LATEST_REVIEW = sql.raw(
  `(select r.review from progress_reports r where r.task_id = t.id and r.kind = 'report' order by r.submitted_at desc limit 1)`,
);

// The unit is read from `me` rather than bound into each condition: the plan does not depend on
// it (each list is an index range whatever the unit), so PostgreSQL keeps one generic plan per
// connection. With the unit's value in sight it planned all twelve subqueries on every request,
// which cost more than running them.
const LEAD = sql.raw("t.lead_unit_id = (select unit from me)");
const OWN = sql.raw("t.owner_unit_id = (select unit from me)");
const IN_HAND = sql.raw("t.state in ('accepted', 'in_progress')");

/** The lists, each a condition on a task `t`; the office's three only for coordinators. */
const UNIT_LISTS = {
  sign: sql`${LEAD} and t.state = 'assigned'`,
  // Reported on and not sent back, or not reported on yet.
  report: sql`${LEAD} and ${IN_HAND} and ${LATEST_REVIEW} is distinct from 'returned'`,
  fix: sql`${LEAD} and ${IN_HAND} and ${LATEST_REVIEW} = 'returned'`,
};
const OFFICE_LISTS = {
  verify: sql`${OWN} and t.state = 'completion_requested'`,
  // Kept on the task with a partial index: the office's tasks with reports to review, by index.
  review: sql`${OWN} and t.pending_reports > 0`,
  reassign: sql`${OWN} and t.state = 'returned'`,
};

/** A task as "my work" shows it: what the line needs, no more. */
export interface TaskBrief {
  id: string;
  number: number;
  title: string;
  state: TaskState;
  light: Light | null;
  lightReasons: string[];
  lightOverridden: boolean;
  dueOn: string;
  progress: number;
  ownerUnit: { id: string; name: string };
  leadUnit: { id: string; name: string };
}

export interface MyWorkList {
  total: number;
  totalCapped: boolean;
  items: TaskBrief[];
}

interface Row {
  list: string;
  n: string | number;
  items: TaskBrief[] | null;
}

/**
 * "My work": what the actor's unit must sign for, report on, fix, and — for an office — review
 * and close. Each list by urgency, with how many there are in all (up to the cap). One statement:
 * each list's first ten and count, and those ten as the page shows them.
 */
export async function myWork(db: Queryable, actor: Actor): Promise<Record<string, MyWorkList>> {
  const lists: Record<string, ReturnType<typeof sql>> = hasRole(actor, "admin", "coordinator")
    ? { ...UNIT_LISTS, ...OFFICE_LISTS }
    : UNIT_LISTS;
  const parts = Object.entries(lists).map(
    ([name, where], i) => sql`select ${sql.raw(String(i))} as ord, ${sql.raw(`'${name}'`)} as list,
      array(select t.id from tasks t where ${where} order by ${URGENCY} limit ${sql.raw(String(MY_WORK_LIMIT))}) as ids,
      (select count(*) from (select 1 from tasks t where ${where} limit ${sql.raw(String(COUNT_CAP + 1))}) matching) as n`,
  );
  const found = (await db.execute(sql`with me as materialized (select ${actor.unitId}::uuid as unit)
    select l.list, l.n, (select json_agg(json_build_object(
        'id', t.id, 'number', t.number, 'title', t.title, 'state', t.state, 'light', t.light,
        'lightReasons', t.light_reasons, 'lightOverridden', t.light_override is not null, 'dueOn', t.due_on,
        'progress', t.progress,
        'ownerUnit', json_build_object('id', t.owner_unit_id, 'name', (select u.name from units u where u.id = t.owner_unit_id)),
        'leadUnit', json_build_object('id', t.lead_unit_id, 'name', (select u.name from units u where u.id = t.lead_unit_id))
      ) order by o.ord) from unnest(l.ids) with ordinality o(id, ord) join tasks t on t.id = o.id) as items
    from (${sql.join(parts, sql` union all `)}) l order by l.ord`)) as unknown as { rows: Row[] };
  return Object.fromEntries(
    found.rows.map((r) => {
      const n = Number(r.n);
      return [r.list, { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP, items: r.items ?? [] }];
    }),
  );
}
