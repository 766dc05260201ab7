import { and, asc, eq, ilike, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type CampaignRow, campaignLeadUnits, campaigns, meetings, regions, units } from "../../db/schema.js";
import { lastDuePeriod } from "../../domain/reporting-periods.js";
import type { UnitScope } from "../../domain/scope.js";
import type { CampaignListQuery } from "../../schemas/campaigns.js";
import { todayIso } from "../clock.js";
import { notFound } from "../errors.js";
import { afterCursor, likePattern, pageFrom } from "./paging.js";
import { taskScopeWhere } from "./task-scope.js";

const childCount = sql<number>`(select count(*) from campaigns c where c.parent_id = ${campaigns.id})`.mapWith(Number);
const taskCount =
  sql<number>`(select count(*) from tasks t where t.campaign_id = any(array(select ${campaigns.id} union all select c.id from campaigns c where c.parent_id = ${campaigns.id})))`.mapWith(
    Number,
  );

async function summaries(db: Queryable, where: SQL | undefined, after?: SQL, limit = 1000) {
  const rows = await db
    .select({ campaign: campaigns, unitName: units.name, childCount, taskCount })
    .from(campaigns)
    .innerJoin(units, eq(units.id, campaigns.unitId))
    .where(and(where, after))
    .orderBy(asc(campaigns.startOn), asc(campaigns.id))
    .limit(limit);
  const ids = rows.map((r) => r.campaign.id);
  const leads = ids.length
    ? await db
        .select({ campaignId: campaignLeadUnits.campaignId, id: units.id, name: units.name })
        .from(campaignLeadUnits)
        .innerJoin(units, eq(units.id, campaignLeadUnits.unitId))
        .where(inArray(campaignLeadUnits.campaignId, ids))
        .orderBy(asc(units.name))
    : [];
  return rows.map((r) => ({
    ...r.campaign,
    unitName: r.unitName,
    childCount: r.childCount,
    taskCount: r.taskCount,
    leadUnits: leads.filter((l) => l.campaignId === r.campaign.id).map(({ id, name }) => ({ id, name })),
  }));
}
export type CampaignSummary = Awaited<ReturnType<typeof summaries>>[number];

export async function listCampaigns(db: Queryable, q: CampaignListQuery) {
  const where = and(
    q.q ? ilike(campaigns.name, likePattern(q.q)) : undefined,
    q.parentId === "root" ? isNull(campaigns.parentId) : q.parentId ? eq(campaigns.parentId, q.parentId) : undefined,
  );
  const rows = await summaries(db, where, afterCursor(campaigns.startOn, campaigns.id, "asc", q.cursor), q.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(campaigns)
    .where(where);
  const page = pageFrom(rows, q.limit, (r) => [r.startOn, r.id]);
  return { ...page, total };
}

export async function loadCampaign(db: Queryable, id: string) {
  const [row] = await db
    .select({ campaign: campaigns, regionPath: regions.path })
    .from(campaigns)
    .innerJoin(units, eq(units.id, campaigns.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(campaigns.id, id));
  if (!row) throw notFound();
  return { ...row.campaign, regionPath: row.regionPath };
}

/** The campaign page: its parts, and each lead unit's tasks, lights, progress and reports for the last period due. */
export async function campaignDetail(db: Queryable, campaign: CampaignRow, scope: UnitScope) {
  const [summary] = await summaries(db, eq(campaigns.id, campaign.id));
  const children = await summaries(db, eq(campaigns.parentId, campaign.id));
  const [meeting] = campaign.meetingId
    ? await db.select({ id: meetings.id, title: meetings.title }).from(meetings).where(eq(meetings.id, campaign.meetingId))
    : [];
  const [parent] = campaign.parentId
    ? await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns).where(eq(campaigns.id, campaign.parentId))
    : [];
  const period = lastDuePeriod(campaign.startOn, todayIso(), campaign.cadence);
  const scopeWhere = taskScopeWhere(scope);
  const rows = (await db.execute(sql`
    select u.id, u.name,
      count(*)::int as tasks,
      count(*) filter (where tasks.state in ('assigned','accepted','in_progress','completion_requested','returned'))::int as open,
      count(*) filter (where tasks.state = 'closed')::int as closed,
      count(*) filter (where tasks.light = 'green')::int as green,
      count(*) filter (where tasks.light = 'yellow')::int as yellow,
      count(*) filter (where tasks.light = 'red')::int as red,
      coalesce(round(avg(tasks.progress) filter (where tasks.state <> 'cancelled'))::int, 0) as progress,
      count(*) filter (where tasks.state in ('accepted','in_progress','completion_requested'))::int as due,
      count(*) filter (where tasks.state in ('accepted','in_progress','completion_requested') and got.report)::int as received
    from tasks join units u on u.id = tasks.lead_unit_id
    -- One look into each task's reports by its index: as an \`exists\` the planner could hash every
    -- report of the period instead (a scan of the whole table at 10× the city).
    left join lateral (
      select true as report from progress_reports r where r.task_id = tasks.id and r.kind = 'report'
        and r.period = ${period?.key ?? ""} and r.review is distinct from 'returned' limit 1) got on true
    where tasks.campaign_id = any(array(select ${campaign.id}::uuid union all select c.id from campaigns c where c.parent_id = ${campaign.id}))
      ${scopeWhere ? sql`and (${scopeWhere})` : sql``}
    group by u.id, u.name order by u.name`)) as unknown as { rows: Record<string, number | string>[] };
  return {
    summary,
    children,
    meeting: meeting ?? null,
    parent: parent ?? null,
    period: period?.key ?? null,
    units: rows.rows.map((r) => ({
      unit: { id: String(r.id), name: String(r.name) },
      tasks: Number(r.tasks),
      open: Number(r.open),
      closed: Number(r.closed),
      lights: { green: Number(r.green), yellow: Number(r.yellow), red: Number(r.red) },
      progress: Number(r.progress),
      reportsDue: period ? Number(r.due) : 0,
      reportsIn: period ? Number(r.received) : 0,
    })),
  };
}
