import { describe, expect, it } from "vitest";
import {
  childPath,
  expectedParentLevel,
  isAdministrativeCode,
  isWithin,
  normalizeUsername,
  parentChainHasCycle,
  passwordProblem,
  wouldCreateCycle,
} from "./people.js";

describe("region tree rules", () => {
  it("a region sits exactly one level below its parent", () => {
    expect(expectedParentLevel("province")).toBeNull();
    expect(expectedParentLevel("city")).toBe("province");
    expect(expectedParentLevel("county")).toBe("city");
    expect(expectedParentLevel("township")).toBe("county");
  });

  it("administrative codes: 6 digits, 9 or 12 for townships", () => {
    expect(isAdministrativeCode("330483", "county")).toBe(true);
    expect(isAdministrativeCode("33048", "county")).toBe(false);
    expect(isAdministrativeCode("330483101", "county")).toBe(false);
    expect(isAdministrativeCode("330483101", "township")).toBe(true);
    expect(isAdministrativeCode("330483101000", "township")).toBe(true);
    expect(isAdministrativeCode("33048310a", "township")).toBe(false);
  });

  it("paths nest and contain their ancestors", () => {
    const a = childPath(null, "a");
    const b = childPath(a, "b");
    expect(a).toBe("/a/");
    expect(b).toBe("/a/b/");
    expect(isWithin(b, a)).toBe(true);
    expect(isWithin(a, b)).toBe(false);
    expect(isWithin("/ab/", "/a/")).toBe(false);
  });

  it("moving a region under itself or a descendant is a cycle", () => {
    expect(wouldCreateCycle("a", "/a/b/", "b")).toBe(true);
    expect(wouldCreateCycle("a", null, "a")).toBe(true);
    expect(wouldCreateCycle("b", "/a/", "a")).toBe(false);
    expect(wouldCreateCycle("a", null, null)).toBe(false);
  });

  it("parent chains: a cycle is found by walking up", () => {
    const parents: Record<string, string | null> = { a: null, b: "a", c: "b" };
    expect(parentChainHasCycle("a", "c", (id) => parents[id])).toBe(true);
    expect(parentChainHasCycle("c", "a", (id) => parents[id])).toBe(false);
    expect(parentChainHasCycle("x", "y", (id) => ({ y: "z", z: "y" })[id])).toBe(true);
  });
});

describe("accounts", () => {
  it("usernames are trimmed and case-insensitive", () => {
    expect(normalizeUsername("  Zhang.San ")).toBe("zhang.san");
  });

  it("passwords: at least 10 characters of two kinds, not containing the username", () => {
    expect(passwordProblem("Short1")).toBe("too_short");
    expect(passwordProblem("onlylowercase")).toBe("too_simple");
    expect(passwordProblem("1234567890")).toBe("too_simple");
    expect(passwordProblem("zhangsan-2026", "zhangsan")).toBe("contains_username");
    expect(passwordProblem("Good-password-9", "zhangsan")).toBeNull();
  });
});
