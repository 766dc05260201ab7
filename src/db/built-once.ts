/**
 * Statements built once per database handle and then only run. Drizzle builds a statement's text
 * anew each time a query runs: for a task summary (thirty columns, three joins, three subqueries)
 * building cost the server more than PostgreSQL spent running it, and the statements a task page
 * or a list always sends were about a seventh of the server's time under load.
 *
 * Give `build` a query ending in `.prepare(name)` with `sql.placeholder`s for its values. A
 * transaction is a new handle each time, so inside one this saves nothing, and costs nothing more.
 */
import type { Queryable } from "./connection.js";

const built = new WeakMap<Queryable, Map<string, unknown>>();

export function builtOnce<T>(db: Queryable, name: string, build: (db: Queryable) => T): T {
  let statements = built.get(db);
  if (!statements) {
    statements = new Map();
    built.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (!statement) {
    statement = build(db);
    statements.set(name, statement);
  }
  return statement;
}
