/**
 * Work ledger import and export at scale on the embedded PGlite: a generated ledger of ROWS
 * tasks (default 100,000) is imported through the same command the web app uses (read, check
 * every row, write in one transaction), then the whole list is exported. Prints the times and
 * the peak memory (resident set) of each; the README records the figures.
 * Targets (issue 4): import under 60 s, export under 30 s, memory under 1 GiB.
 * Run: npm run bench:ledger   (ROWS=20000 for a quick look)
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { bootstrap } from "../src/db/bootstrap.js";
import { openDatabase } from "../src/db/connection.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { regions, units, users } from "../src/db/schema.js";
import { LEDGER_COLUMNS } from "../src/domain/ledger.js";
import { todayIso } from "../src/server/clock.js";
import { importLedger } from "../src/server/commands/import-ledger.js";
import { systemContext } from "../src/server/context.js";
import { writeLedger } from "../src/server/ledger/export-ledger.js";

const ROWS = Number(process.env.ROWS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), "luoshi-bench-ledger-"));

/** Peak resident memory while `fn` runs, sampled every 50 ms. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms: performance.now() - t0, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** A ledger as an office would fill it in: Chinese headers, unit names, a deadline each. */
async function generateLedger(path: string, unitNames: string[]) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const sheet = book.addWorksheet("工作台账");
  sheet.addRow(["工作台账"]).commit();
  const keys = ["title", "leadUnit", "coUnits", "responsibleLeader", "startOn", "dueOn"] as const;
  sheet.addRow(keys.map((k) => LEDGER_COLUMNS.find((c) => c.key === k)!["zh-CN"])).commit();
  const year = Number(todayIso().slice(0, 4));
  for (let i = 0; i < ROWS; i++) {
    const lead = unitNames[i % unitNames.length];
    const co = [unitNames[(i * 7 + 3) % unitNames.length], unitNames[(i * 13 + 5) % unitNames.length]].filter((n) => n !== lead);
    sheet
      .addRow([
        `第${i + 1}项：加快推进重点项目建设，确保按期完成年度目标任务`,
        lead,
        [...new Set(co)].join("、"),
        `副市长${i % 9}`,
        new Date(Date.UTC(year, 0, 1 + (i % 200))),
        new Date(Date.UTC(year + 1, i % 12, 1 + (i % 28))),
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
}

const database = await openDatabase({ dataDir: join(dir, "data") });
try {
  await migrateDatabase(database);
  await bootstrap(database.db, { demo: true });
  const { db } = database;
  const [office] = await db
    .select({ user: users, unitId: units.id, regionId: regions.id, regionPath: regions.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(users.username, "coordinator"));
  const ctx = {
    ...systemContext("bench"),
    actor: {
      id: office.user.id,
      username: office.user.username,
      displayName: office.user.displayName,
      roles: office.user.roles,
      unitId: office.unitId,
      regionId: office.regionId,
      regionPath: office.regionPath,
    },
  };
  const unitNames = (await db.select({ name: units.name }).from(units).where(eq(units.active, true))).map((u) => u.name);
  const unique = unitNames.filter((n, i) => unitNames.indexOf(n) === i && unitNames.lastIndexOf(n) === i);

  const file = join(dir, "ledger.xlsx");
  await generateLedger(file, unique);
  const content = readFileSync(file);
  console.log(
    `work ledger, ${ROWS.toLocaleString("en")} rows (${(content.length / 1024 / 1024).toFixed(1)} MB .xlsx), embedded PGlite`,
  );

  const phases = new Map<string, number>();
  let phaseStart = performance.now();
  let current = "";
  const imported = await measured(() =>
    importLedger(db, ctx, { content, fileName: "ledger.xlsx", today: todayIso() }, (phase) => {
      if (phase === current) return;
      if (current) phases.set(current, performance.now() - phaseStart);
      current = phase;
      phaseStart = performance.now();
    }),
  );
  phases.set(current, performance.now() - phaseStart);
  if (!imported.value.ok) throw new Error(`import refused: ${JSON.stringify(imported.value.problems.slice(0, 3))}`);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `  import: ${s(imported.ms)} for ${imported.value.created.toLocaleString("en")} new tasks ` +
      `(${[...phases].map(([p, ms]) => `${p} ${s(ms)}`).join(", ")}), peak memory ${imported.peakMb.toFixed(0)} MB  [target < 60 s, < 1024 MB]`,
  );

  const out = join(dir, "export.xlsx");
  const exported = await measured(async () => {
    const stream = createWriteStream(out);
    const count = await writeLedger(db, { where: undefined, locale: "zh-CN", today: todayIso() }, stream);
    await new Promise((r) => stream.end(r));
    return count;
  });
  console.log(
    `  export: ${s(exported.ms)} for ${exported.value.toLocaleString("en")} tasks ` +
      `(${(statSync(out).size / 1024 / 1024).toFixed(1)} MB), peak memory ${exported.peakMb.toFixed(0)} MB  [target < 30 s, < 1024 MB]`,
  );
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
