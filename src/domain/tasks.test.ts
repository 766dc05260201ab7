import { describe, expect, it } from "vitest";
import { computeLight, expectedProgress, type LightInput } from "./light.js";
import { lastDuePeriod, periodOf } from "./reporting-periods.js";
import { rollUpProgress } from "./rollup.js";
import { availableActions, nextState } from "./task-states.js";

describe("the task state machine", () => {
  it("walks the whole life: assign, sign for, start, request completion, verify", () => {
    let state = nextState("draft", "assign", ["office"], null);
    expect(state).toEqual({ ok: true, state: "assigned" });
    state = nextState("assigned", "accept", ["lead"], null);
    expect(state).toEqual({ ok: true, state: "accepted" });
    expect(nextState("accepted", "start", ["lead"], null)).toEqual({ ok: true, state: "in_progress" });
    expect(nextState("in_progress", "request_completion", ["lead"], "done, see photos")).toEqual({
      ok: true,
      state: "completion_requested",
    });
    expect(nextState("completion_requested", "verify", ["office"], null)).toEqual({ ok: true, state: "closed" });
  });

  it("refuses a step from the wrong state, by the wrong side, or without a required reason", () => {
    expect(nextState("closed", "accept", ["lead"], null)).toEqual({ ok: false, refusal: "state" });
    expect(nextState("assigned", "accept", ["office"], null)).toEqual({ ok: false, refusal: "side" });
    expect(nextState("assigned", "return", ["lead"], "  ")).toEqual({ ok: false, refusal: "reason" });
    expect(nextState("completion_requested", "send_back", ["office"], "no evidence")).toEqual({
      ok: true,
      state: "in_progress",
    });
    expect(nextState("returned", "assign", ["office"], null)).toEqual({ ok: true, state: "assigned" });
  });

  it("offers each side only its own steps", () => {
    expect(availableActions("assigned", ["lead"])).toEqual(["accept", "return"]);
    expect(availableActions("assigned", ["office"])).toEqual(["cancel"]);
    expect(availableActions("completion_requested", ["office", "lead"])).toEqual(["verify", "send_back", "cancel"]);
    expect(availableActions("closed", ["lead"])).toEqual([]);
  });
});

describe("reporting periods", () => {
  it("names weeks, months and quarters with their first and last days", () => {
    expect(periodOf("2023-05-17", "monthly")).toEqual({ key: "2023-05", start: "2023-05-01", end: "2023-05-31" });
    expect(periodOf("2024-02-10", "monthly").end).toBe("2024-02-29");
    expect(periodOf("2023-05-17", "quarterly")).toEqual({ key: "2023-Q2", start: "2023-04-01", end: "2023-06-30" });
    expect(periodOf("2023-05-17", "weekly")).toEqual({ key: "2023-W20", start: "2023-05-15", end: "2023-05-21" });
    // 1 January 2021 was a Friday: it belongs to the last ISO week of 2020.
    expect(periodOf("2021-01-01", "weekly").key).toBe("2020-W53");
  });

  it("the report due is the last period that has ended since the start", () => {
    expect(lastDuePeriod("2023-03-10", "2023-05-17", "monthly")?.key).toBe("2023-04");
    expect(lastDuePeriod("2023-05-02", "2023-05-17", "monthly")).toBeNull();
    expect(lastDuePeriod("2023-04-30", "2023-05-17", "monthly")?.key).toBe("2023-04");
  });
});

describe("the light", () => {
  const task = (over: Partial<LightInput>): LightInput => ({
    state: "in_progress",
    startOn: "2023-01-01",
    dueOn: "2023-12-31",
    progress: 50,
    missingReportPeriodEnd: null,
    override: null,
    ...over,
  });

  it("the straight line: half way through the year, half the work expected", () => {
    expect(expectedProgress("2023-01-01", "2023-12-31", "2023-07-02")).toBe(50);
    expect(expectedProgress("2023-01-01", "2023-12-31", "2022-12-01")).toBe(0);
    expect(expectedProgress("2023-01-01", "2023-12-31", "2024-03-01")).toBe(100);
  });

  it("green on track, yellow when behind near the deadline or a report is overdue, red when overdue or far behind", () => {
    expect(computeLight(task({ progress: 50 }), "2023-07-02")).toEqual({ light: "green", reasons: [] });
    // Expected 92% on 1 December; 70% is 22 points behind with 30 days left.
    expect(computeLight(task({ progress: 70 }), "2023-12-01")).toEqual({
      light: "yellow",
      reasons: ["behind_near_deadline"],
    });
    // The same gap far from the deadline is still green.
    expect(computeLight(task({ progress: 30 }), "2023-07-02")?.light).toBe("green");
    expect(computeLight(task({ missingReportPeriodEnd: "2023-06-30" }), "2023-07-06")).toEqual({
      light: "yellow",
      reasons: ["report_overdue"],
    });
    expect(computeLight(task({ missingReportPeriodEnd: "2023-06-30" }), "2023-07-05")?.light).toBe("green");
    expect(computeLight(task({ progress: 5 }), "2023-07-02")).toEqual({ light: "red", reasons: ["seriously_behind"] });
    expect(computeLight(task({ progress: 99 }), "2024-01-02")).toEqual({ light: "red", reasons: ["overdue"] });
  });

  it("waiting for verification is not overdue; drafts and closed tasks have no light; an override wins", () => {
    expect(computeLight(task({ state: "completion_requested", progress: 100 }), "2024-01-05")?.light).toBe("green");
    expect(computeLight(task({ state: "closed" }), "2024-01-05")).toBeNull();
    expect(computeLight(task({ state: "draft" }), "2024-01-05")).toBeNull();
    expect(computeLight(task({ progress: 0, override: "green" }), "2024-01-05")).toEqual({
      light: "green",
      reasons: ["override"],
    });
  });
});

describe("progress roll-up", () => {
  it("weights children, leaves out cancelled ones, and clamps to 0–100", () => {
    expect(
      rollUpProgress([
        { progress: 100, weight: 3 },
        { progress: 20, weight: 1 },
      ]),
    ).toBe(80);
    expect(
      rollUpProgress([
        { progress: 60, weight: 1 },
        { progress: 0, weight: 5, cancelled: true },
        { progress: 130, weight: 1 },
      ]),
    ).toBe(80);
    expect(rollUpProgress([])).toBeNull();
    expect(
      rollUpProgress([
        { progress: 33.33, weight: 1 },
        { progress: 0, weight: 2 },
      ]),
    ).toBe(11.1);
  });
});
