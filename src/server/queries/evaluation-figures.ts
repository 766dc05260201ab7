import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import type { EvaluationCriterionRow } from "../../db/schema.js";
import type { CriterionSource, PeerKind, PeriodRange } from "../../domain/evaluation.js";
import { timeZone } from "../clock.js";
import { figuresFor } from "./indicator-figures.js";
import { listIndicators, type RegionRef } from "./indicators.js";
import { indicatorLightSettings } from "./settings.js";

export interface EvaluationPeerRef {
  peerId: string;
  name: string;
  /** A region peer: its tree, for work led or located in it. */
  region: (RegionRef & { path: string }) | null;
}

type Figures = Map<string, Map<string, number | null>>;
const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
const lastDay = (yyyyMm: string) => {
  const [y, m] = [Number(yyyyMm.slice(0, 4)), Number(yyyyMm.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The peers as a table to join: a region peer matches everything in its tree, a unit peer itself. */
function peersTable(peers: EvaluationPeerRef[]): SQL {
  const rows = peers.map((p) => sql`(${p.peerId}::uuid, ${p.region?.path ?? ""})`);
  return sql`(values ${sql.join(rows, sql`, `)}) as p(peer_id, path)`;
}
/** Units a peer answers for: the units of a region's tree, or the unit itself. */
const unitOfPeer = (kind: PeerKind) =>
  kind === "region"
    ? sql`join units pu on true join regions pr on pr.id = pu.region_id and pr.path like p.path || '%'`
    : sql`join units pu on pu.id = p.peer_id`;

/**
 * Each criterion's figure for each peer over a period: indicators at the period's last month,
 * tasks due in the period, notices whose reply fell due in it, projects over the year to its
 * end. A peer with nothing to measure (no task due, no plan) has no figure, and the scheme's rule
 * for missing figures applies.
 */
export async function evaluationFigures(
  db: Queryable,
  kind: PeerKind,
  peers: EvaluationPeerRef[],
  criteria: EvaluationCriterionRow[],
  range: PeriodRange,
): Promise<Figures> {
  const out: Figures = new Map();
  if (!peers.length) return out;
  const from = `${range.from}-01`;
  const to = lastDay(range.to);
  const year = range.to.slice(0, 4);
  const tz = timeZone();
  const sources = new Set<CriterionSource>(criteria.map((c) => c.source));
  const P = peersTable(peers);
  const U = unitOfPeer(kind);
  const metrics = new Map<string, Map<string, number | null>>();
  const put = (name: string, rows: Record<string, unknown>[]) =>
    metrics.set(name, new Map(rows.map((r) => [String(r.peer_id), r.value == null ? null : Number(r.value)])));

  if (sources.has("task_on_time_rate") || sources.has("task_completion_rate") || sources.has("task_red")) {
    const rows = rowsOf(
      await db.execute(sql`select p.peer_id,
          count(t.id) filter (where t.due_on between ${from} and ${to}) as due,
          count(t.id) filter (where t.due_on between ${from} and ${to} and t.state = 'closed'
            and (t.closed_at at time zone ${tz})::date <= least(t.due_on, ${to}::date)) as on_time,
          count(t.id) filter (where t.due_on between ${from} and ${to} and t.state = 'closed'
            and (t.closed_at at time zone ${tz})::date <= ${to}) as closed,
          count(t.id) filter (where t.light = 'red' and t.state not in ('closed', 'cancelled', 'draft')) as red
        from ${P} ${U}
        left join tasks t on t.lead_unit_id = pu.id and t.state not in ('draft', 'cancelled')
        group by p.peer_id`),
    );
    const rate = (a: unknown, b: unknown) => (Number(b) > 0 ? (Number(a) / Number(b)) * 100 : null);
    put(
      "task_on_time_rate",
      rows.map((r) => ({ peer_id: r.peer_id, value: rate(r.on_time, r.due) })),
    );
    put(
      "task_completion_rate",
      rows.map((r) => ({ peer_id: r.peer_id, value: rate(r.closed, r.due) })),
    );
    put(
      "task_red",
      rows.map((r) => ({ peer_id: r.peer_id, value: Number(r.red) })),
    );
  }
  if (sources.has("notice_unanswered"))
    put(
      "notice_unanswered",
      rowsOf(
        await db.execute(sql`select p.peer_id, count(n.id) as value
          from ${P} ${U}
          left join notices n on n.to_unit_id = pu.id and n.kind <> 'reminder' and n.reply_by between ${from} and ${to}
            and (n.replied_at is null or (n.replied_at at time zone ${tz})::date > n.reply_by)
          group by p.peer_id`),
      ),
    );
  if (sources.has("project_investment_completion") || sources.has("project_started_on_time") || sources.has("project_warnings")) {
    // Projects lie in a region; a unit peer answers for the projects it leads.
    const where = kind === "region" ? sql`pr.path like p.path || '%'` : sql`pj.lead_unit_id = p.peer_id`;
    const rows = rowsOf(
      await db.execute(sql`select p.peer_id,
          sum(y.amount) as planned,
          sum((select coalesce(sum(rp.amount), 0) from project_reports rp where rp.project_id = pj.id
            and rp.period between ${`${year}-01`} and ${range.to})) filter (where y.amount is not null) as invested,
          count(n.project_id) filter (where n.planned_on between ${`${year}-01-01`} and ${to}) as starts_due,
          count(n.project_id) filter (where n.planned_on between ${`${year}-01-01`} and ${to} and n.reached_on <= n.planned_on) as started,
          sum((select count(*) from project_warnings w where w.project_id = pj.id and w.cleared_on is null)) as warnings
        from ${P}
        join projects pj on true join regions pr on pr.id = pj.region_id and ${where}
        left join project_year_plans y on y.project_id = pj.id and y.year = ${Number(year)}
        left join project_nodes n on n.project_id = pj.id and n.kind = 'start'
        group by p.peer_id`),
    );
    const byPeer = new Map(rows.map((r) => [String(r.peer_id), r]));
    const of = (f: (r: Record<string, unknown>) => number | null) =>
      peers.map((p) => ({ peer_id: p.peerId, value: byPeer.has(p.peerId) ? f(byPeer.get(p.peerId)!) : null }));
    put(
      "project_investment_completion",
      of((r) => (Number(r.planned) > 0 ? (Number(r.invested) / Number(r.planned)) * 100 : null)),
    );
    put(
      "project_started_on_time",
      of((r) => (Number(r.starts_due) > 0 ? (Number(r.started) / Number(r.starts_due)) * 100 : null)),
    );
    put(
      "project_warnings",
      peers.map((p) => ({ peer_id: p.peerId, value: Number(byPeer.get(p.peerId)?.warnings ?? 0) })),
    );
  }

  const indicatorCriteria = criteria.filter((c) => c.source.startsWith("indicator_") && c.indicatorId);
  const regionPeers = peers.filter((p) => p.region);
  if (indicatorCriteria.length && regionPeers.length) {
    const catalog = await listIndicators(db, { active: "all" });
    const wanted = catalog.filter((i) => indicatorCriteria.some((c) => c.indicatorId === i.id));
    // Any region serves as "the city": only the parts' figures are used.
    const regions = regionPeers.map((p) => p.region!);
    const figures = await figuresFor(db, wanted, range.to, regions[0], regions, await indicatorLightSettings(db));
    for (const c of indicatorCriteria) {
      const f = figures.find((x) => x.indicator.id === c.indicatorId)?.figures;
      const values = new Map<string, number | null>();
      for (const p of peers) {
        const part = f?.parts.find((x) => x.regionId === p.region?.id);
        values.set(p.peerId, part ? (c.source === "indicator_growth" ? part.growth : (part.status?.completion ?? null)) : null);
      }
      out.set(c.id, values);
    }
  }
  for (const c of criteria) if (!out.has(c.id)) out.set(c.id, metrics.get(c.source) ?? new Map());
  return out;
}
