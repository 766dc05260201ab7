import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type IndicatorRow, indicators, indicatorTargets, regions, units } from "../../db/schema.js";
import type { Cell, CellSeries } from "../../domain/indicator-figures.js";
import { type IndicatorGroup, previousPeriod, type Target } from "../../domain/indicators.js";
import { notFound } from "../errors.js";

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export type LoadedIndicator = IndicatorRow & { sourceUnitName: string | null; latestPeriod: string | null };

const columns = {
  row: indicators,
  sourceUnitName: units.name,
  // The primary key (indicator, period, region) answers this from the index's far end.
  latestPeriod: sql<string | null>`(select max(v.period) from indicator_values v where v.indicator_id = ${indicators.id})`,
};
const flatten = (r: { row: IndicatorRow; sourceUnitName: string | null; latestPeriod: string | null }): LoadedIndicator => ({
  ...r.row,
  sourceUnitName: r.sourceUnitName,
  latestPeriod: r.latestPeriod,
});

export interface IndicatorFilter {
  group?: IndicatorGroup;
  q?: string;
  active: "true" | "false" | "all";
}

/** The catalog in its order; it is a few hundred entries at most, so it comes whole. */
export async function listIndicators(db: Queryable, f: IndicatorFilter): Promise<LoadedIndicator[]> {
  const where = and(
    f.group ? eq(indicators.group, f.group) : undefined,
    f.active === "all" ? undefined : eq(indicators.active, f.active === "true"),
    f.q
      ? or(ilike(indicators.code, `%${f.q}%`), ilike(indicators.nameZh, `%${f.q}%`), ilike(indicators.nameEn, `%${f.q}%`))
      : undefined,
  );
  const rows = await db
    .select(columns)
    .from(indicators)
    .leftJoin(units, eq(units.id, indicators.sourceUnitId))
    .where(where)
    .orderBy(asc(indicators.sortOrder), asc(indicators.code))
    .limit(1000);
  return rows.map(flatten);
}

export async function loadIndicator(db: Queryable, id: string): Promise<LoadedIndicator> {
  const [row] = await db
    .select(columns)
    .from(indicators)
    .leftJoin(units, eq(units.id, indicators.sourceUnitId))
    .where(eq(indicators.id, id));
  if (!row) throw notFound();
  return flatten(row);
}

export interface RegionRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

/** A region and the regions directly under it: the city and the parts its figures are ranked over. */
export async function cityAndParts(db: Queryable, regionId: string): Promise<{ city: RegionRef; parts: RegionRef[] }> {
  const pick = {
    id: regions.id,
    code: regions.code,
    name: regions.name,
    nameEn: sql<string>`coalesce(${regions.nameEn}, ${regions.name})`,
  };
  const [city] = await db.select(pick).from(regions).where(eq(regions.id, regionId));
  if (!city) throw notFound();
  const parts = await db
    .select(pick)
    .from(regions)
    .where(and(eq(regions.parentId, regionId), eq(regions.active, true)))
    .orderBy(asc(regions.code));
  return { city, parts };
}

/** indicator → region → period → cell, for the periods from `from` to `to`. */
export type LoadedCells = Map<string, Map<string, Map<string, Cell & { revision: number }>>>;

export async function loadCells(
  db: Queryable,
  indicatorIds: string[],
  regionIds: string[],
  from: string,
  to: string,
  /** Only these periods of the range, when given. */
  only?: string[],
): Promise<LoadedCells> {
  const out: LoadedCells = new Map();
  if (!indicatorIds.length || !regionIds.length) return out;
  // One row per indicator and region with its cells packed in a string ("period value growth revision;…"):
  // a cockpit reads tens of thousands of cells, and unpacking text beats a driver row per cell several times over.
  const result = await db.execute(sql`
    select indicator_id, region_id,
      string_agg(period || ' ' || value::text || ' ' || coalesce(reported_growth::text, '') || ' ' || revision, ';') as cells
    from indicator_values
    where indicator_id in (${sql.join(
      indicatorIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and period between ${from} and ${to}
      ${
        only
          ? sql`and period in (${sql.join(
              only.map((p) => sql`${p}`),
              sql`, `,
            )})`
          : sql``
      }
      and region_id in (${sql.join(
        regionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    group by indicator_id, region_id`);
  for (const row of (result as unknown as { rows: { indicator_id: string; region_id: string; cells: string }[] }).rows) {
    const cells = new Map<string, Cell & { revision: number }>();
    for (const packed of row.cells.split(";")) {
      const [period, value, growth, revision] = packed.split(" ");
      cells.set(period, {
        value: Number(value),
        reportedGrowth: growth === "" ? null : Number(growth),
        revision: Number(revision),
      });
    }
    getOrAdd(out, row.indicator_id, () => new Map()).set(row.region_id, cells);
  }
  return out;
}

/**
 * indicator → period → the sum over the regions, for the periods every one of them has a value
 * for (a sum short of a region is no total); and how many regions have a value, period by period.
 */
export async function loadTotals(
  db: Queryable,
  indicatorIds: string[],
  regionIds: string[],
  from: string,
  to: string,
): Promise<{ totals: Map<string, Map<string, Cell>>; counts: Map<string, Map<string, number>> }> {
  const totals = new Map<string, Map<string, Cell>>();
  const counts = new Map<string, Map<string, number>>();
  if (!indicatorIds.length || !regionIds.length) return { totals, counts };
  const result = await db.execute(sql`
    select indicator_id, period, sum(value) as total, count(*) as n
    from indicator_values
    where indicator_id in (${sql.join(
      indicatorIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and period between ${from} and ${to}
      and region_id in (${sql.join(
        regionIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    group by indicator_id, period`);
  type Row = { indicator_id: string; period: string; total: number | string; n: number | string };
  for (const row of (result as unknown as { rows: Row[] }).rows) {
    const n = Number(row.n);
    getOrAdd(counts, row.indicator_id, () => new Map()).set(row.period, n);
    if (n === regionIds.length)
      getOrAdd(totals, row.indicator_id, () => new Map()).set(row.period, { value: Number(row.total), reportedGrowth: null });
  }
  return { totals, counts };
}

export const cellsOf = (cells: LoadedCells, indicatorId: string): ReadonlyMap<string, CellSeries> =>
  cells.get(indicatorId) ?? new Map();

/** `${indicatorId} ${year}` → region → that year's target. */
export async function loadTargets(
  db: Queryable,
  indicatorIds: string[],
  regionIds: string[],
  years: number[],
): Promise<Map<string, Map<string, Target>>> {
  const out = new Map<string, Map<string, Target>>();
  if (!indicatorIds.length || !regionIds.length) return out;
  const rows = await db
    .select()
    .from(indicatorTargets)
    .where(
      and(
        inArray(indicatorTargets.indicatorId, indicatorIds),
        inArray(indicatorTargets.regionId, regionIds),
        inArray(indicatorTargets.year, years),
      ),
    );
  for (const r of rows) {
    const key = `${r.indicatorId} ${r.year}`;
    getOrAdd(out, key, () => new Map()).set(
      r.regionId,
      r.kind === "growth" ? { kind: "growth", growth: r.amount } : { kind: "value", value: r.amount },
    );
  }
  return out;
}

/** The three years of months up to the latest any of the indicators has figures for, newest first: the month pickers. */
export function recentMonths(indicators: LoadedIndicator[]): string[] {
  const latest = indicators.reduce<string | null>(
    (m, i) => (i.latestPeriod && (!m || i.latestPeriod > m) ? i.latestPeriod : m),
    null,
  );
  if (!latest) return [];
  const out = [latest];
  while (out.length < 36) out.push(previousPeriod("monthly", out[out.length - 1]));
  return out;
}
