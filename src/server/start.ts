import { fileURLToPath } from "node:url";
import { type BootstrapResult, bootstrap } from "../db/bootstrap.js";
import { type Database, openDatabase } from "../db/connection.js";
import { migrateDatabase } from "../db/migrate.js";
import { type App, buildApp } from "./app.js";
import type { Config } from "./config.js";
import { startJobs } from "./jobs/runner.js";

export const WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

export interface RunningServer {
  app: App;
  database: Database;
  url: string;
  bootstrap: BootstrapResult;
  startupMs: number;
  close(): Promise<void>;
}

/** Opens the database, migrates it, seeds an empty one, and listens. */
export async function startServer(
  config: Config,
  opts: { logger?: boolean | object; webRoot?: string } = {},
): Promise<RunningServer> {
  const t0 = performance.now();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    replicaUrl: config.databaseReplicaUrl,
  });
  try {
    await migrateDatabase(database);
    const seeded = await database.withExclusiveLock("luoshi:bootstrap", (db) =>
      bootstrap(db, { demo: config.demo, adminPassword: config.adminPassword, filesDir: config.filesDir }),
    );
    const app = await buildApp({ database, config, webRoot: opts.webRoot ?? WEB_ROOT, logger: opts.logger });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const jobs = config.jobs ? startJobs(database, config, (e, what) => app.log.error({ err: e }, what)) : null;
    const startupMs = Math.round(performance.now() - t0);
    return {
      app,
      database,
      url: `http://localhost:${port}`,
      bootstrap: seeded,
      startupMs,
      async close() {
        jobs?.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
}
