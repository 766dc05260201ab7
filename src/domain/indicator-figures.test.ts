import { describe, expect, it } from "vitest";
import { type Cell, growthTrend, indicatorFigures, periodFor, periodsBehind } from "./indicator-figures.js";
import { type IndicatorShape, roundTo } from "./indicators.js";

const ytd: IndicatorShape = { periodKind: "monthly", accumulation: "cumulative", better: "higher", additive: true };
const cells = (entries: [string, number, number?][]) =>
  new Map<string, Cell>(entries.map(([p, value, g]) => [p, { value, reportedGrowth: g ?? null }]));

// The three regions of the hand-worked example in indicators.test.ts, with last December's totals.
const values = new Map([
  [
    "A",
    cells([
      ["2025-05", 428.6],
      ["2025-06", 512.4],
      ["2025-12", 1040.0],
      ["2026-05", 455.1],
      ["2026-06", 548.27],
    ]),
  ],
  [
    "B",
    cells([
      ["2025-05", 250.0],
      ["2025-06", 296.02],
      ["2025-12", 600.0],
      ["2026-05", 255.0],
      ["2026-06", 301.55],
    ]),
  ],
  [
    "C",
    cells([
      ["2025-05", 110.0],
      ["2025-06", 131.5],
      ["2025-12", 265.6],
      ["2026-05", 100.0],
      ["2026-06", 120.0],
    ]),
  ],
]);
const input = {
  shape: ytd,
  month: "2026-06",
  cityId: "city",
  partIds: ["A", "B", "C"],
  values,
  targets: new Map([["city", { kind: "growth" as const, growth: 6.5 }]]),
  thresholds: { growthClose: 1, progressClose: 5 },
};

describe("an indicator's figures for a month", () => {
  it("sums the parts for a city without its own figure: 969.82, up 3.2%, 9.7% needed for the rest of the year", () => {
    const f = indicatorFigures(input);
    expect(f.city.summed).toBe(true);
    expect(roundTo(f.city.value!, 2)).toBe(969.82);
    expect(roundTo(f.city.growth!, 1)).toBe(3.2);
    expect(roundTo(f.city.status!.neededGrowth!, 1)).toBe(9.7);
    expect(f.city.status!.light).toBe("behind");
    expect(f.city.reported).toBe(3);
    expect(f.parts.map((p) => [p.regionId, roundTo(p.growth!, 1), p.rank])).toEqual([
      ["A", 7.0, 1],
      ["B", 1.9, 2],
      ["C", -8.7, 3],
    ]);
    expect(f.contributions.map((c) => roundTo(c.share!, 1))).toEqual([120.0, 18.5, -38.5]);
  });

  it("takes the city's own published figure and growth when there is one", () => {
    const withCity = new Map(values);
    withCity.set(
      "city",
      cells([
        ["2025-06", 940.0],
        ["2026-06", 972.4, 3.6],
      ]),
    );
    const f = indicatorFigures({ ...input, values: withCity });
    expect(f.city.summed).toBe(false);
    expect(f.city.value).toBe(972.4);
    expect(f.city.growth).toBe(3.6);
    expect(f.city.growthPublished).toBe(true);
  });

  it("leaves the sum out while a part has not reported, and says how many have", () => {
    const partial = new Map(values);
    partial.set("C", cells([["2025-06", 131.5]]));
    const f = indicatorFigures({ ...input, values: partial });
    expect(f.city.value).toBeNull();
    expect(f.city.reported).toBe(2);
    expect(f.parts.find((p) => p.regionId === "C")!.rank).toBeNull();
  });

  it("a region's figure needs five periods: the month, the one before, the same a year back, and last December", () => {
    expect(periodsBehind("monthly", "2026-06")).toEqual(["2026-06", "2026-05", "2025-06", "2025-05", "2025-12"]);
    expect(periodsBehind("monthly", "2026-01")).toEqual(["2026-01", "2025-01", "2025-12"]);
    expect(periodsBehind("quarterly", "2026-08")).toEqual(["2026-06", "2026-03", "2025-06", "2025-03", "2025-12"]);
    // The parts' figures from those periods alone, with the total added up elsewhere, are the same.
    const slim = new Map(
      [...values].map(([id, c]) => [id, new Map([...c].filter(([p]) => periodsBehind("monthly", "2026-06").includes(p)))]),
    );
    const full = indicatorFigures(input);
    const fromSlim = indicatorFigures({
      ...input,
      values: slim,
      partsTotal: new Map([
        ["2026-06", { value: 969.82, reportedGrowth: null }],
        ["2025-06", { value: 939.92, reportedGrowth: null }],
      ]),
    });
    expect(fromSlim.parts).toEqual(full.parts);
    expect(roundTo(fromSlim.city.growth!, 6)).toBe(roundTo(full.city.growth!, 6));
  });

  it("a quarterly indicator answers for the last quarter ended", () => {
    expect(periodFor("quarterly", "2026-10")).toBe("2026-09");
    expect(periodFor("quarterly", "2026-02")).toBe("2025-12");
    expect(periodFor("quarterly", "2026-06")).toBe("2026-06");
  });

  it("the trend is the year-to-date growth month by month", () => {
    const trend = growthTrend(input);
    expect(trend.map((t) => t.period)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
    expect(trend[0].value).toBeNull();
    expect(roundTo(trend[4].value!, 1)).toBe(roundTo(((810.1 - 788.6) / 788.6) * 100, 1));
    expect(roundTo(trend[5].value!, 1)).toBe(3.2);
  });

  it("a level (the unemployment rate) is ranked by value, lower first, and its change is in points", () => {
    const level: IndicatorShape = { periodKind: "monthly", accumulation: "period", better: "lower", additive: false };
    const rates = new Map([
      [
        "A",
        cells([
          ["2025-06", 3.1],
          ["2026-06", 3.3],
        ]),
      ],
      [
        "B",
        cells([
          ["2025-06", 3.6],
          ["2026-06", 2.9],
        ]),
      ],
      [
        "city",
        cells([
          ["2025-06", 3.3],
          ["2026-06", 3.1],
        ]),
      ],
    ]);
    const f = indicatorFigures({ ...input, shape: level, partIds: ["A", "B"], values: rates, targets: new Map() });
    expect(f.city.value).toBe(3.1);
    expect(f.city.growth).toBeNull();
    expect(roundTo(f.city.change!, 1)).toBe(-0.2);
    expect(f.parts.map((p) => [p.regionId, p.rank])).toEqual([
      ["A", 2],
      ["B", 1],
    ]);
  });
});
