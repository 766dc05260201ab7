import { describe, expect, it } from "vitest";
import { lockSeconds } from "./sign-in-backoff.js";

describe("lockSeconds", () => {
  it("leaves an account open below the limit", () => {
    expect([0, 1, 4].map((n) => lockSeconds(n, 5, 15))).toEqual([0, 0, 0]);
  });
  it("locks for the window at the limit and doubles with each further failure", () => {
    expect([5, 6, 7, 8].map((n) => lockSeconds(n, 5, 15))).toEqual([900, 1800, 3600, 7200]);
  });
  it("never locks longer than the cap, however many failures", () => {
    expect(lockSeconds(12, 5, 15)).toBe(24 * 3600);
    expect(lockSeconds(10_000, 5, 15)).toBe(24 * 3600);
    expect(lockSeconds(9, 5, 15, 1)).toBe(3600);
  });
});
