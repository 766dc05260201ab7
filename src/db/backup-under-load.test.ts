/**
 * A backup taken while people report restores to a consistent state: 8 reporters submit progress
 * reports without pause while three backups are written; each backup, restored into an empty
 * database, holds every report acknowledged before it began, and its reports, their audit events
 * and the tasks' counts of reports awaiting review agree (each report writes all three in one
 * transaction, so a backup that cut through one would show it).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../server/testing.js";
import { backupTo, restoreFrom } from "./backup.js";
import type { Database } from "./connection.js";
import { buildTask, buildUnit, buildUser } from "./factories.js";
import { createTestDatabase } from "./testing.js";

const REPORTERS = 8;
const dir = mkdtempSync(join(tmpdir(), "luoshi-backup-load-"));
let t: TestApp;
const desks: { agent: Agent; taskId: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const office = await buildUnit(db);
  for (let i = 0; i < REPORTERS; i++) {
    const unit = await buildUnit(db, { regionId: office.regionId });
    const task = await buildTask(db, { owner: office, lead: unit, state: "accepted" });
    desks.push({ agent: await t.signIn(await buildUser(db, { unit, roles: ["reporter"] })), taskId: task.id });
  }
});
afterAll(() => t.close());

const rows = async (database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

describe("a backup written under load", () => {
  it("restores to a consistent state holding every report acknowledged before it began", { timeout: 180_000 }, async () => {
    const acknowledged: { id: string; at: number }[] = [];
    let errors = 0;
    let running = true;
    const load = desks.map(async ({ agent, taskId }, i) => {
      for (let n = 1; running; n++) {
        const res = await agent.post(`/api/tasks/${taskId}/reports`, {
          narrative: `第${n}次报送（单位${i + 1}）`,
          percent: Math.min(99, n),
        });
        if (res.statusCode === 201) acknowledged.push({ id: res.json().id, at: Date.now() });
        else errors++;
      }
    });
    const backups: { file: string; startedAt: number }[] = [];
    for (let b = 0; b < 3; b++) {
      await new Promise((r) => setTimeout(r, 400));
      const file = join(dir, `backup-${b}.luoshi.gz`);
      const startedAt = Date.now();
      await backupTo(t.database, file);
      backups.push({ file, startedAt });
    }
    running = false;
    await Promise.all(load);
    expect(errors).toBe(0);

    let restoredReports = 0;
    for (const { file, startedAt } of backups) {
      const target = await createTestDatabase();
      try {
        await restoreFrom(target, file);
        const reports = await rows(target, sql`select id::text as id from progress_reports`);
        const held = new Set(reports.map((r) => r.id as string));
        const missing = acknowledged.filter((a) => a.at < startedAt && !held.has(a.id));
        expect(missing, file).toEqual([]);
        // Each report has its audit event, and each audit event of a report its report.
        const unmatched = await rows(
          target,
          sql`select count(*)::int as n from progress_reports r
              full join (select entity_id from audit_events where action = 'report.submit') a on a.entity_id = r.id::text
              where r.id is null or a.entity_id is null`,
        );
        expect(unmatched[0].n, file).toBe(0);
        // The count of reports awaiting review kept on each task agrees with its reports.
        const drift = await rows(
          target,
          sql`select count(*)::int as n from tasks t
              where t.pending_reports <> (select count(*) from progress_reports r where r.task_id = t.id and r.review = 'pending')`,
        );
        expect(drift[0].n, file).toBe(0);
        restoredReports += held.size;
      } finally {
        await target.close();
      }
    }
    console.log(
      `backup under load: ${acknowledged.length} reports acknowledged by ${REPORTERS} reporters, 3 backups, ` +
        `${restoredReports} reports restored and checked, ${errors} errors`,
    );
    expect(acknowledged.length).toBeGreaterThan(REPORTERS * 3);
  });
});
