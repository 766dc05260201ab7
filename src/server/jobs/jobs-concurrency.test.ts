/**
 * The jobs on PostgreSQL as in production: a runner killed mid-pass and started again, and two
 * servers sharing one database. Needs a PostgreSQL server (the CI run has one); skipped on PGlite.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection.js";
import { buildUnit, buildUser } from "../../db/factories.js";
import { tasks, type UnitRow } from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../db/testing.js";
import { configFromEnv } from "../config.js";
import { type LoopbackSmtp, startSmtp } from "../notify/loopback.js";
import { outboxOptions } from "../notify/notify.js";
import { realSender } from "../notify/senders.js";
import { deliverDue } from "./deliver.js";
import { supervisionPass } from "./runner.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const onPostgres = Boolean(process.env.DATABASE_URL);
const LATE_TASKS = 1500;

const count = async (database: TestDatabase, query: ReturnType<typeof sql>) =>
  Number(((await database.db.execute(query)) as unknown as { rows: { n: string }[] }).rows[0].n);

/** Units with one reporter each (with e-mail) and late tasks spread over them. */
async function lateTasks(database: TestDatabase, n: number, prefix: string) {
  const db = database.db;
  const office = await buildUnit(db);
  const leads: UnitRow[] = [];
  for (let i = 0; i < 10; i++) {
    const lead = await buildUnit(db);
    await buildUser(db, { unit: lead, roles: ["reporter"], email: `${prefix}${i}@luoshi.test` });
    leads.push(lead);
  }
  const rows = Array.from({ length: n }, (_, i) => {
    const id = crypto.randomUUID();
    return {
      id,
      path: id,
      title: `${prefix} late task ${i}`,
      ownerUnitId: office.id,
      leadUnitId: leads[i % leads.length].id,
      state: "in_progress" as const,
      startOn: "2026-01-01",
      dueOn: "2026-03-31",
      lastReportOn: "2026-04-01",
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(tasks).values(rows.slice(i, i + 500));
}

describe.skipIf(!onPostgres)("supervision jobs on PostgreSQL", () => {
  let database: TestDatabase;
  let smtp: LoopbackSmtp;
  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  it("loses and repeats nothing when the runner is killed mid-pass and started again", async () => {
    await lateTasks(database, LATE_TASKS, "killed");
    const env = { ...process.env, DATABASE_URL: database.url, LUOSHI_DEMO: "0", LUOSHI_SMTP_URL: smtp.url };
    const child = spawn(process.execPath, ["bin/luoshi.mjs", "supervise", "--date", "2026-04-03"], {
      cwd: ROOT,
      env,
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Kill it (SIGKILL: no clean-up) once it is part-way through the late tasks.
    let seen = 0;
    for (let i = 0; i < 600 && seen < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await count(database, sql`select count(*) as n from notices`);
    }
    child.kill("SIGKILL");
    await exited;
    const atKill = await count(database, sql`select count(*) as n from notices`);
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(LATE_TASKS);

    // Started again: it finishes the pass.
    const again = spawn(process.execPath, ["bin/luoshi.mjs", "supervise", "--date", "2026-04-03"], {
      cwd: ROOT,
      env,
      stdio: "ignore",
    });
    expect(await new Promise((resolve) => again.on("exit", resolve))).toBe(0);
    expect(await count(database, sql`select count(*) as n from notices`)).toBe(LATE_TASKS);
    expect(await count(database, sql`select count(distinct task_id) as n from notice_tasks`)).toBe(LATE_TASKS);
    // Each notice told its unit's reporter once, in the inbox and by one queued e-mail.
    expect(await count(database, sql`select count(*) as n from notifications`)).toBe(LATE_TASKS);
    expect(await count(database, sql`select count(*) as n from deliveries where kind = 'email'`)).toBe(LATE_TASKS);
    expect(await count(database, sql`select count(*) as n from notices where recipients <> 1`)).toBe(0);
  }, 120_000);

  it("sends each notice once when two servers run the jobs on one database", async () => {
    const db = database.db;
    await db.execute(sql`truncate notices, notifications, deliveries cascade`);
    await db.execute(sql`update tasks set state = 'closed'`);
    await lateTasks(database, 400, "pair");
    const config = configFromEnv({}, { smtpUrl: smtp.url, mailFrom: "luoshi@luoshi.test" });
    const servers = [
      await openDatabase({ databaseUrl: database.url, poolSize: 4 }),
      await openDatabase({ databaseUrl: database.url, poolSize: 4 }),
    ];
    smtp.mails.length = 0;
    try {
      const passes = await Promise.all(servers.map((s) => supervisionPass(s, outboxOptions(config), "2026-04-03")));
      // At most one ran the pass; the other found the lock taken (or ran after it and found nothing to do).
      const issued = passes.reduce((n, p) => n + (p?.ladder ?? 0), 0);
      expect(issued).toBe(400);
      const senders = servers.map(() => realSender(config));
      await Promise.all(servers.map((s, i) => deliverDue(s.db, senders[i], { batch: 10 })));
      for (const s of senders) s.close();
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
    expect(await count(database, sql`select count(*) as n from notices`)).toBe(400);
    expect(await count(database, sql`select count(*) as n from deliveries where state = 'sent'`)).toBe(400);
    const perAddress = new Map<string, number>();
    for (const m of smtp.mails) perAddress.set(m.to[0], (perAddress.get(m.to[0]) ?? 0) + 1);
    expect(smtp.mails).toHaveLength(400);
    expect([...perAddress.values()].every((n) => n === 40)).toBe(true);
  }, 120_000);
});
