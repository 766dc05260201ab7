import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { prepareStatementsOn } from "./named-statements.js";
import { releaseClientsOnFailedBegin } from "./pool-transactions.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  /**
   * For reads that tolerate a little lag (the cockpit, the region view, figures): the streaming
   * replica when DATABASE_REPLICA_URL names one and it answers, the primary otherwise. Never for
   * sessions or for reading back what was just written.
   */
  readonly reader: Db;
  /** Whether reads that tolerate lag go to a replica now. */
  readonly readingFromReplica: boolean;
  kind: DatabaseKind;
  /** Runs `fn` holding a lock that only one process sharing this database can hold at a time. */
  withExclusiveLock<T>(name: string, fn: (db: Db) => Promise<T>): Promise<T>;
  /** Runs `fn` if no other process holds the lock now; null when one does (a job another server is running). */
  withTryLock<T>(name: string, fn: (db: Db) => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** An in-memory PGlite, for tests. */
  memory?: boolean;
  poolSize?: number;
  /** A streaming replica of `databaseUrl` for reads that tolerate lag (PostgreSQL only). */
  replicaUrl?: string;
  /** Told of every statement the application sends (PostgreSQL only): the benchmarks replay them directly. */
  logQuery?: (query: string, params: unknown[]) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.logQuery, opts.replicaUrl);
  return openPglite(opts.memory ? undefined : resolve(opts.dataDir ?? "./data"));
}

/**
 * No just-in-time compilation of queries: it pays off for analytics that run for seconds, but a
 * request's statement whose estimated cost crosses the threshold spent hundreds of milliseconds
 * compiling (a campaign page at 10× the city: 1 s under load, 10 ms without).
 */
const NO_JIT = "-c jit=off";

async function openPostgres(
  url: string,
  max: number,
  logQuery?: OpenOptions["logQuery"],
  replicaUrl?: string,
): Promise<Database> {
  // A server that cannot be reached fails the request in seconds (a 503) instead of holding it.
  const pool = new pg.Pool({ connectionString: url, max, options: NO_JIT, connectionTimeoutMillis: 5000 });
  releaseClientsOnFailedBegin();
  // A client that loses its server must not crash the process: an idle one is dropped by the pool,
  // one in use (inside a transaction) fails its query and the request answers 503.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
    prepareStatementsOn(client);
  });
  const logger = logQuery ? { logQuery } : undefined;
  const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
  const replica = replicaUrl ? openReplica(replicaUrl, max, logger) : null;
  await replica?.checked;
  return {
    db,
    get reader() {
      return replica?.healthy ? replica.db : db;
    },
    get readingFromReplica() {
      return Boolean(replica?.healthy);
    },
    kind: "postgres",
    async withExclusiveLock(name, fn) {
      const client = await pool.connect();
      try {
        await client.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
        try {
          return await fn(drizzlePg(client, { schema, logger }) as unknown as Db);
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
        }
      } finally {
        client.release();
      }
    },
    async withTryLock(name, fn) {
      const client = await pool.connect();
      try {
        const { rows } = await client.query("SELECT pg_try_advisory_lock(hashtext($1)) AS got", [name]);
        if (!rows[0].got) return null;
        try {
          // The lock holds on this connection; the work itself uses the pool.
          return await fn(db);
        } finally {
          await client.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await replica?.close();
      await pool.end();
    },
  };
}

const REPLICA_CHECK_MS = 5000;

/**
 * The replica's pool, checked every few seconds: while it does not answer, or is not in recovery
 * (a promoted or mistaken address), reads that tolerate lag go to the primary instead.
 */
function openReplica(url: string, max: number, logger: { logQuery: NonNullable<OpenOptions["logQuery"]> } | undefined) {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: "luoshi-reader",
    connectionTimeoutMillis: 2000,
    options: NO_JIT,
  });
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", () => {});
    prepareStatementsOn(client);
  });
  const state = {
    db: drizzlePg(pool, { schema, logger }) as unknown as Db,
    healthy: false,
    checked: Promise.resolve(),
    close: async () => {
      clearInterval(timer);
      await pool.end();
    },
  };
  const check = async () => {
    try {
      const { rows } = await pool.query("select pg_is_in_recovery() as standby");
      state.healthy = rows[0].standby === true;
    } catch {
      state.healthy = false;
    }
  };
  const timer = setInterval(check, REPLICA_CHECK_MS);
  timer.unref();
  state.checked = check();
  return state;
}

/** PGlite serves one process per data folder; a lock file makes a second server fail with a clear message. */
async function openPglite(dataDir: string | undefined): Promise<Database> {
  let lockFile: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lockFile = join(dataDir, "luoshi.pid");
    if (existsSync(lockFile)) {
      const pid = Number(readFileSync(lockFile, "utf8"));
      if (pid && pid !== process.pid && processAlive(pid)) {
        throw new Error(
          `The data folder ${dataDir} is in use by another Luoshi process (pid ${pid}). The embedded database serves one process; use DATABASE_URL for several servers.`,
        );
      }
    }
    writeFileSync(lockFile, String(process.pid));
  }
  const client = dataDir ? new PGlite(join(dataDir, "pg")) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    reader: db,
    readingFromReplica: false,
    kind: "pglite",
    // One process, one connection: PGlite already serializes everything.
    withExclusiveLock: (_name, fn) => fn(db),
    withTryLock: (_name, fn) => fn(db),
    async close() {
      await client.close();
      if (lockFile) rmSync(lockFile, { force: true });
    },
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
