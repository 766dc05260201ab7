import { fileURLToPath } from "node:url";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./connection.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Applies pending migrations once. On PostgreSQL an advisory lock makes a second server that
 * starts at the same moment wait, then find nothing left to apply.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.withExclusiveLock("luoshi:migrate", async (db) => {
    if (database.kind === "pglite") await migratePglite(db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    else await migratePg(db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  });
}
