/**
 * "My work" and the task lists at scale on PostgreSQL: TASKS tasks (default 300,000) across a
 * thousand extra units, with REPORTS_PER_TASK reports each (default 10: 3 million), then each
 * screen's request timed through the app (routing, auth, policy, queries, presenting) as the
 * demo users see it. Prints p50 and p95 per request; the README records them.
 * Target (issue 4): p95 under 100 ms.
 * Run: DATABASE_URL=postgres://… npm run bench:lists   (a database named luoshi_bench is created and dropped)
 */
import { sql } from "drizzle-orm";
import pg from "pg";
import { bootstrap } from "../src/db/bootstrap.js";
import { openDatabase } from "../src/db/connection.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { buildApp } from "../src/server/app.js";
import { configFromEnv } from "../src/server/config.js";
import { signInAs, timeRequests } from "./requests.js";

const TASKS = Number(process.env.TASKS ?? 300_000);
const REPORTS_PER_TASK = Number(process.env.REPORTS_PER_TASK ?? 10);
const RUNS = Number(process.env.RUNS ?? 60);
const admin = process.env.DATABASE_URL;
if (!admin) {
  console.log("bench:lists needs DATABASE_URL (a PostgreSQL server); skipped");
  process.exit(0);
}
const url = new URL(admin);
url.pathname = "/luoshi_bench";
const server = new pg.Client({ connectionString: admin });
await server.connect();
await server.query("drop database if exists luoshi_bench");
await server.query("create database luoshi_bench");

/**
 * Fills the database in SQL (generate_series): far faster than any client-side insert. Owner and
 * light are drawn by hash, not by g modulo, so they do not move in step with the state (no real
 * office owns only the tasks whose states fall on odd positions).
 */
async function fill(sql: (text: string) => Promise<unknown>) {
  const t0 = performance.now();
  await sql(`insert into units (code, name, kind, region_id)
    select 'B-' || g, '基层单位' || g, 'department', (select id from regions order by path offset (g % (select count(*) from regions)) limit 1)
    from generate_series(1, 1000) g`);
  await sql(`create temp table bench_units as select row_number() over (order by code) as n, id from units where active`);
  await sql(`create temp table bench_offices as
    select row_number() over (order by u.code) as n, u.id from units u join users s on s.unit_id = u.id
    where 'coordinator' = any(s.roles) group by u.id, u.code`);
  await sql(`insert into tasks (id, title, path, owner_unit_id, lead_unit_id, start_on, due_on, state, light, light_reasons, progress, cadence)
    select id, '第' || g || '项重点任务：加快推进项目建设', '/' || id || '/',
      (select id from bench_offices where n = 1 + abs(hashint4(g)) % (select count(*) from bench_offices)),
      (select id from bench_units where n = 1 + (g::bigint * 7919) % (select count(*) from bench_units)),
      date '2025-01-01' + (g % 300), date '2026-06-01' + (g % 500),
      (array['assigned','accepted','in_progress','in_progress','in_progress','completion_requested','closed','closed','returned','cancelled'])[1 + g % 10]::task_state,
      (array['green','green','green','yellow','red'])[1 + abs(hashint4(g * 3 + 1)) % 5]::light, '{}', (g::bigint * 37) % 100, 'monthly'
    from (select gen_random_uuid() as id, g from generate_series(1, ${TASKS}) g) s`);
  await sql(`insert into task_co_units (task_id, unit_id)
    select t.id, u.id from tasks t join bench_units u on u.n = 1 + (t.number * 31) % (select count(*) from bench_units)
    where t.lead_unit_id <> u.id and t.number % 2 = 0`);
  await sql(`insert into progress_reports (task_id, unit_id, kind, period, narrative, percent, submitted_by_name, submitted_at, review)
    select t.id, t.lead_unit_id, 'report', to_char(date '2025-01-01' + k * 30, 'YYYY-MM'), '本月完成既定节点，推进顺利', k * 10,
      '联络员', timestamptz '2025-01-05' + (k * 30) * interval '1 day',
      case when k = ${REPORTS_PER_TASK} and t.number % 50 = 0 then null when k = ${REPORTS_PER_TASK} and t.number % 23 = 0 then 'returned'
        when k = ${REPORTS_PER_TASK} and t.number % 7 = 0 then 'pending' else 'accepted' end::review_state
    from tasks t cross join generate_series(1, ${REPORTS_PER_TASK}) k`);
  await sql(`update tasks set pending_reports = 1 where id in (select task_id from progress_reports where review = 'pending')`);
  await sql("analyze");
  return performance.now() - t0;
}

const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
try {
  await migrateDatabase(database);
  await bootstrap(database.db, { demo: true });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  const client = await pool.connect();
  const fillMs = await fill((text) => client.query(text));
  client.release();
  await pool.end();
  const totals = await database.db.execute(
    sql`select (select count(*) from tasks) as tasks, (select count(*) from progress_reports) as reports`,
  );
  const row = (totals as unknown as { rows: { tasks: string; reports: string }[] }).rows[0];
  console.log(
    `task lists on PostgreSQL: ${Number(row.tasks).toLocaleString("en")} tasks, ${Number(row.reports).toLocaleString("en")} reports (filled in ${(fillMs / 1000).toFixed(0)} s); ${RUNS} requests each`,
  );

  const app = await buildApp({
    database,
    config: configFromEnv({}, { demo: false, loginMaxFailuresPerAddress: 1000 }),
    logger: false,
  });
  await app.ready();
  const signIn = (username: string) => signInAs(app, username);
  const reporter = await signIn("reporter");
  const coordinator = await signIn("coordinator");
  const leader = await signIn("leader");
  const some = (await coordinator.get("/api/units?limit=5&q=基层单位")).json().items[2].id as string;
  const cases: [string, Awaited<ReturnType<typeof signIn>>, string][] = [
    ["my work, a lead unit's reporter", reporter, "/api/my-work"],
    ["my work, the city's supervision office", coordinator, "/api/my-work"],
    ["task list, office, open tasks by deadline", coordinator, "/api/tasks?open=true&limit=25"],
    ["task list, office, red tasks of one unit", coordinator, `/api/tasks?light=red&unitId=${some}&limit=25`],
    ["task list, office, search by title", coordinator, `/api/tasks?q=${encodeURIComponent("第4242项")}&limit=25`],
    ["task list, leader, by progress", leader, "/api/tasks?sort=progress&order=desc&limit=25"],
    ["task list, reporter, own unit", reporter, "/api/tasks?limit=25"],
  ];
  await timeRequests(cases, RUNS, 46);
  await app.close();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await database.close();
  // KEEP_DB=1 leaves the database to look into with EXPLAIN.
  if (!process.env.KEEP_DB) await server.query("drop database if exists luoshi_bench with (force)");
  await server.end();
}
