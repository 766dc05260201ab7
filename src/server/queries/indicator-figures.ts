import type { Queryable } from "../../db/connection.js";
import {
  type CellSeries,
  type FiguresInput,
  growthTrend,
  indicatorFigures,
  periodFor,
  periodsBehind,
} from "../../domain/indicator-figures.js";
import { type LightThresholds, yearOf } from "../../domain/indicators.js";
import type { LoadedIndicator, RegionRef } from "./indicators.js";
import { loadCells, loadTargets, loadTotals } from "./indicators.js";

/**
 * Everything needed to show some indicators for a month over a city and its parts. The city's
 * own figures come whole (for its trend), the parts' only for the periods their figure at the
 * month needs, and the parts' sum month by month is added up by the database: a cockpit over a
 * hundred regions reads thousands of rows, not tens of thousands.
 */
export async function figuresFor(
  db: Queryable,
  list: LoadedIndicator[],
  month: string,
  city: RegionRef,
  parts: RegionRef[],
  thresholds: LightThresholds,
  /** The city's figures alone (a table of every indicator): the regions' own are neither read nor ranked. */
  cityOnly = false,
) {
  const partIds = parts.map((p) => p.id);
  // A quarterly indicator early in a year answers for last December, so its year may be the one before.
  const years = [...new Set(list.map((i) => yearOf(periodFor(i.periodKind, month))))];
  const from = `${Math.min(...years, yearOf(month)) - 1}-01`;
  const ytd = list.filter((i) => i.accumulation === "cumulative");
  const perPeriod = list.filter((i) => i.accumulation !== "cumulative");
  const behind = [...new Set(ytd.flatMap((i) => periodsBehind(i.periodKind, month)))];
  const ids = (l: LoadedIndicator[]) => l.map((i) => i.id);
  // One after another: an evaluation computes these inside its transaction, whose one connection
  // takes one statement at a time (node-postgres deprecates queueing them, and pg 9 refuses it).
  const own = await loadCells(db, ids(list), [city.id], from, month);
  const ytdParts = await loadCells(db, cityOnly ? [] : ids(ytd), partIds, from, month, behind);
  const periodParts = await loadCells(db, cityOnly ? [] : ids(perPeriod), partIds, from, month);
  const totals = await loadTotals(db, ids(list), partIds, from, month);
  const targets = await loadTargets(db, ids(list), [city.id, ...partIds], years);
  return list.map((indicator) => {
    const values = new Map<string, CellSeries>([
      ...(ytdParts.get(indicator.id) ?? []),
      ...(periodParts.get(indicator.id) ?? []),
      ...(own.get(indicator.id) ?? []),
    ]);
    const input: FiguresInput = {
      shape: indicator,
      month,
      cityId: city.id,
      partIds: cityOnly ? [] : partIds,
      values,
      targets: targets.get(`${indicator.id} ${yearOf(periodFor(indicator.periodKind, month))}`) ?? new Map(),
      thresholds,
      partsTotal: totals.totals.get(indicator.id) ?? new Map(),
      partsCount: cityOnly
        ? {
            reported: totals.counts.get(indicator.id)?.get(periodFor(indicator.periodKind, month)) ?? 0,
            expected: partIds.length,
          }
        : undefined,
    };
    return { indicator, figures: indicatorFigures(input), trend: growthTrend(input) };
  });
}
