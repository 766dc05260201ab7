/**
 * An indicator's figures for a month, as an analysis table shows them: the city (its own
 * published figure, or the sum of its parts), each part's figure, growth, target status and rank.
 * Pure: it works on values already loaded.
 */
import {
  type Contribution,
  contributions,
  cumulativeOf,
  type IndicatorShape,
  type LightThresholds,
  lastPeriodOfYear,
  monthOf,
  type PeriodKind,
  periodValueOf,
  previousInYear,
  rankBy,
  type Series,
  sameLastYear,
  type Target,
  type TargetStatus,
  targetStatus,
  yearOf,
  yearOnYear,
} from "./indicators.js";

/** A stored value: the figure and the growth the bureau published with it, if any. */
export interface Cell {
  value: number;
  reportedGrowth: number | null;
}
/** period → cell */
export type CellSeries = ReadonlyMap<string, Cell>;

export interface RegionFigure {
  regionId: string;
  /** The year to date (a level indicator: the period's value). */
  value: number | null;
  /** The same, a year before. */
  lastYear: number | null;
  /** Year-on-year growth of the year to date, as published or computed (%); null for a level. */
  growth: number | null;
  /** Whether the growth is the bureau's published one (a comparable basis) rather than computed. */
  growthPublished: boolean;
  /** The period alone and its growth (当月), for amounts. */
  periodValue: number | null;
  periodGrowth: number | null;
  /** A level's change on a year before, in points. */
  change: number | null;
  target: Target | null;
  status: TargetStatus | null;
  rank: number | null;
}

export interface IndicatorFigures {
  /** The period the figures are for: a quarterly indicator's latest quarter at the month asked. */
  period: string;
  city: RegionFigure & {
    /** Summed from its parts rather than published. */ summed: boolean;
    reported: number;
    expected: number;
  };
  parts: RegionFigure[];
  contributions: Contribution[];
}

/**
 * The periods a region's figure at a month is computed from, for an indicator reported year to
 * date: the period, the one before in the year, the same two a year before, and last December.
 * (One reported per period needs every period since the January before.)
 */
export function periodsBehind(kind: PeriodKind, month: string): string[] {
  const period = periodFor(kind, month);
  const before = sameLastYear(period);
  const out = [period, previousInYear(kind, period), before, previousInYear(kind, before), lastPeriodOfYear(yearOf(period) - 1)];
  return [...new Set(out.filter((p): p is string => p !== null))];
}

/** The period a quarterly indicator has a figure for at a month: the last quarter ended by then. */
export function periodFor(kind: PeriodKind, month: string): string {
  if (kind === "monthly") return month;
  const m = monthOf(month) - (monthOf(month) % 3);
  return m === 0 ? `${yearOf(month) - 1}-12` : `${yearOf(month)}-${String(m).padStart(2, "0")}`;
}

const plain = (cells: CellSeries | undefined): Series => {
  const out = new Map<string, number>();
  if (cells) for (const [p, c] of cells) out.set(p, c.value);
  return out;
};

const isLevel = (shape: IndicatorShape) => !shape.additive && shape.accumulation === "period";

function figureOf(
  shape: IndicatorShape,
  regionId: string,
  cells: CellSeries | undefined,
  period: string,
  target: Target | null,
  thresholds: LightThresholds,
): RegionFigure {
  const series = plain(cells);
  const level = isLevel(shape);
  const before = sameLastYear(period);
  const value = level ? (series.get(period) ?? null) : cumulativeOf(shape, series, period);
  const lastYear = level ? (series.get(before) ?? null) : cumulativeOf(shape, series, before);
  const published = cells?.get(period)?.reportedGrowth ?? null;
  const computed = level ? null : yearOnYear(shape, series, period, "cumulative");
  const figureGrowth = published ?? computed;
  const periodValue = level ? null : periodValueOf(shape, series, period);
  const periodGrowth = level ? null : yearOnYear(shape, series, period, "period");
  const status = target
    ? targetStatus(
        {
          shape,
          target,
          period,
          current: value,
          currentLastYear: lastYear,
          lastYearTotal: level ? null : cumulativeOf(shape, series, lastPeriodOfYear(yearOf(period) - 1)),
          growth: figureGrowth,
        },
        thresholds,
      )
    : null;
  return {
    regionId,
    value,
    lastYear,
    growth: figureGrowth,
    growthPublished: published != null,
    periodValue,
    periodGrowth,
    change: level && value != null && lastYear != null ? value - lastYear : null,
    target,
    status,
    rank: null,
  };
}

/** Adds the parts' series period by period; a period some part lacks is left out (the sum would be short). */
function sumOf(parts: (CellSeries | undefined)[]): Map<string, Cell> {
  const out = new Map<string, Cell>();
  const counts = new Map<string, number>();
  for (const cells of parts)
    if (cells)
      for (const [p, c] of cells) {
        out.set(p, { value: (out.get(p)?.value ?? 0) + c.value, reportedGrowth: null });
        counts.set(p, (counts.get(p) ?? 0) + 1);
      }
  for (const [p, n] of counts) if (n < parts.length) out.delete(p);
  return out;
}

export interface FiguresInput {
  shape: IndicatorShape;
  /** The month asked for (YYYY-MM). */
  month: string;
  cityId: string;
  partIds: readonly string[];
  /** regionId → its values */
  values: ReadonlyMap<string, CellSeries>;
  /** regionId → the year's target */
  targets: ReadonlyMap<string, Target>;
  thresholds: LightThresholds;
  /**
   * The parts' sum by period, when the caller had the database add it up (periods some part
   * lacks left out); otherwise it is added up here from the parts' values.
   */
  partsTotal?: CellSeries;
  /** How many parts have a figure, when the parts' own figures are not wanted (partIds left empty). */
  partsCount?: { reported: number; expected: number };
}

/**
 * The city's figure is its own when one was entered; for an amount without one it is the sum
 * of its parts (so its growth is the growth of the sum). Parts are ranked by growth (a level by value).
 */
export function indicatorFigures(input: FiguresInput): IndicatorFigures {
  const { shape, cityId, partIds, values, targets, thresholds } = input;
  const period = periodFor(shape.periodKind, input.month);
  const parts = partIds.map((id) => figureOf(shape, id, values.get(id), period, targets.get(id) ?? null, thresholds));
  const own = values.get(cityId);
  const summed = !own?.has(period) && shape.additive;
  const citySeries = summed ? (input.partsTotal ?? sumOf(partIds.map((id) => values.get(id)))) : own;
  const city = figureOf(shape, cityId, citySeries, period, targets.get(cityId) ?? null, thresholds);
  const level = isLevel(shape);
  const ranked = rankBy(parts, (f) => (level ? f.value : f.growth), level ? shape.better : "higher", level ? 2 : 1);
  for (const r of ranked) r.item.rank = r.rank;
  const pairs = parts
    .filter((f) => f.value != null && f.lastYear != null)
    .map((f) => ({ regionId: f.regionId, current: f.value as number, base: f.lastYear as number }));
  return {
    period,
    city: {
      ...city,
      summed,
      reported: input.partsCount?.reported ?? parts.filter((f) => f.value != null).length,
      expected: input.partsCount?.expected ?? parts.length,
    },
    parts,
    contributions: !level && pairs.length === parts.length ? contributions(pairs) : [],
  };
}

/** The city's year-to-date growth (a level: its value) at each period of the year up to the month: the sparkline. */
export function growthTrend(input: FiguresInput): { period: string; value: number | null }[] {
  const { shape } = input;
  const last = periodFor(shape.periodKind, input.month);
  const own = input.values.get(input.cityId);
  const series =
    own?.has(last) || !shape.additive ? own : (input.partsTotal ?? sumOf(input.partIds.map((id) => input.values.get(id))));
  const flat = plain(series);
  const step = shape.periodKind === "monthly" ? 1 : 3;
  const out: { period: string; value: number | null }[] = [];
  for (let m = step; m <= monthOf(last); m += step) {
    const period = `${yearOf(last)}-${String(m).padStart(2, "0")}`;
    const value = isLevel(shape)
      ? (flat.get(period) ?? null)
      : (series?.get(period)?.reportedGrowth ?? yearOnYear(shape, flat, period, "cumulative"));
    out.push({ period, value });
  }
  return out;
}
