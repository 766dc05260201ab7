import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type Actor, unitScopeOf } from "../../domain/scope.js";
import { timeZone, todayIso } from "../clock.js";

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
const n = (v: unknown) => Number(v ?? 0);

/** Units the actor sees, as a SQL condition on a unit id column. */
function unitsSeen(actor: Actor, column: ReturnType<typeof sql.raw>) {
  const scope = unitScopeOf(actor);
  if (scope.kind === "all") return sql`true`;
  if (scope.kind === "none") return sql`false`;
  if (scope.kind === "unit") return sql`${column} = ${scope.unitId}`;
  return sql`${column} = any(array(select u.id from units u join regions r on r.id = u.region_id where r.path like ${`${scope.regionPath}%`} or u.id = ${scope.unitId}))`;
}

/** The supervision dashboard: lights by unit, the escalation pipeline, units' response times, and twelve months of trend. */
export async function supervisionDashboard(db: Queryable, actor: Actor) {
  const today = todayIso();
  const tz = timeZone();
  const taskScope = unitsSeen(actor, sql.raw("t.lead_unit_id"));
  const noticeScope = unitsSeen(actor, sql.raw("n.to_unit_id"));
  const byUnit = rowsOf(
    await db.execute(sql`select t.lead_unit_id as unit_id, min(u.name) as unit,
        count(*) filter (where t.light = 'green') as green, count(*) filter (where t.light = 'yellow') as yellow,
        count(*) filter (where t.light = 'red') as red, count(*) filter (where t.due_on < ${today}) as overdue
      from tasks t join units u on u.id = t.lead_unit_id
      where t.state in ('assigned','accepted','in_progress','completion_requested','returned') and ${taskScope}
      group by t.lead_unit_id order by count(*) filter (where t.light = 'red') desc, count(*) desc limit 20`),
  ).map((r) => ({
    unitId: String(r.unit_id),
    unit: String(r.unit),
    green: n(r.green),
    yellow: n(r.yellow),
    red: n(r.red),
    overdue: n(r.overdue),
  }));
  const [lights] = rowsOf(
    await db.execute(sql`select count(*) filter (where t.light = 'green') as green, count(*) filter (where t.light = 'yellow') as yellow,
        count(*) filter (where t.light = 'red') as red
      from tasks t where t.state in ('assigned','accepted','in_progress','completion_requested','returned') and ${taskScope}`),
  );
  // Open notices by rung: the highest rung standing, unanswered and not escalated; "listed" = red ones past their reply date.
  const [pipe] = rowsOf(
    await db.execute(sql`select
        count(*) filter (where n.kind = 'reminder' and n.created_at > now() - interval '30 days') as reminder,
        count(*) filter (where n.kind = 'urge' and open) as urge,
        count(*) filter (where n.grade = 'blue' and open) as blue,
        count(*) filter (where n.grade = 'yellow' and open) as yellow,
        count(*) filter (where n.grade = 'red' and open) as red,
        count(*) filter (where n.grade = 'red' and open and n.reply_by < ${today}) as listed
      from (select n.*, (n.replied_at is null and n.escalated_to_id is null) as open from notices n where ${noticeScope}) n`),
  );
  const responses = rowsOf(
    await db.execute(sql`select n.to_unit_id as unit_id, min(u.name) as unit, count(*) as notices, count(n.replied_at) as replied,
        avg(extract(epoch from (n.replied_at - n.created_at)) / 3600) filter (where n.replied_at is not null) as avg_hours,
        count(*) filter (where n.replied_at is null and n.escalated_to_id is null and n.reply_by < ${today}) as unanswered
      from notices n join units u on u.id = n.to_unit_id
      where n.kind <> 'reminder' and ${noticeScope}
      group by n.to_unit_id order by count(*) desc limit 20`),
  ).map((r) => ({
    unitId: String(r.unit_id),
    unit: String(r.unit),
    notices: n(r.notices),
    replied: n(r.replied),
    avgReplyHours: r.avg_hours === null ? null : Math.round(Number(r.avg_hours) * 10) / 10,
    unanswered: n(r.unanswered),
  }));
  const trend = rowsOf(
    await db.execute(sql`with months as (
        select to_char(d, 'YYYY-MM') as month from generate_series(date_trunc('month', ${today}::date) - interval '11 months', date_trunc('month', ${today}::date), interval '1 month') d)
      select m.month,
        (select count(*) from notices n where n.kind <> 'reminder' and ${noticeScope} and to_char(n.created_at at time zone ${tz}, 'YYYY-MM') = m.month) as issued,
        (select count(*) from notices n where ${noticeScope} and to_char(n.replied_at at time zone ${tz}, 'YYYY-MM') = m.month) as replied,
        (select count(*) from notices n where n.kind = 'supervision' and ${noticeScope} and to_char(n.created_at at time zone ${tz}, 'YYYY-MM') = m.month) as supervision,
        (select count(*) from tasks t where t.state = 'closed' and ${taskScope} and to_char(t.closed_at at time zone ${tz}, 'YYYY-MM') = m.month) as closed
      from months m order by m.month`),
  ).map((r) => ({
    month: String(r.month),
    issued: n(r.issued),
    replied: n(r.replied),
    supervision: n(r.supervision),
    closed: n(r.closed),
  }));
  return {
    lights: { green: n(lights?.green), yellow: n(lights?.yellow), red: n(lights?.red) },
    byUnit,
    pipeline: {
      reminder: n(pipe?.reminder),
      urge: n(pipe?.urge),
      blue: n(pipe?.blue),
      yellow: n(pipe?.yellow),
      red: n(pipe?.red),
      listed: n(pipe?.listed),
    },
    responses,
    trend,
  };
}
