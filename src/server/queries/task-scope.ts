import { eq, or, type SQL, sql } from "drizzle-orm";
import { tasks } from "../../db/schema.js";
import type { UnitScope } from "../../domain/scope.js";

/** Units of a region and the regions below it, as a subquery. */
const unitsUnder = (regionPath: string) =>
  sql`(select u.id from units u join regions r on r.id = u.region_id where r.path like ${`${regionPath}%`})`;

const coUnitIs = (unitId: string) =>
  sql`exists (select 1 from task_co_units c where c.task_id = ${tasks.id} and c.unit_id = ${unitId})`;

/**
 * The SQL form of task scope (policies/task.ts): tasks assigned by or led by a unit in scope, and
 * those the actor's unit co-operates on.
 */
export function taskScopeWhere(scope: UnitScope): SQL | undefined {
  switch (scope.kind) {
    case "all":
      return undefined;
    case "regionTree":
      return or(
        eq(tasks.ownerUnitId, scope.unitId),
        eq(tasks.leadUnitId, scope.unitId),
        sql`${tasks.ownerUnitId} in ${unitsUnder(scope.regionPath)}`,
        sql`${tasks.leadUnitId} in ${unitsUnder(scope.regionPath)}`,
        coUnitIs(scope.unitId),
      );
    case "unit":
      return or(eq(tasks.ownerUnitId, scope.unitId), eq(tasks.leadUnitId, scope.unitId), coUnitIs(scope.unitId));
    case "none":
      return sql`false`;
  }
}
