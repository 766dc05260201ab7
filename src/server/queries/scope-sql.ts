import { eq, like, or, type SQL, sql } from "drizzle-orm";
import { regions, units } from "../../db/schema.js";
import type { UnitScope } from "../../domain/scope.js";

/** The SQL form of a unit scope, for queries that join `units` and the units' `regions`. */
export function unitScopeWhere(scope: UnitScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "regionTree":
      return or(eq(units.id, scope.unitId), like(regions.path, `${scope.regionPath}%`));
    case "unit":
      return eq(units.id, scope.unitId);
    case "none":
      return sql`false`;
  }
}

/**
 * The ids of the units in the regions whose path matches (a region and those below it): the
 * regions by their path (a hundred and some rows), then their units by index. Joined, PostgreSQL
 * hashed all three thousand units for a county's two hundred.
 */
export const unitIdsUnder = (pathPattern: SQL | string) =>
  sql`select u.id from units u where u.region_id = any(array(select r.id from regions r where r.path like ${pathPattern}))`;
