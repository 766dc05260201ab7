/**
 * Economic indicators (经济指标) and the arithmetic statistics bureaus use on them: year-on-year
 * growth (同比), month values from year-to-date ones (累计), the growth of a sum of regions, each
 * region's contribution to it, and the gap to an annual target. Pure: periods as YYYY-MM (a
 * quarter by its last month), growth in percent.
 */

export const PERIOD_KINDS = ["monthly", "quarterly"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** Reported as a running total from January (累计) or for the period alone (当期). */
export const ACCUMULATIONS = ["cumulative", "period"] as const;
export type Accumulation = (typeof ACCUMULATIONS)[number];
export const BETTER = ["higher", "lower"] as const;
export type Better = (typeof BETTER)[number];
export const INDICATOR_GROUPS = [
  "overall",
  "industry",
  "investment",
  "consumption",
  "foreign_trade",
  "fiscal",
  "finance",
  "energy",
  "prices",
  "employment",
  "other",
] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
/** Ahead of the target, close to it, or behind: shown green, yellow, red. */
export const TARGET_LIGHTS = ["ahead", "close", "behind"] as const;
export type TargetLight = (typeof TARGET_LIGHTS)[number];

/** What the arithmetic needs to know about an indicator. */
export interface IndicatorShape {
  periodKind: PeriodKind;
  accumulation: Accumulation;
  better: Better;
  /** Whether the regions' values add up to the city's (amounts do; rates and prices do not). */
  additive: boolean;
}

/** A target for a year: a growth rate (增长 6.5%) or a value to reach (1,000 亿元). */
export type Target = { kind: "growth"; growth: number } | { kind: "value"; value: number };

export interface LightThresholds {
  /** Growth this many points short of the target growth is "close"; further short is "behind". */
  growthClose: number;
  /** Year-to-date completion this many points behind the year elapsed is "close". */
  progressClose: number;
}
export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = { growthClose: 1, progressClose: 5 };

/** A region's values by period, as reported (year-to-date or for the period, per the indicator). */
export type Series = ReadonlyMap<string, number>;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Rounds half away from zero, the way published figures are rounded (4.45 → 4.5 at one digit). */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  // The nudge absorbs binary representation error (1.005 is stored as 1.00499…).
  const scaled = Math.abs(value) * scale * (1 + Number.EPSILON * 4);
  return (Math.sign(value) * Math.round(scaled)) / scale || 0;
}

export function isPeriod(period: string, kind: PeriodKind = "monthly"): boolean {
  const m = PERIOD.exec(period);
  return !!m && (kind === "monthly" || Number(m[2]) % 3 === 0);
}

export const yearOf = (period: string) => Number(period.slice(0, 4));
export const monthOf = (period: string) => Number(period.slice(5, 7));
const periodAt = (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}`;

/** The periods of a year: twelve months, or four quarters by their last month. */
export function periodsOfYear(kind: PeriodKind, year: number): string[] {
  const step = kind === "monthly" ? 1 : 3;
  const out: string[] = [];
  for (let m = step; m <= 12; m += step) out.push(periodAt(year, m));
  return out;
}

/** The period before in the same year, or null for the first one. */
export function previousInYear(kind: PeriodKind, period: string): string | null {
  const step = kind === "monthly" ? 1 : 3;
  const month = monthOf(period) - step;
  return month >= 1 ? periodAt(yearOf(period), month) : null;
}

/** The period before, across years (December before January). */
export function previousPeriod(kind: PeriodKind, period: string): string {
  return previousInYear(kind, period) ?? periodAt(yearOf(period) - 1, 12);
}

/** The month before a date's (YYYY-MM-DD): the latest month statistics can be out for. */
export function monthBefore(isoDate: string): string {
  const [y, m] = [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7))];
  return m === 1 ? periodAt(y - 1, 12) : periodAt(y, m - 1);
}

export const sameLastYear = (period: string) => periodAt(yearOf(period) - 1, monthOf(period));
export const lastPeriodOfYear = (year: number) => periodAt(year, 12);

/** Share of the year elapsed at the end of the period, in percent (时序进度): June is 50. */
export const yearElapsed = (period: string) => (monthOf(period) / 12) * 100;

/**
 * Growth of a value over a base in percent, unrounded. Null when either is missing or the base
 * is not positive: bureaus do not publish a growth over a loss or a zero.
 */
export function growth(current: number | null | undefined, base: number | null | undefined): number | null {
  if (current == null || base == null || !(base > 0)) return null;
  return ((current - base) / base) * 100;
}

/** The year-to-date value up to the period: as reported, or the sum of the year's periods. */
export function cumulativeOf(shape: IndicatorShape, series: Series, period: string): number | null {
  if (shape.accumulation === "cumulative") return series.get(period) ?? null;
  let sum = 0;
  for (const p of periodsOfYear(shape.periodKind, yearOf(period))) {
    if (p > period) break;
    const v = series.get(p);
    if (v == null) return null;
    sum += v;
  }
  return sum;
}

/**
 * The value of the period alone: as reported, or this year-to-date less the last one. The first
 * period of the year is its own year-to-date; any other without the previous total has none.
 */
export function periodValueOf(shape: IndicatorShape, series: Series, period: string): number | null {
  if (shape.accumulation === "period") return series.get(period) ?? null;
  const now = series.get(period);
  if (now == null) return null;
  const before = previousInYear(shape.periodKind, period);
  if (!before) return now;
  const prior = series.get(before);
  return prior == null ? null : now - prior;
}

/** Year-on-year growth of the year to date, or of the period alone. */
export function yearOnYear(shape: IndicatorShape, series: Series, period: string, basis: "cumulative" | "period"): number | null {
  const value = basis === "cumulative" ? cumulativeOf : periodValueOf;
  return growth(value(shape, series, period), value(shape, series, sameLastYear(period)));
}

export interface RegionPair {
  regionId: string;
  current: number;
  base: number;
}

export interface Contribution {
  regionId: string;
  /** The region's increase over the base period. */
  increment: number;
  /** Its share of the total increase, in percent (贡献率); the shares add up to 100. */
  share: number | null;
  /** Points of the total's growth it accounts for (拉动); these add up to the total's growth. */
  pull: number | null;
}

/** Growth of the regions' sum: the sum of the currents over the sum of the bases, not a mean of growths. */
export function growthOfSum(pairs: readonly RegionPair[]): number | null {
  let current = 0;
  let base = 0;
  for (const p of pairs) {
    current += p.current;
    base += p.base;
  }
  return pairs.length ? growth(current, base) : null;
}

/** Each region's contribution to the growth of the regions' sum. */
export function contributions(pairs: readonly RegionPair[]): Contribution[] {
  const base = pairs.reduce((s, p) => s + p.base, 0);
  const increase = pairs.reduce((s, p) => s + (p.current - p.base), 0);
  return pairs.map((p) => {
    const increment = p.current - p.base;
    return {
      regionId: p.regionId,
      increment,
      share: increase !== 0 ? (increment / increase) * 100 : null,
      pull: base > 0 ? (increment / base) * 100 : null,
    };
  });
}

export interface TargetInput {
  shape: IndicatorShape;
  target: Target;
  period: string;
  /** The year to date at the period (for an indicator reported per period: the period's value). */
  current: number | null;
  /** The same, a year before. */
  currentLastYear: number | null;
  /** Last year's whole-year total (the December year to date). */
  lastYearTotal: number | null;
  /** Year-on-year growth at the period, as published or computed. */
  growth: number | null;
}

export interface TargetStatus {
  /** The value the target means for the year: a value target, or last year's total grown by the rate. */
  annualTarget: number | null;
  /** What is still to be done to reach it (negative: exceeded). For a better-lower indicator, the headroom left. */
  gap: number | null;
  /** The year to date as a share of the annual target, in percent. */
  completion: number | null;
  /** The growth over last year's remaining periods needed to reach the target by December. */
  neededGrowth: number | null;
  light: TargetLight | null;
}

function grade(lead: number, close: number): TargetLight {
  if (lead >= 0) return "ahead";
  return lead >= -close ? "close" : "behind";
}

/**
 * How an indicator stands against its target for the year. A growth target is judged by the
 * growth so far; a value target on a year-to-date figure by completion against the year elapsed;
 * a value target on a level (a rate, a price) by the value itself.
 */
export function targetStatus(input: TargetInput, thresholds: LightThresholds = DEFAULT_LIGHT_THRESHOLDS): TargetStatus {
  const { shape, target, period, current, currentLastYear, lastYearTotal } = input;
  const sign = shape.better === "higher" ? 1 : -1;
  const summable = shape.accumulation === "cumulative" || shape.additive;
  const annualTarget =
    target.kind === "value" ? target.value : lastYearTotal != null ? lastYearTotal * (1 + target.growth / 100) : null;
  const gap = annualTarget != null && current != null && summable ? annualTarget - current : null;
  const completion = annualTarget && current != null && summable ? (current / annualTarget) * 100 : null;
  const remainingLastYear = lastYearTotal != null && currentLastYear != null ? lastYearTotal - currentLastYear : null;
  // Once the target is reached nothing more is needed: no growth is asked of the rest of the year.
  const neededGrowth =
    gap != null && gap > 0 && monthOf(period) < 12 && remainingLastYear != null ? growth(gap, remainingLastYear) : null;

  let light: TargetLight | null = null;
  if (target.kind === "growth") {
    if (input.growth != null) light = grade(sign * (input.growth - target.growth), thresholds.growthClose);
  } else if (completion != null && shape.accumulation === "cumulative") {
    light = grade(sign * (completion - yearElapsed(period)), thresholds.progressClose);
  } else if (current != null && target.value !== 0) {
    // A level: how far from the target value, in percent of it.
    light = grade(sign * ((current - target.value) / Math.abs(target.value)) * 100, thresholds.progressClose);
  }
  return { annualTarget, gap, completion, neededGrowth, light };
}

/**
 * Ranks regions on a figure, best first: ties share a rank and the next rank skips (1, 2, 2, 4),
 * missing figures come last without a rank. Figures are compared as published (rounded).
 */
export function rankBy<T>(items: readonly T[], figure: (item: T) => number | null, better: Better, digits = 1) {
  const known = items
    .map((item) => ({ item, value: figure(item) }))
    .filter((x): x is { item: T; value: number } => x.value != null)
    .map((x) => ({ ...x, shown: roundTo(x.value, digits) }))
    .sort((a, b) => (better === "higher" ? b.shown - a.shown : a.shown - b.shown));
  const ranked: { item: T; value: number | null; rank: number | null }[] = [];
  known.forEach((x, i) => {
    const tied = i > 0 && x.shown === known[i - 1].shown;
    ranked.push({ item: x.item, value: x.value, rank: tied ? ranked[i - 1].rank : i + 1 });
  });
  for (const item of items) if (figure(item) == null) ranked.push({ item, value: null, rank: null });
  return ranked;
}
