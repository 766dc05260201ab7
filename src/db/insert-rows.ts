import { type Column, getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "./connection.js";

const isJson = (c: Column) => c.columnType === "PgJsonb" || c.columnType === "PgJson";

/**
 * Many rows in one statement with one parameter: the rows go as a JSON array, and PostgreSQL turns
 * them back into the table's row type (json_populate_recordset). Drizzle's multi-row insert builds
 * and types a parameter for every value — for a round of fifty reports, their history and their
 * audit events, that cost the server more than PostgreSQL spent writing them. Columns the rows
 * leave out take their defaults. With `returning`, the stored rows come back as Drizzle would map them (else none).
 */
export async function insertRows<T extends PgTable>(
  tx: Queryable,
  table: T,
  rows: T["$inferInsert"][],
  opts: { returning?: boolean } = {},
): Promise<T["$inferSelect"][]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, Column>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] !== undefined)))];
  for (const k of keys) if (!columns[k]) throw new Error(`insertRows: ${getTableName(table)} has no column ${k}`);
  const payload = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const value = (r as Record<string, unknown>)[k];
      const column = columns[k];
      out[column.name] =
        value === undefined || value === null || isJson(column) ? (value ?? null) : column.mapToDriverValue(value);
    }
    return out;
  });
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k].name)),
    sql`, `,
  );
  const statement = sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(payload)}::json)`;
  if (!opts.returning) {
    await tx.execute(statement);
    return [];
  }
  const raw = (await tx.execute(sql`${statement} returning *`)) as unknown as { rows: Record<string, unknown>[] };
  return raw.rows.map((r) => {
    const row: Record<string, unknown> = {};
    for (const [k, column] of Object.entries(columns)) {
      const value = r[column.name];
      row[k] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T["$inferSelect"];
  });
}
