import { describe, expect, it } from "vitest";
import { LagCache, scopeKey } from "./lag-cache.js";

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe("answers kept for lag", () => {
  it("computes once for readers who ask at the same moment, and again once the answer is too old", async () => {
    let clock = 0;
    const cache = new LagCache(10_000, 100, () => clock);
    let computed = 0;
    const pending = deferred<string>();
    const compute = () => {
      computed++;
      return pending.promise;
    };
    const both = Promise.all([cache.get("k", compute), cache.get("k", compute)]);
    pending.resolve("figures");
    expect(await both).toEqual(["figures", "figures"]);
    expect(computed).toBe(1);
    clock = 9_999;
    expect(await cache.get("k", async () => "newer")).toBe("figures");
    clock = 10_000;
    expect(await cache.get("k", async () => "newer")).toBe("newer");
  });

  it("does not keep a failure, forgets everything when cleared, and keeps nothing with no lag allowed", async () => {
    const cache = new LagCache(10_000);
    await expect(cache.get("k", async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("k", async () => "recovered")).toBe("recovered");
    cache.clear();
    expect(await cache.get("k", async () => "after a change")).toBe("after a change");
    const none = new LagCache(0);
    await none.get("k", async () => 1);
    expect(await none.get("k", async () => 2)).toBe(2);
    expect(none.size).toBe(0);
  });

  it("holds at most so many answers, dropping the oldest", async () => {
    const cache = new LagCache(10_000, 2);
    await cache.get("a", async () => "A");
    await cache.get("b", async () => "B");
    await cache.get("c", async () => "C");
    expect(cache.size).toBe(2);
    expect(await cache.get("a", async () => "A again")).toBe("A again");
    expect(await cache.get("c", async () => "C again")).toBe("C");
  });

  it("gives readers of different units or roles different keys, whatever order their roles come in", () => {
    const base = { id: "u1", username: "a", displayName: "A", regionId: "r", regionPath: "/r/" };
    const one = scopeKey({ ...base, roles: ["viewer", "reporter"], unitId: "x" });
    expect(scopeKey({ ...base, roles: ["reporter", "viewer"], unitId: "x" })).toBe(one);
    expect(scopeKey({ ...base, roles: ["reporter", "viewer"], unitId: "y" })).not.toBe(one);
    expect(scopeKey({ ...base, roles: ["coordinator"], unitId: "x" })).not.toBe(one);
  });
});
