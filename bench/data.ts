/** The benchmark's data: a database `luoshi_bench_s<scale>` generated once with `luoshi demo --scale` and kept. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The database for a scale: reused when it already holds that scale, generated otherwise (or when `fresh`). */
export async function ensureData(
  admin: string,
  scale: number,
  fresh: boolean,
): Promise<{ url: string; loadSeconds: number | null }> {
  const name = `luoshi_bench_s${scale}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const server = new pg.Client({ connectionString: admin });
  await server.connect();
  try {
    const exists = (await server.query("select 1 from pg_database where datname = $1", [name])).rowCount;
    if (exists && !fresh) {
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      const marker = await db.query("select value from settings where key = 'generated'").catch(() => ({ rows: [] }));
      await db.end();
      if ((marker.rows[0] as { value?: { scale: number } } | undefined)?.value?.scale === scale)
        return { url: url.toString(), loadSeconds: null };
    }
    await server.query(`drop database if exists ${name} with (force)`);
    await server.query(`create database ${name}`);
  } finally {
    await server.end();
  }
  console.log(`Generating scale ${scale} into ${name}…`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ["bin/luoshi.mjs", "demo", "--scale", String(scale)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url.toString(), LUOSHI_DEMO: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`luoshi demo --scale ${scale} failed (${code})`);
  return { url: url.toString(), loadSeconds: (performance.now() - t0) / 1000 };
}
