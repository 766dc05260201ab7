import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Database, Queryable } from "./connection.js";
import { MIGRATIONS_FOLDER } from "./migrate.js";
import { TABLES_IN_ORDER } from "./schema.js";

export const BACKUP_FORMAT = "luoshi-backup";
const BATCH = 2000;

/** Tables whose rows point at rows of the same table: dumped parents first so a restore can insert in order. */
const TREE_ORDER: Partial<Record<(typeof TABLES_IN_ORDER)[number], string>> = {
  regions: "length(path), id",
  units: `(with recursive d(id, depth) as (
      select id, 0 from units where parent_id is null
      union all select u.id, d.depth + 1 from units u join d on u.parent_id = d.id)
    select depth from d where d.id = t.id), id`,
  campaigns: `(with recursive d(id, depth) as (
      select id, 0 from campaigns where parent_id is null
      union all select c.id, d.depth + 1 from campaigns c join d on c.parent_id = d.id)
    select depth from d where d.id = t.id), id`,
};

/**
 * Keys to page through big tables in order: link tables have no id, and tasks go parents first
 * (a task's path is longer than its parent's).
 */
const PAGE_KEY: Partial<Record<(typeof TABLES_IN_ORDER)[number], string[]>> = {
  tasks: ["length(t.path)", "t.id"],
  campaign_lead_units: ["t.campaign_id", "t.unit_id"],
  task_co_units: ["t.task_id", "t.unit_id"],
  task_directives: ["t.task_id", "t.directive_id"],
  report_attachments: ["t.report_id", "t.attachment_id"],
  settings: ["t.key"],
  notice_tasks: ["t.notice_id", "t.task_id"],
  instruction_units: ["t.instruction_id", "t.unit_id"],
  bulletin_recipients: ["t.bulletin_id", "t.unit_id"],
  job_runs: ["t.name"],
  project_year_plans: ["t.project_id", "t.year"],
  project_nodes: ["t.project_id", "t.kind"],
  project_media: ["t.report_id", "t.attachment_id"],
  project_tasks: ["t.project_id", "t.task_id"],
  project_directives: ["t.project_id", "t.directive_id"],
  notice_projects: ["t.notice_id", "t.project_id"],
  region_maps: ["t.region_id"],
  indicator_values: ["t.indicator_id", "t.period", "t.region_id"],
  indicator_targets: ["t.indicator_id", "t.region_id", "t.year"],
  indicator_revisions: ["t.indicator_id", "t.region_id", "t.period", "t.revision"],
  evaluation_peers: ["t.scheme_id", "t.peer_id"],
};

export function latestMigration(): string {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries[journal.entries.length - 1].tag;
}

interface Header {
  format: typeof BACKUP_FORMAT;
  version: 1;
  migration: string;
  createdAt: string;
  source: string;
}

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

async function* dumpLines(db: Queryable, source: string): AsyncGenerator<string> {
  const header: Header = {
    format: BACKUP_FORMAT,
    version: 1,
    migration: latestMigration(),
    createdAt: new Date().toISOString(),
    source,
  };
  yield `${JSON.stringify(header)}\n`;
  const counts: Record<string, number> = {};
  for (const table of TABLES_IN_ORDER) {
    counts[table] = 0;
    const order = TREE_ORDER[table];
    if (order) {
      const rows = rowsOf(await db.execute(sql.raw(`select row_to_json(t) as r from "${table}" t order by ${order}`))).map(
        (x) => x.r,
      );
      for (let i = 0; i < rows.length; i += BATCH) yield `${JSON.stringify({ table, rows: rows.slice(i, i + BATCH) })}\n`;
      counts[table] = rows.length;
      continue;
    }
    const key = PAGE_KEY[table] ?? ["t.id"];
    const keyList = sql.raw(key.join(", "));
    const keyOut = sql.raw(key.map((k, i) => `${k} as k${i}`).join(", "));
    let last: unknown[] | null = null;
    for (;;) {
      const where =
        last === null
          ? sql``
          : sql`where (${keyList}) > (${sql.join(
              last.map((v) => sql`${v}`),
              sql`, `,
            )})`;
      const rows = rowsOf(
        await db.execute(
          sql`select row_to_json(t) as r, ${keyOut} from ${sql.identifier(table)} t ${where} order by ${keyList} limit ${BATCH}`,
        ),
      );
      if (rows.length === 0) break;
      yield `${JSON.stringify({ table, rows: rows.map((x) => x.r) })}\n`;
      counts[table] += rows.length;
      const lastRow = rows[rows.length - 1];
      last = key.map((_, i) => lastRow[`k${i}`]);
    }
  }
  yield `${JSON.stringify({ end: true, counts })}\n`;
}

/** Writes every table to a gzip'd JSON-lines file, read in one repeatable-read snapshot. */
export async function backupTo(database: Database, file: string): Promise<Record<string, number>> {
  let counts: Record<string, number> = {};
  await database.db.transaction(
    async (tx) => {
      async function* withCounts() {
        for await (const line of dumpLines(tx, database.kind)) {
          if (line.startsWith('{"end"')) counts = JSON.parse(line).counts;
          yield line;
        }
      }
      await pipeline(Readable.from(withCounts()), createGzip(), createWriteStream(file));
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return counts;
}

export class RestoreError extends Error {}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) if (line.trim()) yield line;
  } catch (e) {
    throw new RestoreError(`${file} is not a Luoshi backup (${(e as Error).message})`);
  }
}

/**
 * Replaces every table with the backup's rows in one transaction: a file that is not ours, from
 * another schema version, or cut short changes nothing.
 */
export async function restoreFrom(database: Database, file: string): Promise<Record<string, number>> {
  const lines = readLines(file);
  const first = await lines.next();
  let header: Header | undefined;
  try {
    header = first.done ? undefined : JSON.parse(first.value);
  } catch {}
  if (header?.format !== BACKUP_FORMAT) throw new RestoreError(`${file} is not a Luoshi backup`);
  if (header.migration !== latestMigration()) {
    throw new RestoreError(
      `${file} was made at schema ${header.migration}; this database is at ${latestMigration()}. Restore it with the Luoshi version that made it.`,
    );
  }
  const known = new Set<string>(TABLES_IN_ORDER);
  return database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${TABLES_IN_ORDER.map((t) => `"${t}"`).join(", ")} restart identity cascade`));
    const counts: Record<string, number> = {};
    let ended = false;
    for await (const line of lines) {
      let entry: { table?: string; rows?: unknown[]; end?: boolean };
      try {
        entry = JSON.parse(line);
      } catch {
        throw new RestoreError(`${file} is damaged: a line is not JSON`);
      }
      if (entry.end) {
        ended = true;
        break;
      }
      if (!entry.table || !known.has(entry.table) || !Array.isArray(entry.rows))
        throw new RestoreError(`${file} names an unknown table: ${entry.table}`);
      await tx.execute(
        sql`insert into ${sql.identifier(entry.table)} overriding system value select * from json_populate_recordset(null::${sql.identifier(entry.table)}, ${JSON.stringify(entry.rows)}::json)`,
      );
      counts[entry.table] = (counts[entry.table] ?? 0) + entry.rows.length;
    }
    if (!ended) throw new RestoreError(`${file} is cut short: its end marker is missing`);
    const identities = [
      ["audit_events", "id"],
      ["login_attempts", "id"],
      ["tasks", "number"],
      ["task_events", "id"],
    ];
    for (const [table, column] of identities) {
      await tx.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${table}', '${column}'), coalesce((select max(${column}) from "${table}"), 0) + 1, false)`,
        ),
      );
    }
    return counts;
  });
}
