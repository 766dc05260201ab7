import { and, asc, desc, eq, gte, ilike, inArray, lte, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type IndicatorRow, indicators, indicatorTargets, indicatorValues, regions, units } from "../../db/schema.js";
import type { Cell, CellSeries } from "../../domain/indicator-figures.js";
import type { IndicatorGroup, Target } from "../../domain/indicators.js";
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
): Promise<LoadedCells> {
  const out: LoadedCells = new Map();
  if (!indicatorIds.length || !regionIds.length) return out;
  const rows = await db
    .select({
      indicatorId: indicatorValues.indicatorId,
      regionId: indicatorValues.regionId,
      period: indicatorValues.period,
      value: indicatorValues.value,
      reportedGrowth: indicatorValues.reportedGrowth,
      revision: indicatorValues.revision,
    })
    .from(indicatorValues)
    .where(
      and(
        inArray(indicatorValues.indicatorId, indicatorIds),
        gte(indicatorValues.period, from),
        lte(indicatorValues.period, to),
        inArray(indicatorValues.regionId, regionIds),
      ),
    );
  for (const r of rows) {
    const byRegion = getOrAdd(out, r.indicatorId, () => new Map());
    getOrAdd(byRegion, r.regionId, () => new Map()).set(r.period, {
      value: r.value,
      reportedGrowth: r.reportedGrowth,
      revision: r.revision,
    });
  }
  return out;
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

/** The months some of the indicators have figures for over the last three years, newest first: the month pickers. */
export async function recentMonths(db: Queryable, indicatorIds: string[], today: string): Promise<string[]> {
  if (!indicatorIds.length) return [];
  const rows = await db
    .selectDistinct({ period: indicatorValues.period })
    .from(indicatorValues)
    .where(
      and(inArray(indicatorValues.indicatorId, indicatorIds), gte(indicatorValues.period, `${Number(today.slice(0, 4)) - 3}-01`)),
    )
    .orderBy(desc(indicatorValues.period));
  return rows.map((r) => r.period);
}
