import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./connection.js";
import { migrateDatabase } from "./migrate.js";

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const templateName = () => "luoshi_test_template";

export async function createTemplateDatabase(url: string): Promise<void> {
  await admin(url, async (c) => {
    await c.query(`drop database if exists ${templateName()} with (force)`);
    await c.query(`create database ${templateName()}`);
  });
  const database = await openDatabase({ databaseUrl: withDatabase(url, templateName()), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
}

export async function dropTemplateDatabase(url: string): Promise<void> {
  await admin(url, (c) => c.query(`drop database if exists ${templateName()} with (force)`));
}

export interface TestDatabase extends Database {
  url?: string;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when DATABASE_URL is
 * set — a PostgreSQL database cloned from the migrated template and dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ memory: true });
    await migrateDatabase(database);
    return database;
  }
  const name = `luoshi_test_${randomBytes(6).toString("hex")}`;
  await admin(url, (c) => c.query(`create database ${name} template ${templateName()}`));
  const dbUrl = withDatabase(url, name);
  const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 4 });
  return {
    ...database,
    url: dbUrl,
    async close() {
      await database.close();
      await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A fresh empty PostgreSQL database (not migrated), for migration tests; null on PGlite. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const name = `luoshi_test_${randomBytes(6).toString("hex")}`;
  await admin(url, (c) => c.query(`create database ${name}`));
  return {
    url: withDatabase(url, name),
    drop: () => admin(url, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
