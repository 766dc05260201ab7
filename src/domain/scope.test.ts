import { describe, expect, it } from "vitest";
import { type Actor, regionInScope, unitInScope, unitScopeOf } from "./scope.js";

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

  it("a coordinator or leader whose region holds every region needs no narrowing; a reporter there still sees its unit only", () => {
    for (const role of ["coordinator", "leader"] as const) {
      expect(unitScopeOf(actor([role]))).toEqual({ kind: "regionTree", regionPath: "/prov/city/", unitId: "own" });
      expect(unitScopeOf({ ...actor([role]), regionHoldsAll: true })).toEqual({ kind: "all" });
    }
    expect(unitScopeOf({ ...actor(["reporter"]), regionHoldsAll: true })).toEqual({ kind: "unit", unitId: "own" });
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

describe("region scope (figures, targets, analyses)", () => {
  it("an admin acts for any region; anyone else for their own region and those below, not beside or above", () => {
    expect(["/prov/", "/prov/city2/", "/prov/city/county/"].every((p) => regionInScope(actor(["admin"]), p))).toBe(true);
    for (const role of ["coordinator", "leader", "reporter"] as const) {
      const a = actor([role]);
      expect(["/prov/city/", "/prov/city/county/"].map((p) => regionInScope(a, p))).toEqual([true, true]);
      expect(["/prov/city2/", "/prov/", "/prov/city22/"].map((p) => regionInScope(a, p))).toEqual([false, false, false]);
    }
  });
});
