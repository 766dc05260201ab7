/**
 * Every statement a connection sends is prepared once on it and then only bound and run. A list's
 * statement costs PostgreSQL 1–2 ms to plan (the tasks have 13 indexes and a summary joins five
 * tables) and under 1 ms to run, so planning each time was most of a request's database time.
 *
 * node-postgres prepares a statement that carries a name, once per connection; this gives each
 * data statement a name made from a hash of its text. Drizzle builds the same text for the same
 * shape of query (values go as parameters), so the kinds are few. After five runs PostgreSQL
 * keeps a generic plan when it costs no more than the ones it made for the values given
 * (`plan_cache_mode = auto`), and plans each run when the values matter.
 *
 * Where the values decide the plan (a unit of ten tasks or of thirty thousand, a phrase in three
 * titles or in fifteen thousand), a generic plan can cost many times a planned one, and PostgreSQL
 * may keep it all the same when its estimates mislead it: such a statement carries PLAN_EACH_TIME
 * and is sent unnamed, planned for its values every time.
 *
 * A connection prepares at most MAX_PER_CONNECTION statements; past that it sends the rest as
 * before, so a stream of one-off statements (an `in` list of every length) cannot grow a
 * connection's memory without end.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type pg from "pg";

export const MAX_PER_CONNECTION = 200;

const DATA_STATEMENT = /^\s*(select|with|insert|update|delete)\b/i;

interface QueryConfig {
  text: string;
  name?: string;
  [key: string]: unknown;
}

const PLAN_EACH_TIME_MARK = "/* plan each time */";
/** A condition that is always true and marks its statement to be planned for its values each time. */
export const PLAN_EACH_TIME = sql.raw(`${PLAN_EACH_TIME_MARK} true`);

const names = new Map<string, string>();

/** The statement's name: the same on every connection, so a text is hashed once per process. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `l_${createHash("sha1").update(text).digest("base64url")}`;
    // Bounded like the connections' own: texts past the limit are hashed each time.
    if (names.size < MAX_PER_CONNECTION * 4) names.set(text, name);
  }
  return name;
}

/** Makes `client` prepare its data statements (call once, when the pool connects it). */
export function prepareStatementsOn(client: pg.ClientBase): void {
  const prepared = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if (typeof config !== "object" || config === null) return query(config, ...rest);
    const q = config as QueryConfig;
    // Several statements in one text (a script) cannot be prepared.
    if (
      q.name ||
      typeof q.text !== "string" ||
      !DATA_STATEMENT.test(q.text) ||
      q.text.includes(";") ||
      q.text.includes(PLAN_EACH_TIME_MARK)
    )
      return query(config, ...rest);
    const name = statementName(q.text);
    if (!prepared.has(name)) {
      if (prepared.size >= MAX_PER_CONNECTION) return query(config, ...rest);
      prepared.add(name);
    }
    return query({ ...q, name }, ...rest);
  };
}
