/**
 * Economic indicators at scale on PostgreSQL: INDICATORS indicators (default 100) over REGIONS
 * regions under the city (default 100), MONTHS months of year-to-date values (default 120:
 * 1.2 million), with targets; then the cockpit and the figures pages timed through the app, and
 * statistics workbooks imported through the app (a month's sheet, then a year of them).
 * Targets (issue 7): the cockpit's data p95 under 100 ms; a year's import under 5 s.
 * Run: DATABASE_URL=postgres://… npm run bench:indicators   (a database luoshi_bench_indicators is created and dropped)
 */
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import pg from "pg";
import { bootstrap } from "../src/db/bootstrap.js";
import { openDatabase } from "../src/db/connection.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { monthBefore } from "../src/domain/indicators.js";
import { buildApp } from "../src/server/app.js";
import { todayIso } from "../src/server/clock.js";
import { configFromEnv } from "../src/server/config.js";
import { benchDatabase, signInAs, timeRequests } from "./requests.js";

const INDICATORS = Number(process.env.INDICATORS ?? 100);
const REGIONS = Number(process.env.REGIONS ?? 100);
const MONTHS = Number(process.env.MONTHS ?? 120);
const RUNS = Number(process.env.RUNS ?? 60);
const bench = await benchDatabase("luoshi_bench_indicators", "bench:indicators");
if (!bench) process.exit(0);
const url = bench.url;
const latest = monthBefore(todayIso());

/** Fills the catalog, the regions and MONTHS months of values up to last month in SQL (generate_series). */
async function fill(run: (text: string) => Promise<unknown>) {
  const t0 = performance.now();
  await run("delete from indicator_revisions; delete from indicator_values; delete from indicator_targets");
  await run(`insert into regions (id, code, name, name_en, level, parent_id, path)
    select r.id, '3304' || lpad(g::text, 5, '0'), '第' || g || '区', 'District ' || g, 'county', c.id, c.path || r.id || '/'
    from generate_series(1, ${REGIONS} - (select count(*) from regions where parent_id = (select id from regions where code = '330400'))) g
    cross join (select id, path from regions where code = '330400') c
    cross join lateral (select gen_random_uuid() as id, g as n) r`);
  await run(`insert into indicators (code, name_zh, name_en, measure_unit, measure_unit_en, "group", sort_order, headline)
    select 'B' || lpad(g::text, 3, '0'), '指标' || g, 'Indicator ' || g, '亿元', '100 million yuan', 'other', 1000 + g, g <= 3
    from generate_series(1, ${INDICATORS} - (select count(*) from indicators)) g`);
  // Year-to-date values: a monthly flow growing ~6% a year with a wobble, summed from January.
  await run(`insert into indicator_values (indicator_id, region_id, period, value)
    select i.id, r.id, to_char(m.month, 'YYYY-MM'),
      round((10 + abs(hashtext(i.code || r.code)) % 90) * extract(month from m.month) * power(1.06, extract(year from m.month) - 2000) / 10
        * (0.97 + (abs(hashtext(i.code || r.code || m.month::text)) % 60) / 1000.0), 2)
    from indicators i
    cross join regions r
    cross join (select (date '${latest}-01' - (k || ' months')::interval)::date as month from generate_series(0, ${MONTHS} - 1) k) m
    where r.parent_id = (select id from regions where code = '330400')
      and (i.period_kind = 'monthly' or extract(month from m.month)::int % 3 = 0)`);
  await run(`insert into indicator_targets (indicator_id, region_id, year, kind, amount)
    select i.id, r.id, ${Number(latest.slice(0, 4))}, 'growth', 6
    from indicators i cross join regions r
    where r.parent_id = (select id from regions where code = '330400') or r.code = '330400'`);
  await run("analyze");
  return performance.now() - t0;
}

/** A statistics workbook: per month a sheet with one indicator per row and the regions across. */
async function workbook(months: string[], indicators: { code: string }[], regions: { name: string }[]) {
  const book = new ExcelJS.Workbook();
  for (const month of months) {
    const ws = book.addWorksheet(month);
    ws.addRow([`${month.slice(0, 4)}年1-${Number(month.slice(5))}月主要经济指标`]);
    ws.addRow(["指标", ...regions.map((r) => r.name)]);
    indicators.forEach((ind, i) => {
      ws.addRow([ind.code, ...regions.map((_, j) => Math.round((100 + i + j + Number(month.slice(5)) * 7) * 100) / 100)]);
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
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
      sql`select (select count(*) from indicators) as indicators, (select count(*) from indicator_values) as cells,
        (select count(*) from regions where parent_id = (select id from regions where code = '330400')) as regions`,
    )) as unknown as { rows: { indicators: string; cells: string; regions: string }[] }
  ).rows[0];
  console.log(
    `indicators on PostgreSQL: ${totals.indicators} indicators × ${totals.regions} regions, ${Number(totals.cells).toLocaleString("en")} values up to ${latest} (filled in ${(fillMs / 1000).toFixed(0)} s)`,
  );

  const app = await buildApp({
    database,
    config: configFromEnv({}, { demo: false, loginMaxFailuresPerAddress: 1000 }),
    logger: false,
  });
  await app.ready();
  const coordinator = await signInAs(app, "coordinator");
  const list = (await coordinator.get("/api/indicators")).json().items as { id: string; code: string }[];
  const iva = list.find((i) => i.code === "IVA")!.id;
  await timeRequests(
    [
      ["cockpit, this month (10 headline indicators)", coordinator, "/api/cockpit"],
      ["cockpit, a year before", coordinator, `/api/cockpit?month=${Number(latest.slice(0, 4)) - 1}${latest.slice(4)}`],
      // Not an issue target: our budget for a table of a hundred indicators, each summed over a hundred regions.
      ["figures table, every indicator", coordinator, "/api/indicator-figures", 200],
      ["one indicator's figures over the regions", coordinator, `/api/indicators/${iva}/figures`],
      ["one indicator's entry grid, a year", coordinator, `/api/indicators/${iva}/values`],
    ],
    RUNS,
    46,
  );

  // Imports through the app: a month's sheet of every indicator and region, then a year of them.
  const regions = (
    (await database.db.execute(
      sql`select name from regions where parent_id = (select id from regions where code = '330400') order by code`,
    )) as unknown as { rows: { name: string }[] }
  ).rows;
  const indicators = list.filter((i) => !["GDP", "UNEMP"].includes(i.code));
  const year = Number(latest.slice(0, 4)) + 1;
  for (const [label, months] of [
    ["a month's sheet", [`${year}-01`]],
    ["a year of monthly sheets", Array.from({ length: 12 }, (_, k) => `${year + 1}-${String(k + 1).padStart(2, "0")}`)],
  ] as const) {
    const file = await workbook([...months], indicators, regions);
    for (const commit of [false, true]) {
      const t0 = performance.now();
      const res = await coordinator.request("POST", `/api/indicator-imports?commit=${commit}`, file, {
        "x-file-name": "bench.xlsx",
      });
      const s = ((performance.now() - t0) / 1000).toFixed(2);
      if (res.statusCode !== 200) throw new Error(`import: ${res.statusCode} ${res.body.slice(0, 300)}`);
      const r = res.json();
      const what = `import ${label} (${months.length} × ${indicators.length} × ${regions.length}), ${commit ? "imported" : "previewed"}`;
      console.log(`  ${what.padEnd(70)}${s.padStart(6)} s   ${r.fresh} new${commit ? "" : " found"}  [target < 5 s]`);
    }
  }
  await app.close();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await database.close();
  await bench.drop();
}
