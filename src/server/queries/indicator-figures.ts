import type { Queryable } from "../../db/connection.js";
import { type FiguresInput, growthTrend, indicatorFigures, periodFor } from "../../domain/indicator-figures.js";
import { type LightThresholds, yearOf } from "../../domain/indicators.js";
import type { LoadedIndicator, RegionRef } from "./indicators.js";
import { cellsOf, loadCells, loadTargets } from "./indicators.js";

/** Everything needed to show some indicators for a month over a city and its parts, loaded in two queries. */
export async function figuresFor(
  db: Queryable,
  list: LoadedIndicator[],
  month: string,
  city: RegionRef,
  parts: RegionRef[],
  thresholds: LightThresholds,
) {
  const ids = list.map((i) => i.id);
  const regionIds = [city.id, ...parts.map((p) => p.id)];
  // A quarterly indicator early in a year answers for last December, so its year may be the one before.
  const years = [...new Set(list.map((i) => yearOf(periodFor(i.periodKind, month))))];
  const first = Math.min(...years, yearOf(month));
  // The January before onwards covers the year to date, the same months a year before, and last December's total.
  const [cells, targets] = await Promise.all([
    loadCells(db, ids, regionIds, `${first - 1}-01`, month),
    loadTargets(db, ids, regionIds, years),
  ]);
  return list.map((indicator) => {
    const input: FiguresInput = {
      shape: indicator,
      month,
      cityId: city.id,
      partIds: parts.map((p) => p.id),
      values: cellsOf(cells, indicator.id),
      targets: targets.get(`${indicator.id} ${yearOf(periodFor(indicator.periodKind, month))}`) ?? new Map(),
      thresholds,
    };
    return { indicator, figures: indicatorFigures(input), trend: growthTrend(input) };
  });
}
