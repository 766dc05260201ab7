/**
 * Mutual learning and competition at scale on PostgreSQL: PEERS regions under the city (default
 * 100), each with a government unit; INDICATORS indicators (default 100) with three years of
 * monthly values; TASKS tasks (default 300,000) and PROJECTS projects (default 30,000) spread over
 * them with plans, reports and start nodes; then a scheme of 20 criteria (12 on indicators, 4 on
 * tasks, 1 on notices, 3 on projects) computed for a half year through the app.
 * Target (issue 8): a scheme over 100 peers and 20 criteria computes in under 5 s.
 * Run: DATABASE_URL=postgres://… npm run bench:evaluations   (a database luoshi_bench_evaluations is created and dropped)
 */
import pg from "pg";
import { bootstrap } from "../src/db/bootstrap.js";
import { openDatabase } from "../src/db/connection.js";
import { lastEndedHalf } from "../src/db/demo-evaluations.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { monthBefore } from "../src/domain/indicators.js";
import { buildApp } from "../src/server/app.js";
import { todayIso } from "../src/server/clock.js";
import { configFromEnv } from "../src/server/config.js";
import { schemeBody, schemeCriteria } from "./evaluation-scheme.js";
import { benchDatabase, signInAs } from "./requests.js";

const PEERS = Number(process.env.PEERS ?? 100);
const INDICATORS = Number(process.env.INDICATORS ?? 100);
const TASKS = Number(process.env.TASKS ?? 300_000);
const PROJECTS = Number(process.env.PROJECTS ?? 30_000);
const RUNS = Number(process.env.RUNS ?? 5);
const bench = await benchDatabase("luoshi_bench_evaluations", "bench:evaluations");
if (!bench) process.exit(0);
const latest = monthBefore(todayIso());
const year = Number(latest.slice(0, 4));

async function fill(run: (text: string) => Promise<unknown>) {
  const t0 = performance.now();
  const city = `(select id from regions where code = '330400')`;
  await run(`insert into regions (id, code, name, name_en, level, parent_id, path)
    select r.id, '3304' || lpad(g::text, 5, '0'), '第' || g || '区', 'District ' || g, 'county', c.id, c.path || r.id || '/'
    from generate_series(1, ${PEERS} - (select count(*) from regions where parent_id = ${city})) g
    cross join (select id, path from regions where code = '330400') c
    cross join lateral (select gen_random_uuid() as id, g as n) r`);
  await run(`insert into units (code, name, kind, region_id)
    select 'G' || r.code, r.name || '人民政府', 'government', r.id from regions r
    where r.parent_id = ${city} and not exists (select 1 from units u where u.region_id = r.id)`);
  await run(`create temp table bench_units as select row_number() over (order by u.code) as n, u.id, u.region_id
    from units u join regions r on r.id = u.region_id where r.parent_id = ${city}`);
  await run(`insert into indicators (code, name_zh, name_en, measure_unit, measure_unit_en, "group", sort_order)
    select 'B' || lpad(g::text, 3, '0'), '指标' || g, 'Indicator ' || g, '亿元', '100 million yuan', 'other', 1000 + g
    from generate_series(1, ${INDICATORS} - (select count(*) from indicators)) g`);
  await run(`delete from indicator_values`);
  await run(`insert into indicator_values (indicator_id, region_id, period, value)
    select i.id, r.id, to_char(m.month, 'YYYY-MM'),
      round((10 + abs(hashtext(i.code || r.code)) % 90) * extract(month from m.month) * power(1.06, extract(year from m.month) - 2000) / 10
        * (0.97 + (abs(hashtext(i.code || r.code || m.month::text)) % 60) / 1000.0), 2)
    from indicators i cross join regions r
    cross join (select (date '${latest}-01' - (k || ' months')::interval)::date as month from generate_series(0, 35) k) m
    where r.parent_id = ${city} and (i.period_kind = 'monthly' or extract(month from m.month)::int % 3 = 0)`);
  await run(`insert into indicator_targets (indicator_id, region_id, year, kind, amount)
    select i.id, r.id, y, 'growth', 6 from indicators i cross join regions r cross join generate_series(${year - 1}, ${year}) y
    where r.parent_id = ${city} on conflict do nothing`);
  const office = `(select id from units where code = 'JX-DCS')`;
  await run(`insert into tasks (id, title, path, owner_unit_id, lead_unit_id, start_on, due_on, state, light, light_reasons, progress, cadence, closed_at)
    select id, '第' || g || '项重点任务', '/' || id || '/', ${office},
      (select id from bench_units where n = 1 + (g::bigint * 7919) % (select count(*) from bench_units)),
      date '${year - 1}-01-01' + (g % 300), date '${year - 1}-01-01' + (g % 730),
      (array['assigned','in_progress','in_progress','closed','closed','closed'])[1 + g % 6]::task_state,
      (array['green','green','yellow','red'])[1 + abs(hashint4(g)) % 4]::light, '{}', (g::bigint * 37) % 100, 'monthly',
      case when g % 6 >= 3 then (date '${year - 1}-01-01' + (g % 730) + (abs(hashint4(g + 1)) % 40) - 20)::timestamptz end
    from (select gen_random_uuid() as id, g from generate_series(1, ${TASKS}) g) s`);
  await run(`insert into projects (id, code, name, region_id, lead_unit_id, category, level, stage, total_investment)
    select gen_random_uuid(), 'E' || lpad(g::text, 6, '0'), '第' || g || '号项目', u.region_id, u.id, 'industrial', 'city', 'under_construction', 100000
    from generate_series(1, ${PROJECTS}) g join bench_units u on u.n = 1 + g % (select count(*) from bench_units)`);
  await run(
    `insert into project_year_plans (project_id, year, amount) select id, ${year}, 24000 from projects where code like 'E%'`,
  );
  await run(`insert into project_nodes (project_id, kind, planned_on, reached_on)
    select id, 'start', date '${year}-01-01' + abs(hashtext(code)) % 150, date '${year}-01-01' + abs(hashtext(code || 'r')) % 170
    from projects where code like 'E%'`);
  await run(`insert into project_reports (project_id, period, amount, narrative, submitted_by_name)
    select p.id, '${year}-' || lpad(m::text, 2, '0'), 1500 + abs(hashtext(p.code || m)) % 2000, '施工中', '联络员'
    from projects p cross join generate_series(1, 6) m where p.code like 'E%'`);
  await run("analyze");
  return performance.now() - t0;
}

const database = await openDatabase({ databaseUrl: bench.url, poolSize: 10 });
try {
  await migrateDatabase(database);
  await bootstrap(database.db, { demo: true });
  const pool = new pg.Pool({ connectionString: bench.url, max: 1 });
  const client = await pool.connect();
  const fillMs = await fill((text) => client.query(text));
  client.release();
  await pool.end();
  const app = await buildApp({
    database,
    config: configFromEnv({}, { demo: false, loginMaxFailuresPerAddress: 1000 }),
    logger: false,
  });
  await app.ready();
  const office = await signInAs(app, "coordinator");
  const city = (await office.get("/api/regions?limit=50")).json().items.find((r: { code: string }) => r.code === "330400");
  const peers = (await office.get(`/api/regions?parentId=${city.id}&limit=200`)).json().items as { id: string }[];
  const indicators = (
    (await office.get("/api/indicators")).json().items as { id: string; periodKind: string; accumulation: string }[]
  )
    .filter((i) => i.periodKind === "monthly" && i.accumulation === "cumulative")
    .slice(0, 6);
  const criteria = schemeCriteria(indicators.map((i) => i.id));
  const created = await office.post("/api/evaluations", schemeBody("bench", peers, criteria));
  if (created.statusCode !== 201) throw new Error(created.body);
  const schemeId = created.json().id;
  const counts = (await database.db.execute(
    `select (select count(*) from tasks) as tasks, (select count(*) from projects) as projects, (select count(*) from indicator_values) as cells`,
  )) as unknown as { rows: { tasks: string; projects: string; cells: string }[] };
  const c = counts.rows[0];
  console.log(
    `evaluations on PostgreSQL: ${peers.length} peers, ${criteria.length} criteria; ${Number(c.tasks).toLocaleString("en")} tasks, ${Number(c.projects).toLocaleString("en")} projects, ${Number(c.cells).toLocaleString("en")} indicator values (filled in ${(fillMs / 1000).toFixed(0)} s)`,
  );
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await office.post(`/api/evaluations/${schemeId}/results`, { period: lastEndedHalf() });
    times.push(performance.now() - t0);
    if (res.statusCode !== 201) throw new Error(res.body.slice(0, 300));
  }
  times.sort((a, b) => a - b);
  console.log(
    `  compute a half year (${lastEndedHalf()}), median of ${RUNS} (min–max)`.padEnd(60) +
      `${(times[Math.floor(RUNS / 2)] / 1000).toFixed(2)} s (${(times[0] / 1000).toFixed(2)}–${(times[RUNS - 1] / 1000).toFixed(2)})  [target < 5 s]`,
  );
  await app.close();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await database.close();
  await bench.drop();
}
