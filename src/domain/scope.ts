import { isWithin, type Role } from "./people.js";

/** Who is acting, as far as scope rules need to know. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: readonly Role[];
  unitId: string;
  regionId: string;
  /** Materialized path of the actor's unit's region. */
  regionPath: string;
  /**
   * Every region is the actor's region or below it (the province, when one province is served):
   * a region-tree scope then reaches every unit, and lists need not be narrowed by it.
   */
  regionHoldsAll?: boolean;
}

export interface ScopedUnit {
  id: string;
  /** Path of the region the unit belongs to. */
  regionPath: string;
}

export const hasRole = (actor: Actor, ...roles: Role[]) => roles.some((r) => actor.roles.includes(r));

/** Coordinators and leaders look down the region tree from their own unit's region. */
export const seesRegionTree = (actor: Actor) => hasRole(actor, "coordinator", "leader");

/**
 * Whether the actor may see what belongs to `unit`: admins everything; coordinators and leaders
 * their unit and every unit in their region and the regions below; everyone else their own unit.
 */
export function unitInScope(actor: Actor, unit: ScopedUnit): boolean {
  if (hasRole(actor, "admin")) return true;
  if (unit.id === actor.unitId) return actor.roles.length > 0;
  if (seesRegionTree(actor)) return isWithin(unit.regionPath, actor.regionPath);
  return false;
}

/** Whether the actor may act for a region (enter its figures, set its targets, write its analysis): admins any, others their own region and those below. */
export function regionInScope(actor: Actor, regionPath: string): boolean {
  return hasRole(actor, "admin") || isWithin(regionPath, actor.regionPath);
}

/** How a list query must be narrowed for the actor. */
export type UnitScope =
  | { kind: "all" }
  | { kind: "regionTree"; regionPath: string; unitId: string }
  | { kind: "unit"; unitId: string }
  | { kind: "none" };

export function unitScopeOf(actor: Actor): UnitScope {
  if (hasRole(actor, "admin")) return { kind: "all" };
  if (seesRegionTree(actor))
    return actor.regionHoldsAll ? { kind: "all" } : { kind: "regionTree", regionPath: actor.regionPath, unitId: actor.unitId };
  if (actor.roles.length > 0) return { kind: "unit", unitId: actor.unitId };
  return { kind: "none" };
}
