import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildTask, buildUnit, buildUser } from "../../../db/factories.js";
import { auditEvents, progressReports, type TaskRow, taskEvents, tasks } from "../../../db/schema.js";
import { type ActingContext, systemContext } from "../../context.js";
import { ReportIntake } from "../../report-intake.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let reporter: Agent;
let reporterCtx: ActingContext;
let running: TaskRow[];
let closed: TaskRow;
let othersTask: TaskRow;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const city = await buildRegion(db, { level: "city" });
  const office = await buildUnit(db, { region: city, name: "督查室" });
  const lead = await buildUnit(db, { region: city, name: "交通局" });
  const other = await buildUnit(db, { region: city, name: "水利局" });
  const user = await buildUser(db, { unit: lead, roles: ["reporter"], displayName: "交通联络员" });
  reporter = await t.signIn(user);
  const actor = { ...user, unitId: lead.id, regionId: city.id, regionPath: city.path };
  reporterCtx = { ...systemContext("test"), actor, policyChecked: false };
  const task = (state: TaskRow["state"], leadUnit = lead) =>
    buildTask(db, { owner: office, lead: leadUnit, state, startOn: "2026-01-01", dueOn: "2027-12-31" });
  running = [];
  for (const state of ["accepted", "in_progress", "accepted", "in_progress", "in_progress", "accepted"] as const)
    running.push(await task(state));
  closed = await task("closed");
  othersTask = await task("in_progress", other);
});
afterAll(() => t.close());

const send = (taskId: string, narrative: string, percent: number | null = null) =>
  reporter.post(`/api/tasks/${taskId}/reports`, { narrative, percent });

describe("reports arriving together", () => {
  it("land in rounds: each acknowledged report is stored once, each task counts every report, a refused one answers only its sender", async () => {
    const db = t.database.db;
    const sent = running.flatMap((task, i) => [1, 2, 3].map((n) => ({ task, narrative: `第${i}项第${n}次`, percent: 10 * n })));
    const answers = await Promise.all([
      ...sent.map((s) => send(s.task.id, s.narrative, s.percent)),
      send(closed.id, "已办结的任务"),
      send(othersTask.id, "别人的任务"),
      send(randomUUID(), "没有的任务"),
    ]);
    const refused = answers.slice(sent.length).map((a) => a.statusCode);
    expect(refused).toEqual([409, 403, 404]);
    const acknowledged = answers.slice(0, sent.length);
    expect(acknowledged.map((a) => a.statusCode)).toEqual(sent.map(() => 201));
    // Each answer is its own report, as stored.
    expect(acknowledged.map((a) => a.json().narrative)).toEqual(sent.map((s) => s.narrative));
    const ids = acknowledged.map((a) => a.json().id as string);
    const stored = await db.select().from(progressReports).where(inArray(progressReports.id, ids));
    expect(stored).toHaveLength(ids.length);
    expect(new Set(stored.map((r) => r.id)).size).toBe(ids.length);
    // Nothing was written for the refused ones.
    const strays = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(progressReports)
      .where(inArray(progressReports.taskId, [closed.id, othersTask.id]));
    expect(strays[0].n).toBe(0);
    for (const task of running) {
      const [now] = await db.select().from(tasks).where(eq(tasks.id, task.id));
      expect(now.pendingReports).toBe(3);
      expect(now.version).toBe(task.version + 3);
      expect(now.state).toBe("in_progress");
      expect(now.lastReportOn).not.toBeNull();
      expect([10, 20, 30]).toContain(now.progress);
      const events = await db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id));
      expect(events.filter((e) => e.kind === "report")).toHaveLength(3);
      // A task just signed for starts with its first report, once.
      expect(events.filter((e) => e.kind === "start")).toHaveLength(task.state === "accepted" ? 1 : 0);
    }
    const audited = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "report.submit"), inArray(auditEvents.entityId, ids)));
    expect(audited[0].n).toBe(ids.length);
  });

  it("when a round fails as a whole on something no check foresaw, its reports land one by one and only the cause fails", async () => {
    const db = t.database.db;
    // A fault inside the database the application cannot see coming: a trigger refusing one narrative.
    await db.execute(sql`create function refuse_poison() returns trigger language plpgsql as $$
      begin if new.narrative = '毒' then raise exception 'poisoned report'; end if; return new; end $$`);
    await db.execute(
      sql`create trigger refuse_poison before insert on progress_reports for each row execute function refuse_poison()`,
    );
    try {
      const answers = await Promise.all(running.map((task, i) => send(task.id, i === 2 ? "毒" : `第${i}项再报`)));
      expect(answers.map((a) => a.statusCode)).toEqual(running.map((_, i) => (i === 2 ? 500 : 201)));
      expect(answers[2].body).not.toContain("poisoned");
      const landed = await db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(progressReports)
        .where(sql`${progressReports.narrative} like '%再报'`);
      expect(landed[0].n).toBe(running.length - 1);
    } finally {
      await db.execute(sql`drop trigger refuse_poison on progress_reports`);
      await db.execute(sql`drop function refuse_poison()`);
    }
  });

  it("gathers the reports that arrive while a round is written into the next round, one per task", async () => {
    const rounds: number[] = [];
    const intake = new ReportIntake(t.database.db, { onRound: (size) => rounds.push(size) });
    const input = (narrative: string) => ({
      kind: "report" as const,
      narrative,
      percent: null,
      measuredValue: null,
      attachmentIds: [],
    });
    // The first lands at once; the rest arrive while it is written. The last is a second report on a task.
    const landed = await Promise.all([
      ...running.map((task, i) => intake.submit(reporterCtx, task.id, input(`第${i}项第四次`))),
      intake.submit(reporterCtx, running[1].id, input("第1项第五次")),
    ]);
    expect(rounds).toEqual([1, running.length - 1, 1]);
    expect(new Set(landed.map((r) => r.id)).size).toBe(running.length + 1);
    expect(landed.at(-1)).toMatchObject({ narrative: "第1项第五次", unitName: "交通局", attachments: [] });
  });
});

describe("rounds written at once", () => {
  it("two servers' rounds on sub-tasks of the same parents land whole, in either order, and roll up to what every report says", async () => {
    const db = t.database.db;
    const { ownerUnitId, leadUnitId } = running[0];
    const sub = (parent: TaskRow) =>
      buildTask(db, { ownerUnitId, leadUnitId, parent, state: "in_progress", startOn: "2026-01-01", dueOn: "2027-12-31" });
    const parents = [
      await buildTask(db, { ownerUnitId, leadUnitId, state: "in_progress", startOn: "2026-01-01", dueOn: "2027-12-31" }),
      await buildTask(db, { ownerUnitId, leadUnitId, state: "in_progress", startOn: "2026-01-01", dueOn: "2027-12-31" }),
    ];
    // Each parent's first child reported on one server, its second on the other, the parents taken in opposite orders.
    const children = [
      [await sub(parents[0]), await sub(parents[0])],
      [await sub(parents[1]), await sub(parents[1])],
    ];
    const failed: unknown[] = [];
    const server = () => new ReportIntake(t.database.db, { roundsAtOnce: 2, onRoundFailed: (e) => failed.push(e) });
    const [one, two] = [server(), server()];
    const report = (percent: number) => ({
      kind: "report" as const,
      narrative: `进度${percent}`,
      percent,
      measuredValue: null,
      attachmentIds: [],
    });
    for (let step = 1; step <= 5; step++) {
      await Promise.all([
        one.submit(reporterCtx, children[0][0].id, report(10 * step)),
        one.submit(reporterCtx, children[1][0].id, report(10 * step)),
        two.submit(reporterCtx, children[1][1].id, report(20 * step)),
        two.submit(reporterCtx, children[0][1].id, report(20 * step)),
      ]);
    }
    expect(failed).toEqual([]);
    for (const parent of parents) {
      const [now] = await db.select().from(tasks).where(eq(tasks.id, parent.id));
      // The mean of its children's last reports: 50 and 100.
      expect(now.progress).toBe(75);
    }
    for (const child of children.flat()) {
      const [now] = await db.select().from(tasks).where(eq(tasks.id, child.id));
      expect(now.pendingReports).toBe(5);
    }
  });
});
