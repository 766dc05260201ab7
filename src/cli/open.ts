import { type BootstrapResult, bootstrap } from "../db/bootstrap.js";
import { type Database, openDatabase } from "../db/connection.js";
import { migrateDatabase } from "../db/migrate.js";
import { configFromEnv } from "../server/config.js";

/** Opens, migrates and (when empty) seeds the database the server would use, for one-off commands. */
export async function openForCommand(opts: { data?: string }): Promise<Database> {
  const config = configFromEnv(process.env, opts.data ? { dataDir: opts.data } : {});
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await migrateDatabase(database);
    const seeded = await database.withExclusiveLock("luoshi:bootstrap", (db) =>
      bootstrap(db, { demo: config.demo, adminPassword: config.adminPassword, filesDir: config.filesDir }),
    );
    printAccounts(seeded);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

export function printAccounts(seeded: BootstrapResult) {
  if (seeded.kind === "existing") return;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(seeded.kind === "demo" ? "Loaded the demo jurisdiction (Jiaxing). Demo accounts:" : "Started empty with one admin:");
  for (const a of seeded.accounts)
    out(`  ${a.username.padEnd(16)} ${a.password.padEnd(20)} ${a.roles.join(",").padEnd(12)} ${a.unit}`);
  if (seeded.generatedPassword) out("  (this password is printed once: sign in and change it)");
}
