/**
 * The benchmark suite (issue 9): a Luoshi server on PostgreSQL loaded at a scale (province by
 * default), each key endpoint under concurrent clients over HTTP (p50/p95/p99, throughput, the
 * server's memory) beside the same endpoint's SQL run directly, sign-in, and progress reports
 * written by many clients with every acknowledged one checked afterwards. Several scales print
 * how cost grows with the data.
 *
 *   DATABASE_URL=postgres://… npm run bench -- [--scale province,10,city] [--seconds 10]
 *     [--connections 20] [--writers 100] [--fresh] [--cluster] [--json FILE] [--check FILE]
 *
 * A database luoshi_bench_s<scale> is generated once (`luoshi demo --scale`) and kept for the next run.
 */
import { writeFileSync } from "node:fs";
import pg from "pg";
import { openDatabase } from "../src/db/connection.js";
import { DEMO_PASSWORD } from "../src/db/demo-jurisdiction.js";
import { parseScale, scaleSizes, taskCount } from "../src/db/scale/sizes.js";
import { buildApp } from "../src/server/app.js";
import { todayIso } from "../src/server/clock.js";
import { configFromEnv } from "../src/server/config.js";
import { ensureData } from "./data.js";
import { replay, type SqlTiming, type Statement, StatementRecorder } from "./direct-sql.js";
import { asSession, type Endpoint, endpoints, type Session } from "./endpoints.js";
import { ensureEvaluationScheme } from "./evaluation-scheme.js";
import { type LoadResult, load } from "./load.js";
import { checkAgainst, printGrowth, printTable, type Row, type ScaleRun } from "./report.js";
import { cpuMsByName, signIn, startCluster, startServer } from "./server.js";
import { writeLoad } from "./writes.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SCALES = arg("scale", "province")
  .split(",")
  .map((s) => {
    const n = parseScale(s);
    if (n === null) throw new Error(`--scale: city, province or a whole number, not "${s}"`);
    return n;
  });
const SECONDS = Number(arg("seconds", "10"));
const CONNECTIONS = Number(arg("connections", "20"));
const WRITERS = Number(arg("writers", "100"));
const FRESH = process.argv.includes("--fresh");
// Two servers behind nginx instead of one: the same suite through the proxy.
const CLUSTER = process.argv.includes("--cluster");
// Only the lines whose name contains this (e.g. --only "my work"; "sign-in" and "writes" name those parts).
const ONLY = arg("only", "");
const wanted = (name: string) => !ONLY || name.includes(ONLY);
const admin = process.env.DATABASE_URL;
if (!admin) {
  console.log("npm run bench needs DATABASE_URL (a PostgreSQL server it may create databases on); skipped");
  process.exit(0);
}

async function runScale(scale: number, port: number): Promise<ScaleRun> {
  const data = await ensureData(admin as string, scale, FRESH);
  const server = CLUSTER
    ? await startCluster({ databaseUrl: data.url, port })
    : await startServer({ databaseUrl: data.url, port });
  const db = new pg.Client({ connectionString: data.url });
  await db.connect();
  const recorder = new StatementRecorder();
  const database = await openDatabase({ databaseUrl: data.url, poolSize: 2, logQuery: recorder.logQuery });
  const app = await buildApp({ database, config: configFromEnv({}, { databaseUrl: data.url, demo: false }), logger: false });
  await app.ready();
  try {
    const sessions = new Map<string, Session>();
    for (const who of ["reporter", "coordinator", "province-coordinator", "leader"])
      sessions.set(who, await signIn(server.base, who, DEMO_PASSWORD));
    const schemeId = await ensureEvaluationScheme(db, server.base, sessions.get("province-coordinator") as Session);
    const today = todayIso();
    const rows: Row[] = [];
    const list = (await endpoints(db, today, schemeId)).filter((e) => wanted(e.name));
    server.peakRss();
    // Sign-in: scrypt by design, so its own line without a direct-SQL twin.
    const users = (
      await db.query<{ username: string }>("select username from users where username like 'u%' order by username limit 200")
    ).rows;
    if (wanted("sign-in (scrypt password check)")) {
      const signIns = await load({
        base: server.base,
        connections: CONNECTIONS,
        seconds: SECONDS,
        next: (i) => ({
          method: "POST",
          path: "/api/auth/login",
          body: JSON.stringify({ username: users[i % users.length].username, password: DEMO_PASSWORD }),
        }),
      });
      rows.push({ name: "sign-in (scrypt password check)", kind: "signin", http: signIns, sql: null, rssMb: server.peakRss() });
    }
    for (const e of list) rows.push(await measure(e, sessions, server.base, app, recorder, data.url, server.peakRss));
    const writes = wanted("writes")
      ? await writeLoad(db, server.base, DEMO_PASSWORD, {
          clients: WRITERS,
          seconds: SECONDS,
          serverCpuMs: server.cpuMs,
          // PostgreSQL's share only when it runs on this machine.
          databaseCpuMs: ["127.0.0.1", "localhost", "[::1]"].includes(new URL(data.url).hostname)
            ? () => cpuMsByName("postgres")
            : null,
        })
      : null;
    const counts = (
      await db.query<Record<string, string>>(
        `select (select count(*) from tasks) as tasks, (select count(*) from progress_reports) as reports,
          (select count(*) from projects) as projects, (select count(*) from users) as users, (select count(*) from units) as units`,
      )
    ).rows[0];
    return { scale, loadSeconds: data.loadSeconds, counts, rows, writes, writeRssMb: server.peakRss() };
  } finally {
    await app.close();
    await database.close();
    await db.end();
    await server.stop();
  }
}

/** One endpoint over HTTP, then its recorded statements replayed directly at the same concurrency. */
async function measure(
  e: Endpoint,
  sessions: Map<string, Session>,
  base: string,
  app: Awaited<ReturnType<typeof buildApp>>,
  recorder: StatementRecorder,
  url: string,
  peakRss: () => number,
): Promise<Row> {
  const session = sessions.get(e.persona) as Session;
  const connections = e.kind === "job" ? 1 : CONNECTIONS;
  const requests = e.requests.map((r) => asSession(session, r));
  // Warm the server's caches and the database's buffers first.
  await load({ base, connections, seconds: 1, next: (i) => requests[i % requests.length], maxRequests: 3 * connections });
  peakRss();
  const http: LoadResult = await load({ base, connections, seconds: SECONDS, next: (i) => requests[i % requests.length] });
  const rssMb = peakRss();
  const recorded: Statement[][] = [];
  for (const r of requests.slice(0, 10))
    recorded.push(
      await recorder.record(async () => {
        const res = await app.inject({
          method: (r.method ?? "GET") as "GET",
          url: r.path,
          headers: r.headers,
          payload: r.body,
        });
        if (res.statusCode >= 300) throw new Error(`${e.name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }),
    );
  const sql: SqlTiming = await replay(url, recorded, { connections, seconds: Math.min(SECONDS, 5), write: Boolean(e.write) });
  return { name: e.name, kind: e.kind, http, sql, rssMb, output: e.output };
}

const runs: ScaleRun[] = [];
for (const [i, scale] of SCALES.entries()) {
  const s = scaleSizes(scale);
  console.log(`\n# Scale ${scale}: ${s.cities} cities, ${s.counties} counties, ${taskCount(s).toLocaleString("en")} tasks`);
  const run = await runScale(scale, 3400 + 10 * i);
  printTable(run, { connections: CONNECTIONS, seconds: SECONDS, cluster: CLUSTER });
  runs.push(run);
}
if (runs.length > 1) printGrowth(runs);
const json = arg("json", "");
if (json)
  writeFileSync(
    json,
    `${JSON.stringify(
      runs.map(({ rows, ...r }) => ({ ...r, rows: rows.map(({ http, ...x }) => ({ ...x, http: { ...http, bodies: [] } })) })),
      null,
      2,
    )}\n`,
  );
const check = arg("check", "");
if (check && !checkAgainst(runs, check)) process.exitCode = 1;
