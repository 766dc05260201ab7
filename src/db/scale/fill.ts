/**
 * What every step of the scale generator shares: the statement runner, the sizes, the day the
 * data is drawn around, and deterministic "random" choices. Every id and every choice is a hash
 * of the seed and the row's number, so one seed always makes the same data set.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../connection.js";
import type { ScaleSizes } from "./sizes.js";

export interface Fill {
  db: Db;
  sizes: ScaleSizes;
  seed: number;
  /** The day the data is drawn around (deadlines before it are late). */
  today: string;
}

/** Runs one generated statement (all values in it are the generator's own numbers). */
export async function run(f: Fill, text: string): Promise<number> {
  const result = (await f.db.execute(sql.raw(text))) as unknown as { rowCount?: number | null; affectedRows?: number };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

export async function countOf(f: Fill, text: string): Promise<number> {
  const result = (await f.db.execute(sql.raw(text))) as unknown as { rows: { n: string | number }[] };
  return Number(result.rows[0]?.n ?? 0);
}

/** A whole number in [0, 2^31) drawn from `expr` (an integer expression) and a salt. */
export const draw = (f: Fill, expr: string, salt: number): string =>
  `(hashint8((${expr})::bigint * 1000003 + ${salt + f.seed * 7919})::bigint & 2147483647)`;

/**
 * A stable id for the row of `kind` numbered by `key` (a text or integer expression): an MD5
 * shaped as a version-4 UUID (version and variant digits set), which the API's validation accepts.
 */
export const idOf = (f: Fill, kind: string, key: string): string =>
  `overlay(overlay(md5('${f.seed}:${kind}:' || (${key})::text) placing '4' from 13) placing '8' from 17)::uuid`;

/** `today` as a SQL date literal. */
export const day = (f: Fill) => `date '${f.today}'`;

/** A SQL array literal of text values to pick from with `(array)[1 + n % len]`. */
export const pickFrom = (values: readonly string[], n: string, cast = ""): string =>
  `(array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}])[1 + (${n}) % ${values.length}]${cast}`;
