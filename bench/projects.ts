/**
 * The project library at scale on PostgreSQL: PROJECTS projects (default 30,000) over the demo
 * regions, MONTHS monthly reports each (default 36: 1.08 million), node schedules and year plans;
 * then the library list and the region view timed through the app as a coordinator and a reporter
 * see them, and every project's warnings recomputed. Prints p50/p95 and the recompute time.
 * Targets (issue 6): list and region view p95 under 100 ms; warnings for all projects under 10 s.
 * Run: DATABASE_URL=postgres://… npm run bench:projects   (a database luoshi_bench_projects is created and dropped)
 */
import { sql } from "drizzle-orm";
import pg from "pg";
import { bootstrap } from "../src/db/bootstrap.js";
import { openDatabase } from "../src/db/connection.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { buildApp } from "../src/server/app.js";
import { todayIso } from "../src/server/clock.js";
import { refreshAllProjectWarnings } from "../src/server/commands/refresh-project-warnings.js";
import { configFromEnv } from "../src/server/config.js";
import { benchDatabase, signInAs, timeRequests } from "./requests.js";

const PROJECTS = Number(process.env.PROJECTS ?? 30_000);
const MONTHS = Number(process.env.MONTHS ?? 36);
const RUNS = Number(process.env.RUNS ?? 60);
const bench = await benchDatabase("luoshi_bench_projects", "bench:projects");
if (!bench) process.exit(0);
const url = bench.url;

/** Fills the library in SQL (generate_series); projects spread over the regions and lead units by hash. */
async function fill(run: (text: string) => Promise<unknown>) {
  const t0 = performance.now();
  const year = Number(todayIso().slice(0, 4));
  await run(`create temp table bench_leads as
    select row_number() over (order by u.code) as n, u.id, u.region_id from units u where u.active`);
  await run(`insert into projects (id, code, name, region_id, lead_unit_id, category, level, stage, total_investment, created_at)
    select gen_random_uuid(), 'B' || lpad(g::text, 6, '0'), '第' || g || '号重大项目', l.region_id, l.id,
      (array['industrial','infrastructure','social','agriculture','ecology','other'])[1 + abs(hashint4(g)) % 6]::project_category,
      (array['province','city','city','county','county'])[1 + abs(hashint4(g + 7)) % 5]::project_level,
      (array['preparatory','started','under_construction','under_construction','under_construction','under_construction','completed'])[1 + abs(hashint4(g + 3)) % 7]::project_stage,
      10000 + abs(hashint4(g + 11)) % 290000, now() - interval '40 months'
    from generate_series(1, ${PROJECTS}) g
    join bench_leads l on l.n = 1 + abs(hashint4(g + 5)) % (select count(*) from bench_leads)`);
  await run(`insert into project_nodes (project_id, kind, planned_on, reached_on)
    select p.id, k.kind::node_kind, current_date + k.offs + (abs(hashtext(p.code)) % 400) - 300,
      case when k.offs < 0 then current_date + k.offs - 300 end
    from projects p cross join (values ('approval', -400), ('start', -300), ('main_structure', 60), ('completion', 400)) k(kind, offs)
    where p.code like 'B%'`);
  await run(`insert into project_reports (project_id, period, amount, narrative, submitted_by_name, submitted_at)
    select p.id, to_char(date_trunc('month', current_date) - (m || ' months')::interval, 'YYYY-MM'),
      round((p.total_investment / 48.0) * (0.5 + (abs(hashtext(p.code || m)) % 100) / 100.0)), '主体施工中', '联络员',
      date_trunc('month', current_date) - (m || ' months')::interval + interval '25 days'
    from projects p cross join generate_series(1, ${MONTHS}) m
    where p.code like 'B%' and p.stage <> 'preparatory' and abs(hashtext(p.code)) % 20 <> 0`);
  await run(`insert into project_year_plans (project_id, year, amount, invested)
    select p.id, y, round(p.total_investment / 4.0), coalesce((select sum(amount) from project_reports r where r.project_id = p.id and r.period like y || '-%'), 0)
    from projects p cross join generate_series(${year - 2}, ${year}) y where p.code like 'B%'`);
  await run(`update projects p set invested = r.total, last_report_period = r.last, last_report_on = (r.last || '-26')::date
    from (select project_id, sum(amount) as total, max(period) as last from project_reports group by project_id) r where r.project_id = p.id`);
  await run("analyze");
  return performance.now() - t0;
}

const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
try {
  await migrateDatabase(database);
  await bootstrap(database.db, { demo: true });
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  const fillMs = await fill((text) => client.query(text));
  client.release();
  await pool.end();
  const totals = (
    (await database.db.execute(
      sql`select (select count(*) from projects) as projects, (select count(*) from project_reports) as reports`,
    )) as unknown as { rows: { projects: string; reports: string }[] }
  ).rows[0];
  console.log(
    `project library on PostgreSQL: ${Number(totals.projects).toLocaleString("en")} projects, ${Number(totals.reports).toLocaleString("en")} monthly reports (filled in ${(fillMs / 1000).toFixed(0)} s)`,
  );

  // Warnings for every project: the first sweep raises them all, the second finds them standing.
  for (const label of ["first sweep (raises every warning)", "second sweep (all standing)"]) {
    const t0 = performance.now();
    const c = await refreshAllProjectWarnings(database.db, todayIso());
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `  warnings, ${label.padEnd(36)} ${s.padStart(5)} s   raised ${c.raised}, changed ${c.changed}, cleared ${c.cleared}  [target < 10 s]`,
    );
  }

  const app = await buildApp({
    database,
    config: configFromEnv({}, { demo: false, loginMaxFailuresPerAddress: 1000 }),
    logger: false,
  });
  await app.ready();
  const signIn = (username: string) => signInAs(app, username);
  const coordinator = await signIn("coordinator");
  const reporter = await signIn("reporter");
  const county = (await coordinator.get("/api/regions?limit=50"))
    .json()
    .items.find((r: { level: string }) => r.level === "county").id as string;
  const cases: [string, Awaited<ReturnType<typeof signIn>>, string][] = [
    ["library, office, by code", coordinator, "/api/projects?limit=25"],
    ["library, office, red warnings", coordinator, "/api/projects?warning=red&limit=25"],
    [
      "library, office, one county by investment",
      coordinator,
      `/api/projects?regionId=${county}&sort=invested&order=desc&limit=25`,
    ],
    ["library, office, search", coordinator, `/api/projects?q=${encodeURIComponent("第4242号")}&limit=25`],
    ["library, reporter, own unit", reporter, "/api/projects?limit=25"],
    ["region view, office, the city", coordinator, "/api/projects/regions"],
    ["region view, office, a county", coordinator, `/api/projects/regions?regionId=${county}`],
    ["warnings list, office, open", coordinator, "/api/warnings?limit=25"],
  ];
  await timeRequests(cases, RUNS, 44);
  await app.close();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await database.close();
  await bench.drop();
}
