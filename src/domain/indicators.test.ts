import { describe, expect, it } from "vitest";
import {
  contributions,
  cumulativeOf,
  growthOfSum,
  type IndicatorShape,
  isPeriod,
  periodsOfYear,
  periodValueOf,
  previousPeriod,
  rankBy,
  roundTo,
  targetStatus,
  yearOnYear,
} from "./indicators.js";

// Worked by hand (and checked with decimal arithmetic): value added of industry above
// designated size, 亿元, year to date, three regions, June 2026 against June 2025.
const ytd: IndicatorShape = { periodKind: "monthly", accumulation: "cumulative", better: "higher", additive: true };
const regionA = new Map([
  ["2025-05", 428.6],
  ["2025-06", 512.4],
  ["2026-05", 455.1],
  ["2026-06", 548.27],
]);
const pairs = [
  { regionId: "A", current: 548.27, base: 512.4 },
  { regionId: "B", current: 301.55, base: 296.02 },
  { regionId: "C", current: 120.0, base: 131.5 },
];

describe("rounding as published", () => {
  it("rounds half away from zero despite binary representation", () => {
    expect(roundTo(4.45, 1)).toBe(4.5);
    expect(roundTo(-4.45, 1)).toBe(-4.5);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(0.04, 1)).toBe(0);
    expect(roundTo(((104.45 - 100) / 100) * 100, 1)).toBe(4.5);
  });
});

describe("periods", () => {
  it("knows months and quarters", () => {
    expect(isPeriod("2026-06")).toBe(true);
    expect(isPeriod("2026-13")).toBe(false);
    expect(isPeriod("2026-05", "quarterly")).toBe(false);
    expect(periodsOfYear("quarterly", 2026)).toEqual(["2026-03", "2026-06", "2026-09", "2026-12"]);
    expect(previousPeriod("monthly", "2026-01")).toBe("2025-12");
    expect(previousPeriod("quarterly", "2026-06")).toBe("2026-03");
  });
});

describe("year-on-year growth", () => {
  it("of the year to date: (548.27 − 512.40) / 512.40 = 7.0%", () => {
    expect(roundTo(yearOnYear(ytd, regionA, "2026-06", "cumulative")!, 1)).toBe(7.0);
  });

  it("of June alone, from the year-to-date figures: 93.17 over 83.80 = 11.2%", () => {
    expect(roundTo(periodValueOf(ytd, regionA, "2026-06")!, 2)).toBe(93.17);
    expect(roundTo(periodValueOf(ytd, regionA, "2025-06")!, 2)).toBe(83.8);
    expect(roundTo(yearOnYear(ytd, regionA, "2026-06", "period")!, 1)).toBe(11.2);
  });

  it("of a figure reported per month, over the quarter's total: 119.65 over 113.65 = 5.3%", () => {
    const monthly: IndicatorShape = { ...ytd, accumulation: "period" };
    const electricity = new Map([
      ["2025-01", 38.0],
      ["2025-02", 33.1],
      ["2025-03", 42.55],
      ["2026-01", 40.12],
      ["2026-02", 35.5],
      ["2026-03", 44.03],
    ]);
    expect(roundTo(cumulativeOf(monthly, electricity, "2026-03")!, 2)).toBe(119.65);
    expect(roundTo(yearOnYear(monthly, electricity, "2026-03", "cumulative")!, 1)).toBe(5.3);
    expect(roundTo(yearOnYear(monthly, electricity, "2026-02", "period")!, 1)).toBe(7.3);
  });

  it("January is its own year to date; a month without the previous total has no month value", () => {
    const s = new Map([
      ["2026-01", 80],
      ["2026-03", 250],
    ]);
    expect(periodValueOf(ytd, s, "2026-01")).toBe(80);
    expect(periodValueOf(ytd, s, "2026-03")).toBeNull();
  });

  it("is not published over a loss, a zero or a missing base", () => {
    const s = new Map([
      ["2025-06", -3],
      ["2026-06", 5],
    ]);
    expect(yearOnYear(ytd, s, "2026-06", "cumulative")).toBeNull();
    expect(yearOnYear(ytd, new Map([["2026-06", 5]]), "2026-06", "cumulative")).toBeNull();
  });
});

describe("across regions", () => {
  it("the growth of the sum is 969.82 over 939.92 = 3.2%, not the mean of the growths", () => {
    expect(roundTo(growthOfSum(pairs)!, 1)).toBe(3.2);
    const meanOfGrowths = pairs.reduce((s, p) => s + ((p.current - p.base) / p.base) * 100, 0) / pairs.length;
    expect(roundTo(meanOfGrowths, 1)).not.toBe(3.2);
  });

  it("each region's share of the increase adds up to 100 and its pull to the total growth", () => {
    const c = contributions(pairs);
    expect(c.map((x) => roundTo(x.share!, 1))).toEqual([120.0, 18.5, -38.5]);
    expect(c.map((x) => roundTo(x.pull!, 1))).toEqual([3.8, 0.6, -1.2]);
    expect(
      roundTo(
        c.reduce((s, x) => s + x.share!, 0),
        6,
      ),
    ).toBe(100);
    expect(
      roundTo(
        c.reduce((s, x) => s + x.pull!, 0),
        6,
      ),
    ).toBe(roundTo(growthOfSum(pairs)!, 6));
  });
});

describe("against the annual target", () => {
  const input = {
    shape: ytd,
    period: "2026-06",
    current: 969.82,
    currentLastYear: 939.92,
    lastYearTotal: 1905.6,
    growth: growthOfSum(pairs),
  };

  it("a growth target of 6.5%: 2,029.46 for the year, 1,059.64 to go, 9.7% needed over the rest of last year", () => {
    const s = targetStatus({ ...input, target: { kind: "growth", growth: 6.5 } });
    expect(roundTo(s.annualTarget!, 2)).toBe(2029.46);
    expect(roundTo(s.gap!, 2)).toBe(1059.64);
    expect(roundTo(s.completion!, 2)).toBe(47.79);
    expect(roundTo(s.neededGrowth!, 1)).toBe(9.7);
    // 3.2% against 6.5% is more than a point short.
    expect(s.light).toBe("behind");
    expect(targetStatus({ ...input, target: { kind: "growth", growth: 4 } }).light).toBe("close");
    expect(targetStatus({ ...input, target: { kind: "growth", growth: 3 } }).light).toBe("ahead");
  });

  it("a value target: 47.79% done at the half year is close; thresholds are settings", () => {
    const target = { kind: "value" as const, value: 2029.464 };
    expect(targetStatus({ ...input, target }).light).toBe("close");
    expect(targetStatus({ ...input, target }, { growthClose: 1, progressClose: 2 }).light).toBe("behind");
    expect(targetStatus({ ...input, current: 1100, target }).light).toBe("ahead");
    // Reached already: nothing is asked of the rest of the year.
    const reached = targetStatus({ ...input, current: 2100, target });
    expect(roundTo(reached.gap!, 2)).toBe(-70.54);
    expect(reached.neededGrowth).toBeNull();
  });

  it("for a better-lower level, being under the target is ahead", () => {
    const shape: IndicatorShape = { periodKind: "monthly", accumulation: "period", better: "lower", additive: false };
    const level = { shape, period: "2026-06", currentLastYear: null, lastYearTotal: null, growth: null };
    expect(targetStatus({ ...level, current: 2.8, target: { kind: "value", value: 3 } }).light).toBe("ahead");
    expect(targetStatus({ ...level, current: 3.1, target: { kind: "value", value: 3 } }).light).toBe("close");
    expect(targetStatus({ ...level, current: 3.5, target: { kind: "value", value: 3 } }).light).toBe("behind");
    expect(targetStatus({ ...level, current: 3.5, target: { kind: "value", value: 3 } }).gap).toBeNull();
  });

  it("in December nothing remains to grow over", () => {
    const s = targetStatus({ ...input, period: "2026-12", target: { kind: "growth", growth: 6.5 } });
    expect(s.neededGrowth).toBeNull();
  });
});

describe("rankings", () => {
  it("ranks by the published figure: ties share a rank, missing figures come last", () => {
    const rows = [
      { id: "a", g: 5.04 },
      { id: "b", g: 7.2 },
      { id: "c", g: 4.96 },
      { id: "d", g: null },
      { id: "e", g: 3.1 },
    ];
    const ranked = rankBy(rows, (r) => r.g, "higher");
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 2],
      ["e", 4],
      ["d", null],
    ]);
    expect(rankBy(rows, (r) => r.g, "lower")[0].item.id).toBe("e");
  });
});
