import { describe, expect, it } from "vitest";
import {
  type Criterion,
  type EvaluationInput,
  evaluate,
  periodCodeOf,
  periodRange,
  previousPeriodCode,
  shortfalls,
} from "./evaluation.js";
import { roundTo } from "./indicators.js";

// Worked by hand: four counties and a zone ranked in its own group, three criteria, two adjustments.
const criteria: Criterion[] = [
  { id: "growth", source: "indicator_growth", weight: 40, method: "rank", better: "higher", missing: "zero" },
  { id: "onTime", source: "task_on_time_rate", weight: 30, method: "scaled", better: "higher", missing: "average" },
  {
    id: "invest",
    source: "project_investment_completion",
    weight: 30,
    method: "ratio",
    better: "higher",
    missing: "exclude",
    target: 100,
  },
];
const figures = new Map<string, Map<string, number | null>>([
  [
    "growth",
    new Map([
      ["A", 8.1],
      ["B", 6.5],
      ["C", 6.5],
      ["D", 3.2],
      ["Z", 5],
    ]),
  ],
  [
    "onTime",
    new Map<string, number | null>([
      ["A", 90],
      ["B", 100],
      ["C", null],
      ["D", 70],
      ["Z", 80],
    ]),
  ],
  [
    "invest",
    new Map<string, number | null>([
      ["A", 80],
      ["B", 110],
      ["C", 95],
      ["Z", null],
    ]),
  ],
]);
const input: EvaluationInput = {
  criteria,
  peers: [
    { id: "A", group: "county" },
    { id: "B", group: "county" },
    { id: "C", group: "county" },
    { id: "D", group: "county" },
    { id: "Z", group: "zone" },
  ],
  figures,
  adjustments: [
    { peerId: "D", points: 5, reason: "Provincial award" },
    { peerId: "A", points: -2, reason: "Safety accident" },
  ],
  redFlags: 1,
  yellowFlags: 1,
};
const r2 = (v: number) => roundTo(v, 2);

describe("scoring peers", () => {
  const results = evaluate(input);
  const of = (id: string) => results.find((r) => r.peerId === id)!;
  const points = (id: string) => of(id).scores.map((s) => r2(s.points));

  it("by rank: the best gets the weight, ties share a rank and its points, the worst gets none", () => {
    expect(criteria[0].weight).toBe(40);
    expect(["A", "B", "C", "D"].map((id) => r2(of(id).scores[0].points))).toEqual([40, 26.67, 26.67, 0]);
    expect(["A", "B", "C", "D"].map((id) => of(id).scores[0].rank)).toEqual([1, 2, 2, 4]);
  });

  it("scaled between best and worst; a peer without a figure gets the others' average under that rule", () => {
    expect(points("A")[1]).toBe(20);
    expect(points("B")[1]).toBe(30);
    expect(points("D")[1]).toBe(0);
    expect(of("C").scores[1]).toMatchObject({ figure: null, missing: "average" });
    expect(points("C")[1]).toBe(16.67);
  });

  it("as a share of a target, capped at the weight; without a figure the criterion is left out and the rest scaled up", () => {
    expect(["A", "B", "C"].map((id) => points(id)[2])).toEqual([24, 30, 28.5]);
    expect(of("D").scores[2]).toMatchObject({ figure: null, missing: "exclude", points: 0 });
    // The zone alone: full rank and scaled points (70 of the 70 weight counted), scaled to 100.
    expect(r2(of("Z").criteriaPoints)).toBe(100);
  });

  it("adds the adjustments, ranks within each group, and flags the top and bottom", () => {
    expect(["A", "B", "C", "D"].map((id) => r2(of(id).total))).toEqual([82, 86.67, 71.83, 5]);
    expect(results.filter((r) => r.group === "county").map((r) => [r.peerId, r.rank, r.flag])).toEqual([
      ["B", 1, "red"],
      ["A", 2, null],
      ["C", 3, null],
      ["D", 4, "yellow"],
    ]);
    expect(of("Z")).toMatchObject({ rank: 1, flag: "red" });
    expect(of("A").adjustments).toEqual([{ peerId: "A", points: -2, reason: "Safety accident" }]);
  });

  it("a tie at the top takes the red flag together; a tie at the bottom the yellow", () => {
    const tied = evaluate({
      ...input,
      peers: input.peers.filter((p) => p.group === "county"),
      adjustments: [
        { peerId: "A", points: 86.67 - 84, reason: "x" },
        { peerId: "D", points: 71.83 - 0, reason: "y" },
      ],
    });
    expect(tied.map((r) => [r.peerId, r.rank, r.flag])).toEqual([
      ["A", 1, "red"],
      ["B", 1, "red"],
      ["C", 3, "yellow"],
      ["D", 3, "yellow"],
    ]);
  });

  it("is deterministic: the same figures in another order give the same result", () => {
    const shuffled = evaluate({ ...input, peers: [...input.peers].reverse() });
    const shape = (list: typeof results) => list.map((r) => [r.peerId, r2(r.total), r.rank, r.flag]);
    expect(shape(shuffled)).toEqual(shape(results));
  });

  it("what it would take: where A lost points against the flag holder, largest first", () => {
    expect(shortfalls(of("A"), of("B")).map((s) => [s.criterionId, r2(s.behind)])).toEqual([
      ["onTime", 10],
      ["invest", 6],
      ["adjustments", 2],
      ["growth", -13.33],
    ]);
  });
});

describe("evaluation periods", () => {
  it("name their months, and the one before", () => {
    expect(periodRange("2026-H1")).toEqual({ code: "2026-H1", from: "2026-01", to: "2026-06" });
    expect(periodRange("2026-Q3")).toMatchObject({ from: "2026-07", to: "2026-09" });
    expect(periodRange("2026")).toMatchObject({ from: "2026-01", to: "2026-12" });
    expect(periodRange("2026-M05")).toMatchObject({ from: "2026-05", to: "2026-05" });
    expect(periodRange("2026-H3")).toBeNull();
    expect(periodCodeOf("half", "2026-07")).toBe("2026-H2");
    expect(periodCodeOf("quarter", "2026-05")).toBe("2026-Q2");
    expect(previousPeriodCode("2026-H1")).toBe("2025-H2");
    expect(previousPeriodCode("2026-Q1")).toBe("2025-Q4");
    expect(previousPeriodCode("2026")).toBe("2025");
    expect(previousPeriodCode("2026-M01")).toBe("2025-M12");
  });
});
