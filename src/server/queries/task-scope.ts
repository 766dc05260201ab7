import { type AnyColumn, eq, or, type SQL, sql } from "drizzle-orm";
import { tasks } from "../../db/schema.js";
import type { UnitScope } from "../../domain/scope.js";
import { unitIdsUnder } from "./scope-sql.js";

/**
 * Ids from a subquery as an array computed once (an InitPlan), so `column = any(…)` can use the
 * column's index and several such conditions combine in one bitmap scan instead of a full scan.
 */
export const anyOf = (column: SQL | AnyColumn, subquery: SQL) => sql`${column} = any(array(${subquery}))`;

/** Units of a region and the regions below it. */
const unitsUnder = (regionPath: string) => unitIdsUnder(`${regionPath}%`);

/** Tasks a unit co-operates on. */
export const coUnitTasks = (unitId: string) => sql`select c.task_id from task_co_units c where c.unit_id = ${unitId}`;

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
        anyOf(tasks.ownerUnitId, unitsUnder(scope.regionPath)),
        anyOf(tasks.leadUnitId, unitsUnder(scope.regionPath)),
        anyOf(tasks.id, coUnitTasks(scope.unitId)),
      );
    case "unit":
      return or(
        eq(tasks.ownerUnitId, scope.unitId),
        eq(tasks.leadUnitId, scope.unitId),
        anyOf(tasks.id, coUnitTasks(scope.unitId)),
      );
    case "none":
      return sql`false`;
  }
}
