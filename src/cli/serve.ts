import { configFromEnv } from "../server/config.js";
import { startServer } from "../server/start.js";
import { printAccounts } from "./open.js";

export interface ServeOptions {
  port?: string;
  host?: string;
  data?: string;
}

/** `luoshi serve`: runs until SIGINT or SIGTERM, then closes the server and the database cleanly. */
export async function serve(opts: ServeOptions): Promise<void> {
  const config = configFromEnv(process.env, {
    ...(opts.port ? { port: Number(opts.port) } : {}),
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.data ? { dataDir: opts.data } : {}),
  });
  const server = await startServer(config, { logger: { level: config.logLevel } });
  const storage = server.database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
  const out = (s = "") => process.stdout.write(`${s}\n`);
  out();
  out(`Luoshi 落实 is serving at ${server.url}  (${storage})`);
  printAccounts(server.bootstrap);
  out(`Started in ${(server.startupMs / 1000).toFixed(2)} s`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
