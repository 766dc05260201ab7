import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateDrizzleJson, generateMigration } from "drizzle-kit/api";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./connection.js";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate.js";
import * as schema from "./schema.js";
import { createEmptyPostgresDatabase } from "./testing.js";

describe("migrations", () => {
  it("agree with the schema: generating a migration now would produce nothing", async () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
      entries: { idx: number }[];
    };
    const last = journal.entries[journal.entries.length - 1].idx;
    const snapshot = JSON.parse(
      readFileSync(join(MIGRATIONS_FOLDER, `meta/${String(last).padStart(4, "0")}_snapshot.json`), "utf8"),
    );
    const current = generateDrizzleJson(schema as unknown as Record<string, unknown>, snapshot.id);
    const pending = await generateMigration(snapshot, current);
    expect(pending, "run `npm run db:generate` and commit the migration").toEqual([]);
  });

  it("every table is in the backup order", () => {
    const tables = Object.values(schema)
      .filter((v) => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in (v as object))
      .map((v) => getTableConfig(v as PgTable).name)
      .sort();
    expect(tables).toEqual([...schema.TABLES_IN_ORDER].sort());
  });

  it("apply twice without harm (the second run finds nothing to do)", async () => {
    const database = await openDatabase({ memory: true });
    await migrateDatabase(database);
    await migrateDatabase(database);
    await database.close();
  });

  it.runIf(process.env.DATABASE_URL)("apply once when two servers start together on one PostgreSQL", async () => {
    const empty = (await createEmptyPostgresDatabase())!;
    const a = await openDatabase({ databaseUrl: empty.url, poolSize: 2 });
    const b = await openDatabase({ databaseUrl: empty.url, poolSize: 2 });
    try {
      await Promise.all([migrateDatabase(a), migrateDatabase(b)]);
      const result = (await a.db.execute("select count(*)::int as n from drizzle.__drizzle_migrations" as never)) as unknown as {
        rows: { n: number }[];
      };
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: unknown[] };
      expect(result.rows[0].n).toBe(journal.entries.length);
    } finally {
      await a.close();
      await b.close();
      await empty.drop();
    }
  });
});
