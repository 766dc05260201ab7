import { type Database, openDatabase } from "../db/connection.js";
import { migrateDatabase } from "../db/migrate.js";
import { configFromEnv } from "../server/config.js";

/** Opens (and migrates) the database the server would use, for one-off commands. */
export async function openForCommand(opts: { data?: string }): Promise<Database> {
  const config = configFromEnv(process.env, opts.data ? { dataDir: opts.data } : {});
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  await migrateDatabase(database);
  return database;
}
