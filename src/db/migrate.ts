import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { similarityBands } from "../domain/similar-text.js";
import type { Database, Queryable } from "./connection.js";
import { directives } from "./schema.js";

// From the project root, so the CLI bundled into dist/cli/ (bin/luoshi.mjs) finds them too.
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../src/db/migrations", import.meta.url));

/**
 * Applies pending migrations once. On PostgreSQL an advisory lock makes a second server that
 * starts at the same moment wait, then find nothing left to apply.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.withExclusiveLock("luoshi:migrate", async (db) => {
    if (database.kind === "pglite") await migratePglite(db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    else await migratePg(db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    await backfillSimilarityBands(db);
  });
}

/** Directives saved before migration 0003 get their similarity bands, which SQL alone cannot compute. */
async function backfillSimilarityBands(db: Queryable): Promise<void> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db
      .select({ id: directives.id, text: directives.text })
      .from(directives)
      .where(sql`${directives.similarityBands} = '{}' and ${directives.id} > ${after}`)
      .orderBy(directives.id)
      .limit(500);
    for (const r of rows) {
      const bands = similarityBands(r.text);
      if (bands.length) await db.update(directives).set({ similarityBands: bands }).where(eq(directives.id, r.id));
    }
    if (rows.length < 500) return;
    after = rows[rows.length - 1].id;
  }
}
