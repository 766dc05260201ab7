import { describe, expect, it } from "vitest";
import { timeOrderedUuid } from "./ids.js";

describe("timeOrderedUuid", () => {
  it("is a version 7 UUID whose first 48 bits are the time", () => {
    const at = Date.UTC(2026, 10, 29, 23, 30, 0, 123);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by time, and ids of the same millisecond differ", () => {
    const ids = [0, 1, 2, 1000, 86_400_000].map((d) => timeOrderedUuid(1_790_000_000_000 + d));
    expect([...ids].sort()).toEqual(ids);
    const same = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(1_790_000_000_000)));
    expect(same.size).toBe(1000);
  });
});
