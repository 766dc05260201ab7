import { describe, expect, it } from "vitest";
import { investmentStatus, judgedMonth, type ProjectFacts, projectWarnings, warningKey } from "./projects.js";

const months = (year: number, amounts: number[]) =>
  amounts.map((amount, i) => ({ period: `${year}-${String(i + 1).padStart(2, "0")}`, amount }));

describe("investment as commissions report it", () => {
  it("adds up the year to date and since start, and compares the annual plan with the year elapsed", () => {
    const figures = [...months(2025, [100, 100]), ...months(2026, [50, 50, 50, 50, 50, 50])];
    const s = investmentStatus(figures, "2026-06", { annual: 1000, total: 5000 });
    expect(s).toEqual({
      year: 2026,
      yearToDate: 300,
      sinceStart: 500,
      annualCompletion: 30,
      timeElapsed: 50,
      paceGap: 20,
      totalCompletion: 10,
    });
  });

  it("ignores months after the one asked for, and has no rates without a plan", () => {
    const s = investmentStatus(months(2026, [10, 20, 30]), "2026-02", { annual: null, total: null });
    expect(s).toMatchObject({ yearToDate: 30, sinceStart: 30, annualCompletion: null, paceGap: null, totalCompletion: null });
  });
});

const building = (over: Partial<ProjectFacts> = {}): ProjectFacts => ({
  stage: "under_construction",
  annualPlan: 1200,
  totalInvestment: 10_000,
  nodes: [
    { kind: "start", plannedOn: "2026-01-10", reachedOn: "2026-01-12" },
    { kind: "main_structure", plannedOn: "2026-08-31", reachedOn: null },
    { kind: "completion", plannedOn: "2027-06-30", reachedOn: null },
  ],
  figures: months(2026, [100, 100, 100, 100, 100, 100]),
  lastReportOn: "2026-07-05",
  since: "2025-10-01",
  ...over,
});

describe("early warnings", () => {
  it("raises none for a project on pace, reporting, with its nodes ahead", () => {
    expect(projectWarnings(building(), "2026-07-10")).toEqual([]);
  });

  it("grades investment behind the pace by the margin: blue, yellow, red", () => {
    // Judged on June: half the year gone.
    const at = (ytd: number) =>
      projectWarnings(building({ figures: [{ period: "2026-06", amount: ytd }] }), "2026-07-10").find(
        (w) => w.kind === "investment_behind",
      )?.level;
    expect(at(600)).toBeUndefined(); // 50% done, 50% elapsed
    expect(at(470)).toBe("blue"); // 39.2%: 10.8 points behind
    expect(at(350)).toBe("yellow"); // 29.2%: 20.8 behind
    expect(at(200)).toBe("red"); // 16.7%: 33.3 behind
  });

  it("warns of each node past its date, by how late, until it is reached", () => {
    const w = projectWarnings(building(), "2026-10-15");
    expect(w).toContainEqual({
      kind: "node_overdue",
      level: "yellow",
      node: "main_structure",
      detail: { plannedOn: "2026-08-31", days: 45 },
    });
    const reached = building({
      nodes: [
        { kind: "start", plannedOn: "2026-01-10", reachedOn: "2026-01-12" },
        { kind: "main_structure", plannedOn: "2026-08-31", reachedOn: "2026-10-01" },
      ],
    });
    expect(projectWarnings(reached, "2026-10-15").some((x) => x.kind === "node_overdue")).toBe(false);
  });

  it("warns when a planned start passes without a start, and nothing else before building", () => {
    const waiting = building({
      stage: "preparatory",
      nodes: [{ kind: "start", plannedOn: "2026-03-01", reachedOn: null }],
      lastReportOn: null,
    });
    expect(projectWarnings(waiting, "2026-02-20")).toEqual([]);
    expect(projectWarnings(waiting, "2026-06-15")).toEqual([
      { kind: "start_overdue", level: "red", detail: { plannedOn: "2026-03-01", days: 106 } },
    ]);
  });

  it("warns of silence: no report for the set days, twice, three times", () => {
    const silent = (last: string | null) =>
      projectWarnings(building({ lastReportOn: last, since: "2026-01-01" }), "2026-07-10").find((w) => w.kind === "no_report")
        ?.level;
    expect(silent("2026-06-01")).toBeUndefined(); // 39 days
    expect(silent("2026-05-20")).toBe("blue"); // 51
    expect(silent("2026-04-10")).toBe("yellow"); // 91
    expect(silent(null)).toBe("red"); // since January
  });

  it("raises none once a project is completed", () => {
    expect(projectWarnings(building({ stage: "completed", figures: [], lastReportOn: null }), "2027-01-10")).toEqual([]);
  });

  it("keys a warning by kind and node, and judges last month", () => {
    expect(warningKey({ kind: "node_overdue", node: "completion" })).toBe("node_overdue:completion");
    expect(warningKey({ kind: "no_report" })).toBe("no_report");
    expect(judgedMonth("2026-01-05")).toBe("2025-12");
    expect(judgedMonth("2026-07-31")).toBe("2026-06");
  });
});
