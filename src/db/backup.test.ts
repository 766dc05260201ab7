import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../server/testing.js";
import { backupTo, RestoreError, restoreFrom } from "./backup.js";
import type { Database } from "./connection.js";
import { buildRegion, buildUnit, buildUser } from "./factories.js";
import { TABLES_IN_ORDER } from "./schema.js";
import { createTestDatabase } from "./testing.js";

const dir = mkdtempSync(join(tmpdir(), "luoshi-backup-"));
let source: TestApp;
let target: Database;

/** Every row of every table, in a stable order, as JSON: what "the same data" means. */
async function dump(database: Database) {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES_IN_ORDER) {
    const result = (await database.db.execute(
      sql.raw(`select row_to_json(t)::text as r from "${table}" t order by 1`),
    )) as unknown as { rows: { r: string }[] };
    out[table] = result.rows.map((x) => JSON.parse(x.r));
  }
  return out;
}

beforeAll(async () => {
  source = await createTestApp();
  const db = source.database.db;
  const province = await buildRegion(db, { level: "province", name: "浙江省" });
  const city = await buildRegion(db, { parent: province });
  const parent = await buildUnit(db, { region: city });
  // A child inserted before its parent in id order would break a naive restore.
  await buildUnit(db, { region: city, parentId: parent.id, name: '子单位 "quoted" \\ back' });
  const admin = await source.signIn(await buildUser(db, { unitId: parent.id, roles: ["admin"] }));
  await admin.post("/api/units", { name: "Through the API", regionId: city.id });
  target = await createTestDatabase();
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe("backup and restore", () => {
  it("a round trip gives back the same data", async () => {
    const file = join(dir, "round-trip.luoshi.gz");
    const counts = await backupTo(source.database, file);
    expect(counts.units).toBe(3);
    await buildUnit(target.db);
    await restoreFrom(target, file);
    expect(await dump(target)).toEqual(await dump(source.database));
    // New rows after a restore continue the identity sequences.
    await target.db.execute(sql`insert into audit_events (actor_name, action, entity_type) values ('t', 'x', 'y')`);
  });

  it("refuses a file that is not ours and changes nothing", async () => {
    const before = await dump(target);
    const plain = join(dir, "plain.txt");
    writeFileSync(plain, "name,code\nfoo,bar\n");
    await expect(restoreFrom(target, plain)).rejects.toThrow(RestoreError);
    const foreign = join(dir, "foreign.gz");
    writeFileSync(foreign, gzipSync('{"format":"something-else"}\n'));
    await expect(restoreFrom(target, foreign)).rejects.toThrow(/not a Luoshi backup/);
    expect(await dump(target)).toEqual(before);
  });

  it("refuses a backup cut short, or naming an unknown table, and changes nothing", async () => {
    const file = join(dir, "full.gz");
    await backupTo(source.database, file);
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
    const before = await dump(target);
    const cut = join(dir, "cut.gz");
    writeFileSync(cut, gzipSync(`${lines.slice(0, -1).join("\n")}\n`));
    await expect(restoreFrom(target, cut)).rejects.toThrow(/cut short/);
    const odd = join(dir, "odd.gz");
    writeFileSync(odd, gzipSync(`${lines[0]}\n{"table":"pg_authid","rows":[]}\n${lines[lines.length - 1]}\n`));
    await expect(restoreFrom(target, odd)).rejects.toThrow(/unknown table/);
    expect(await dump(target)).toEqual(before);
  });
});

describe("across storage modes", () => {
  it.runIf(process.env.DATABASE_URL)("a PostgreSQL backup restores into PGlite and back unchanged", async () => {
    const { openDatabase } = await import("./connection.js");
    const { migrateDatabase } = await import("./migrate.js");
    const pglite = await openDatabase({ memory: true });
    await migrateDatabase(pglite);
    try {
      const fromPg = join(dir, "from-pg.gz");
      await backupTo(source.database, fromPg);
      await restoreFrom(pglite, fromPg);
      expect(await dump(pglite)).toEqual(await dump(source.database));
      const fromPglite = join(dir, "from-pglite.gz");
      await backupTo(pglite, fromPglite);
      await restoreFrom(target, fromPglite);
      expect(await dump(target)).toEqual(await dump(source.database));
    } finally {
      await pglite.close();
    }
  });
});
