import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * `column` is one of `values`, sent as one array parameter and kept out of the planner's sight:
 * one statement text whatever their number (an `in` list of n parameters is a new statement for
 * each n, planned anew each time), and one plan that serves any number.
 */
export const oneOf = (column: AnyColumn | SQL, values: readonly string[], type: "uuid" | "text" = "uuid"): SQL =>
  sql`${column} = any((select ${sql.param(values)}::${sql.raw(type)}[])::${sql.raw(type)}[])`;
