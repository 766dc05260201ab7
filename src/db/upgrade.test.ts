/**
 * Upgrades keep every record: a database made by the first released migration, given records at
 * four points of its history (the platform, meetings, tasks, projects and notices, each written
 * with the columns its migration had), is brought to the current schema by the same migrator the
 * server runs. Every row of every table is still there with the values it had, and the server
 * signs its people in and shows their records.
 */
import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childPath } from "../domain/people.js";
import { buildApp } from "../server/app.js";
import { hashPassword } from "../server/auth/password.js";
import { configFromEnv } from "../server/config.js";
import { makeAgent } from "../server/testing.js";
import { type Database, openDatabase } from "./connection.js";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate.js";
import { createEmptyPostgresDatabase } from "./testing.js";

interface Journal {
  entries: { idx: number; tag: string }[];
}
const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as Journal;

/** Applies the migrations up to `idx` only, from a folder holding just those. */
async function migrateTo(database: Database, idx: number) {
  const folder = mkdtempSync(join(tmpdir(), "luoshi-migrations-"));
  mkdirSync(join(folder, "meta"));
  const entries = journal.entries.filter((e) => e.idx <= idx);
  for (const e of entries) copyFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  if (database.kind === "pglite") await migratePglite(database.db as never, { migrationsFolder: folder });
  else await migratePg(database.db as never, { migrationsFolder: folder });
}

const rows = async (database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

/** Every row of every table that exists now, as JSON, by table. */
async function everyRow(database: Database) {
  const tables = await rows(
    database,
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const { t } of tables) {
    const r = await rows(database, sql.raw(`select row_to_json(x)::text as r from "${t}" x order by 1`));
    out[t as string] = r.map((x) => JSON.parse(x.r as string));
  }
  return out;
}

const id = () => randomUUID();
const ids = {
  province: id(),
  city: id(),
  office: id(),
  bureau: id(),
  admin: id(),
  reporter: id(),
  meeting: id(),
  task: id(),
  project: id(),
  notice: id(),
};
const PASSWORD = "Upgrade-password-1";
let database: Database;
let dropDatabase: (() => Promise<void>) | undefined;
const before: Record<string, Record<string, unknown>[]> = {};

beforeAll(async () => {
  const empty = await createEmptyPostgresDatabase();
  database = empty ? await openDatabase({ databaseUrl: empty.url, poolSize: 2 }) : await openDatabase({ memory: true });
  dropDatabase = empty?.drop;
  const provincePath = childPath(null, ids.province);
  const cityPath = childPath(provincePath, ids.city);
  const hash = await hashPassword(PASSWORD);
  const stages: [number, ReturnType<typeof sql>[]][] = [
    [
      0,
      [
        sql`insert into regions (id, code, name, level, path) values
          (${ids.province}, '330000', '浙江省', 'province', ${provincePath}),
          (${ids.city}, '330400', '嘉兴市', 'city', ${cityPath})`,
        sql`insert into units (id, name, region_id) values
          (${ids.office}, '嘉兴市人民政府督查室', ${ids.city}),
          (${ids.bureau}, '嘉兴市住房和城乡建设局', ${ids.city})`,
        sql`insert into users (id, username, display_name, unit_id, password_hash, roles) values
          (${ids.admin}, 'upgrade-admin', '督查室管理员', ${ids.office}, ${hash}, '{admin}'),
          (${ids.reporter}, 'upgrade-reporter', '住建局填报员', ${ids.bureau}, ${hash}, '{reporter}')`,
        sql`insert into audit_events (actor_name, action, entity_type) values ('督查室管理员', 'unit.create', 'unit')`,
        sql`insert into login_attempts (username, ip, succeeded) values ('upgrade-admin', '10.0.0.1', true)`,
      ],
    ],
    [
      2,
      [
        sql`insert into meetings (id, title, unit_id) values (${ids.meeting}, '市政府第12次常务会议', ${ids.office})`,
        sql`insert into directives (meeting_id, ordinal, text) values
          (${ids.meeting}, 1, '要加快推进老旧小区改造，年底前完成120个小区'),
          (${ids.meeting}, 2, '要抓紧研究城市更新的支持政策')`,
      ],
    ],
    [
      4,
      [
        sql`insert into tasks (id, title, path, owner_unit_id, lead_unit_id, start_on, due_on, state) values
          (${ids.task}, '完成120个老旧小区改造', ${childPath(null, ids.task)}, ${ids.office}, ${ids.bureau}, '2026-01-01', '2026-12-31', 'in_progress')`,
        sql`insert into milestones (task_id, ordinal, title, due_on) values (${ids.task}, 1, '完成60个', '2026-06-30')`,
        sql`insert into progress_reports (task_id, unit_id, period, narrative, submitted_by_name) values
          (${ids.task}, ${ids.bureau}, '2026-05', '已完成48个小区改造', '住建局填报员')`,
      ],
    ],
    [
      11,
      [
        sql`insert into projects (id, code, name, region_id, lead_unit_id, category, level, total_investment) values
          (${ids.project}, 'JX-2026-001', '城市更新示范片区', ${ids.city}, ${ids.bureau}, 'infrastructure', 'city', 52000)`,
        sql`insert into project_reports (project_id, period, amount, narrative, submitted_by_name) values
          (${ids.project}, '2026-05', 3100, '拆迁完成', '住建局填报员')`,
        sql`insert into notices (id, kind, created_by_name, from_unit_id, to_unit_id, body) values
          (${ids.notice}, 'urge', '督查室管理员', ${ids.office}, ${ids.bureau}, '请加快老旧小区改造进度')`,
        sql`insert into notice_tasks (notice_id, task_id) values (${ids.notice}, ${ids.task})`,
      ],
    ],
  ];
  for (const [idx, inserts] of stages) {
    await migrateTo(database, idx);
    for (const q of inserts) await database.db.execute(q);
  }
  Object.assign(before, await everyRow(database));
  await migrateDatabase(database);
}, 120_000);
afterAll(async () => {
  await database?.close();
  await dropDatabase?.();
});

describe(`upgrading from the first released schema (${journal.entries[0].tag}) to the current one`, () => {
  it("keeps every row of every table with the values it had", async () => {
    const after = await everyRow(database);
    let checked = 0;
    for (const [table, old] of Object.entries(before)) {
      expect(after[table], table).toBeDefined();
      // A migration may derive new rows (0012 moved each project's year amount into its year plans), never drop one.
      expect(after[table].length, table).toBeGreaterThanOrEqual(old.length);
      for (const row of old) {
        const now = after[table].find((r) => (r.id ?? JSON.stringify(r)) === (row.id ?? JSON.stringify(row)));
        // Directives written before their similarity bands existed get them computed by the upgrade.
        const { similarity_bands: _b, ...kept } = row;
        expect(now, `${table} ${JSON.stringify(row)}`).toMatchObject(kept);
        checked++;
      }
    }
    const tables = Object.values(before).filter((r) => r.length).length;
    console.log(`upgrade: ${checked} rows in ${tables} tables kept through ${journal.entries.length - 1} migrations`);
    expect(checked).toBeGreaterThanOrEqual(18);
    const bands = await rows(database, sql`select similarity_bands as b from directives order by ordinal`);
    expect(bands.every((r) => (r.b as unknown[]).length > 0)).toBe(true);
  });

  it("signs the people in and shows their records", async () => {
    const config = configFromEnv({}, { demo: false, filesDir: mkdtempSync(join(tmpdir(), "luoshi-files-")) });
    const app = await buildApp({ database, config, logger: false });
    try {
      const login = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: { username: "upgrade-admin", password: PASSWORD },
      });
      expect(login.statusCode, login.body).toBe(200);
      const cookie = login.cookies.find((c) => c.name === "luoshi_session")?.value;
      const admin = makeAgent(app, `luoshi_session=${cookie}`, login.json().csrfToken);
      const meeting = (await admin.get(`/api/meetings/${ids.meeting}`)).json();
      expect(meeting.title).toBe("市政府第12次常务会议");
      expect(JSON.stringify(meeting)).toContain("年底前完成120个小区");
      const task = await admin.get(`/api/tasks/${ids.task}`);
      expect(task.statusCode, task.body).toBe(200);
      expect(task.json()).toMatchObject({ title: "完成120个老旧小区改造", leadUnit: { name: "嘉兴市住房和城乡建设局" } });
      const project = await admin.get(`/api/projects/${ids.project}`);
      expect(project.statusCode, project.body).toBe(200);
      expect(project.json()).toMatchObject({ code: "JX-2026-001", name: "城市更新示范片区" });
      const notice = await admin.get(`/api/notices/${ids.notice}`);
      expect(notice.statusCode, notice.body).toBe(200);
      expect(notice.json().body).toBe("请加快老旧小区改造进度");
      // The upgraded records take new work: the lead unit reports on the task.
      const reporterLogin = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: { username: "upgrade-reporter", password: PASSWORD },
      });
      expect(reporterLogin.statusCode).toBe(200);
      const reporter = makeAgent(
        app,
        `luoshi_session=${reporterLogin.cookies.find((c) => c.name === "luoshi_session")?.value}`,
        reporterLogin.json().csrfToken,
      );
      const report = await reporter.post(`/api/tasks/${ids.task}/reports`, { narrative: "已完成72个小区改造", percent: 60 });
      expect(report.statusCode, report.body).toBe(201);
      expect((await admin.get(`/api/tasks/${ids.task}`)).json()).toMatchObject({ progress: 60 });
    } finally {
      await app.close();
    }
  });
});
