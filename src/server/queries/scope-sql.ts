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
