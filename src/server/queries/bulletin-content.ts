import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import {
  type BulletinContent,
  type BulletinFlagLine,
  type BulletinNoticeLine,
  type BulletinTaskLine,
  rankUnits,
  rate,
} from "../../domain/bulletin.js";
import { periodRange } from "../../domain/evaluation.js";
import { timeZone } from "../clock.js";
import { schemeHistory } from "./evaluations.js";

export interface BulletinScope {
  /** Path of the region whose units' tasks are reported on. */
  regionPath: string;
  campaignId: string | null;
  from: string;
  to: string;
  today: string;
}

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
const OPEN = sql.raw(`('assigned','accepted','in_progress','completion_requested','returned')`);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** The tasks the bulletin covers: led by units of the region tree, assigned (not draft or cancelled), begun by the period's end. */
function scopedTasks(s: BulletinScope) {
  const campaign = s.campaignId
    ? sql`and (t.campaign_id = ${s.campaignId} or t.campaign_id in (select id from campaigns where parent_id = ${s.campaignId}))`
    : sql``;
  const tz = timeZone();
  return sql`select t.*, u.name as lead_name, (t.closed_at at time zone ${tz})::date as closed_on
    from tasks t join units u on u.id = t.lead_unit_id join regions r on r.id = u.region_id
    where r.path like ${`${s.regionPath}%`} and t.state not in ('draft', 'cancelled') and t.start_on <= ${s.to} ${campaign}`;
}

/** Reads the figures and lines of a bulletin for a scope and period, as they stand today. */
export async function bulletinContent(db: Queryable, s: BulletinScope): Promise<BulletinContent> {
  const asOf = [s.to, s.today].sort()[0];
  const tz = timeZone();
  const scoped = scopedTasks(s);
  const perUnit = rowsOf(
    await db.execute(sql`with s as (${scoped})
      select lead_unit_id, min(lead_name) as unit, count(*)::int as tasks,
        count(*) filter (where due_on <= ${s.to})::int as due,
        count(*) filter (where due_on <= ${s.to} and state = 'closed' and closed_on <= ${s.to})::int as closed,
        count(*) filter (where due_on <= ${s.to} and state = 'closed' and closed_on <= due_on)::int as closed_on_time,
        count(*) filter (where state in ${OPEN} and due_on < ${asOf})::int as overdue
      from s group by lead_unit_id`),
  );
  const lines = rowsOf(
    await db.execute(sql`with s as (${scoped})
      select id, number, title, lead_unit_id, lead_name, due_on, progress, light,
        (${asOf}::date - due_on) as days_late
      from s where state in ${OPEN} and (due_on < ${asOf} or light = 'red')
      order by lead_name, due_on, number`),
  );
  const taskLine = (r: Row): BulletinTaskLine => ({
    taskId: String(r.id),
    number: Number(r.number),
    title: String(r.title),
    leadUnitId: String(r.lead_unit_id),
    leadUnit: String(r.lead_name),
    dueOn: iso(r.due_on),
    progress: Number(r.progress),
    daysLate: Math.max(0, Number(r.days_late)),
  });
  const overdue = lines.filter((r) => Number(r.days_late) > 0).map(taskLine);
  const red = lines.filter((r) => Number(r.days_late) <= 0 && r.light === "red").map(taskLine);

  const noticeRows = rowsOf(
    await db.execute(sql`select n.id, n.number, n.kind, n.grade, u.name as to_unit,
        (n.created_at at time zone ${tz})::date as issued_on, n.reply_by, n.replied_at is not null as replied,
        n.reply_by < ${asOf} and n.replied_at is null and n.escalated_to_id is null as unanswered
      from notices n join units u on u.id = n.to_unit_id join regions r on r.id = u.region_id
      where r.path like ${`${s.regionPath}%`} and n.kind <> 'reminder'
        and (n.created_at at time zone ${tz})::date <= ${s.to}
        and ((n.kind = 'supervision' and (n.created_at at time zone ${tz})::date >= ${s.from})
          or (n.reply_by < ${asOf} and n.replied_at is null and n.escalated_to_id is null))
        ${s.campaignId ? sql`and exists (select 1 from notice_tasks nt join tasks t on t.id = nt.task_id where nt.notice_id = n.id and (t.campaign_id = ${s.campaignId} or t.campaign_id in (select id from campaigns where parent_id = ${s.campaignId})))` : sql``}
      order by n.number`),
  );
  const projectRows = rowsOf(
    await db.execute(sql`select p.id, p.code, p.name, u.name as lead_name, p.invested, p.total_investment,
        array_agg(distinct w.kind::text order by w.kind::text) as kinds
      from projects p join units u on u.id = p.lead_unit_id join regions r on r.id = p.region_id
      join project_warnings w on w.project_id = p.id and w.cleared_on is null and w.level = 'red'
      where r.path like ${`${s.regionPath}%`}
      group by p.id, p.code, p.name, u.name, p.invested, p.total_investment
      order by p.code limit 500`),
  );
  const noticeLine = (r: Row): BulletinNoticeLine => ({
    noticeId: String(r.id),
    number: Number(r.number),
    kind: r.kind as BulletinNoticeLine["kind"],
    grade: (r.grade as BulletinNoticeLine["grade"]) ?? null,
    toUnit: String(r.to_unit),
    issuedOn: iso(r.issued_on),
    replyBy: r.reply_by ? iso(r.reply_by) : null,
    replied: Boolean(r.replied),
  });

  const rankings = rankUnits(
    perUnit
      .filter((r) => Number(r.due) > 0 || Number(r.overdue) > 0)
      .map((r) => ({
        unitId: String(r.lead_unit_id),
        unit: String(r.unit),
        due: Number(r.due),
        closed: Number(r.closed),
        closedOnTime: Number(r.closed_on_time),
        overdue: Number(r.overdue),
      })),
  );
  const sum = (k: string) => perUnit.reduce((n, r) => n + Number(r[k]), 0);
  return {
    asOf,
    summary: {
      tasks: sum("tasks"),
      due: sum("due"),
      closed: sum("closed"),
      closedOnTime: sum("closed_on_time"),
      overdue: overdue.length,
      red: red.length,
      onTimeRate: rate(sum("closed_on_time"), sum("due")),
      completionRate: rate(sum("closed"), sum("due")),
    },
    overdue,
    red,
    rankings,
    unanswered: noticeRows.filter((r) => r.unanswered).map(noticeLine),
    supervision: noticeRows.filter((r) => r.kind === "supervision" && iso(r.issued_on) >= s.from).map(noticeLine),
    flags: await flagsIn(db, s.from.slice(0, 7), s.to.slice(0, 7)),
    projects: projectRows.map((r) => ({
      projectId: String(r.id),
      code: String(r.code),
      name: String(r.name),
      leadUnit: String(r.lead_name),
      kinds: (r.kinds as string[]) ?? [],
      invested: Number(r.invested),
      totalInvestment: Number(r.total_investment),
    })),
  };
}

/** Every unit that leads a task the bulletin covers: whom it is published to. */
export async function unitsInScope(db: Queryable, s: Omit<BulletinScope, "today">): Promise<string[]> {
  const rows = rowsOf(
    await db.execute(sql`with s as (${scopedTasks({ ...s, today: s.to })}) select distinct lead_unit_id from s`),
  );
  return rows.map((r) => String(r.lead_unit_id));
}

/** Published evaluation results whose period ends within the months from–to, latest version of each. */
async function flagsIn(db: Queryable, from: string, to: string): Promise<BulletinFlagLine[]> {
  const schemes = rowsOf(await db.execute(sql`select id, name from evaluation_schemes where active order by name`));
  const out: BulletinFlagLine[] = [];
  for (const scheme of schemes)
    for (const h of await schemeHistory(db, String(scheme.id))) {
      const end = periodRange(h.period)?.to ?? "";
      if (end >= from && end <= to)
        out.push({ schemeId: String(scheme.id), scheme: String(scheme.name), period: h.period, red: h.red, yellow: h.yellow });
    }
  return out;
}
