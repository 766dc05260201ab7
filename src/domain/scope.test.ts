import { describe, expect, it } from "vitest";
import { type Actor, unitInScope, unitScopeOf } from "./scope.js";

const actor = (roles: Actor["roles"]): Actor => ({
  id: "u",
  username: "u",
  displayName: "U",
  roles,
  unitId: "own",
  regionId: "city",
  regionPath: "/prov/city/",
});
const own = { id: "own", regionPath: "/prov/city/" };
const sameRegion = { id: "other", regionPath: "/prov/city/" };
const below = { id: "county-unit", regionPath: "/prov/city/county/" };
const beside = { id: "beside", regionPath: "/prov/city2/" };
const above = { id: "province-unit", regionPath: "/prov/" };

describe("unit scope", () => {
  it("an admin sees everything", () => {
    for (const u of [own, sameRegion, below, beside, above]) expect(unitInScope(actor(["admin"]), u)).toBe(true);
    expect(unitScopeOf(actor(["admin"]))).toEqual({ kind: "all" });
  });

  it("coordinators and leaders see their region and below, not beside or above", () => {
    for (const role of ["coordinator", "leader"] as const) {
      const a = actor([role]);
      expect([own, sameRegion, below].map((u) => unitInScope(a, u))).toEqual([true, true, true]);
      expect([beside, above].map((u) => unitInScope(a, u))).toEqual([false, false]);
    }
  });

  it("reporters and viewers see their own unit only", () => {
    for (const role of ["reporter", "viewer"] as const) {
      const a = actor([role]);
      expect(unitInScope(a, own)).toBe(true);
      expect([sameRegion, below, beside, above].some((u) => unitInScope(a, u))).toBe(false);
      expect(unitScopeOf(a)).toEqual({ kind: "unit", unitId: "own" });
    }
  });

  it("a user without roles sees nothing", () => {
    expect(unitInScope(actor([]), own)).toBe(false);
    expect(unitScopeOf(actor([]))).toEqual({ kind: "none" });
  });
});
