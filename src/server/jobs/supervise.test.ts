import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildTask, buildUnit, buildUser } from "../../db/factories.js";
import {
  channels,
  deliveries,
  noticeProjects,
  notices,
  noticeTasks,
  notifications,
  projects,
  projectWarnings,
  type TaskRow,
  type UnitRow,
} from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../db/testing.js";
import { type LoopbackRobot, type LoopbackSmtp, startRobot, startSmtp } from "../notify/loopback.js";
import type { OutboxOptions } from "../notify/notify.js";
import { realSender } from "../notify/senders.js";
import { deliverDue, MAX_ATTEMPTS } from "./deliver.js";
import { superviseProjects, superviseTasks } from "./supervise.js";

let database: TestDatabase;
let smtp: LoopbackSmtp;
let robot: LoopbackRobot;
const outbox: OutboxOptions = { mail: true, publicUrl: "http://luoshi.test" };

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtp();
  robot = await startRobot();
});
afterAll(async () => {
  await smtp.close();
  await robot.close();
  await database.close();
});

async function noticesOf(task: TaskRow) {
  const db = database.db;
  return db
    .select({
      kind: notices.kind,
      grade: notices.grade,
      number: notices.number,
      reason: notices.reason,
      recipients: notices.recipients,
    })
    .from(notices)
    .innerJoin(noticeTasks, eq(noticeTasks.noticeId, notices.id))
    .where(eq(noticeTasks.taskId, task.id))
    .orderBy(notices.number);
}

describe("the supervision ladder", () => {
  let office: UnitRow;
  let lead: UnitRow;
  let task: TaskRow;
  beforeAll(async () => {
    const db = database.db;
    office = await buildUnit(db, { name: "督查室" });
    lead = await buildUnit(db, { name: "发改委" });
    await buildUser(db, { unit: lead, roles: ["reporter"], email: "fgw@luoshi.test", locale: "zh-CN" });
    task = await buildTask(db, {
      owner: office,
      lead,
      state: "in_progress",
      startOn: "2026-01-01",
      dueOn: "2026-03-31",
      cadence: "quarterly",
      lastReportOn: "2026-03-20",
    });
  });

  it("reminds before the deadline on the configured days, once each", async () => {
    const db = database.db;
    await superviseTasks(db, outbox, "2026-03-20");
    expect(await noticesOf(task)).toEqual([]);
    const first = await superviseTasks(db, outbox, "2026-03-25");
    expect(first.reminders).toBe(1);
    expect(await superviseTasks(db, outbox, "2026-03-25")).toMatchObject({ reminders: 0, ladder: 0 });
    await superviseTasks(db, outbox, "2026-03-29");
    const issued = await noticesOf(task);
    expect(issued.map((n) => [n.kind, n.reason])).toEqual([
      ["reminder", { type: "due", days: 6, dueOn: "2026-03-31" }],
      ["reminder", { type: "due", days: 2, dueOn: "2026-03-31" }],
    ]);
    expect(issued.every((n) => n.recipients === 1)).toBe(true);
  });

  it("climbs urge → blue → yellow → red as the task stays late, never issuing a rung twice", async () => {
    const db = database.db;
    expect(await superviseTasks(db, outbox, "2026-04-02")).toMatchObject({ ladder: 1 });
    expect(await superviseTasks(db, outbox, "2026-04-03")).toMatchObject({ ladder: 0, escalated: 0 });
    // Day 7: five days late makes it blue; the urge notice went unanswered too, and points to that blue one.
    await superviseTasks(db, outbox, "2026-04-07");
    await superviseTasks(db, outbox, "2026-04-07");
    await superviseTasks(db, outbox, "2026-04-12");
    await superviseTasks(db, outbox, "2026-04-25");
    const ladder = (await noticesOf(task)).filter((n) => n.kind !== "reminder");
    expect(ladder.map((n) => [n.kind, n.grade])).toEqual([
      ["urge", null],
      ["supervision", "blue"],
      ["supervision", "yellow"],
      ["supervision", "red"],
    ]);
    const [urge] = await db.select().from(notices).where(eq(notices.number, ladder[0].number));
    expect(urge.escalatedToId).not.toBeNull();
    // Every notice reached the lead unit's inbox.
    const inbox = await db.select().from(notifications).where(eq(notifications.kind, "notice.issued"));
    expect(inbox.length).toBeGreaterThanOrEqual(6);
  });

  it("escalates a notice left unanswered past its reply date, about the tasks still running", async () => {
    const db = database.db;
    const other = await buildTask(db, { owner: office, lead, state: "in_progress", startOn: "2026-01-01", dueOn: "2026-12-31" });
    const [urge] = await db
      .insert(notices)
      .values({
        kind: "urge",
        fromUnitId: office.id,
        toUnitId: lead.id,
        body: "请加快进度",
        replyBy: "2026-05-05",
        createdByName: "coordinator",
      })
      .returning();
    await db.insert(noticeTasks).values({ noticeId: urge.id, taskId: other.id });
    expect(await superviseTasks(db, outbox, "2026-05-05")).toMatchObject({ escalated: 0 });
    expect(await superviseTasks(db, outbox, "2026-05-06")).toMatchObject({ escalated: 1 });
    expect(await superviseTasks(db, outbox, "2026-05-07")).toMatchObject({ escalated: 0 });
    const after = await noticesOf(other);
    expect(after.map((n) => [n.kind, n.grade])).toEqual([
      ["urge", null],
      ["supervision", "blue"],
    ]);
    expect(after[1].reason).toEqual({ type: "unanswered", number: urge.number, replyBy: "2026-05-05" });
  });

  it("keeps a notice to a unit with no users, and says no one was told", async () => {
    const db = database.db;
    const empty = await buildUnit(db, { name: "无人单位" });
    const lonely = await buildTask(db, {
      owner: office,
      lead: empty,
      state: "assigned",
      startOn: "2026-01-01",
      dueOn: "2026-06-30",
    });
    await superviseTasks(db, outbox, "2026-06-28");
    expect(await noticesOf(lonely)).toMatchObject([{ kind: "reminder", recipients: 0 }]);
  });
});

describe("deliveries", () => {
  it("sends e-mail over SMTP and signed messages to DingTalk, WeCom and Feishu robots, each once", async () => {
    const db = database.db;
    const office = await buildUnit(db);
    const lead = await buildUnit(db);
    await buildUser(db, { unit: lead, roles: ["reporter"], email: "lead@luoshi.test", locale: "en" });
    await buildUser(db, { unit: lead, roles: ["reporter"], email: "quiet@luoshi.test", notifyByEmail: false });
    await db.insert(channels).values([
      { unitId: lead.id, kind: "dingtalk", target: `${robot.url}/robot/send?access_token=abc`, secret: "SECdt" },
      { unitId: lead.id, kind: "wecom", target: `${robot.url}/cgi-bin/webhook/send?key=k1` },
      { unitId: lead.id, kind: "feishu", target: `${robot.url}/open-apis/bot/v2/hook/h1`, secret: "fs-secret" },
    ]);
    await buildTask(db, {
      owner: office,
      lead,
      state: "in_progress",
      startOn: "2026-01-01",
      dueOn: "2026-08-31",
      lastReportOn: "2026-08-20",
    });
    await superviseTasks(db, outbox, "2026-08-30");
    const send = realSender({ smtpUrl: smtp.url, mailFrom: "Luoshi <luoshi@luoshi.test>" });
    smtp.mails.length = 0;
    robot.requests.length = 0;
    // Other tests' queued deliveries go too; count only this unit's.
    await deliverDue(db, send);
    await deliverDue(db, send);
    const mine = smtp.mails.filter((m) => m.to.includes("lead@luoshi.test"));
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toMatch(/^\[Reminder\] No\. \d+ from /);
    expect(smtp.mails.some((m) => m.to.includes("quiet@luoshi.test"))).toBe(false);

    const ding = robot.requests.find((r) => r.path === "/robot/send");
    const ts = ding?.query.get("timestamp") ?? "";
    expect(ding?.query.get("sign")).toBe(createHmac("sha256", "SECdt").update(`${ts}\nSECdt`).digest("base64"));
    expect(ding?.body).toMatchObject({ msgtype: "markdown", markdown: { title: expect.stringContaining("提醒") } });
    expect(robot.requests.find((r) => r.path === "/cgi-bin/webhook/send")?.body).toMatchObject({
      msgtype: "markdown",
      markdown: { content: expect.stringContaining("http://luoshi.test/notices/") },
    });
    const fs = robot.requests.find((r) => r.path === "/open-apis/bot/v2/hook/h1")?.body as Record<string, string>;
    expect(fs.sign).toBe(createHmac("sha256", `${fs.timestamp}\nfs-secret`).update("").digest("base64"));
    expect(fs).toMatchObject({ msg_type: "text", content: { text: expect.stringContaining("提醒") } });
    expect(robot.requests).toHaveLength(3);
    send.close();
  });

  it("retries a refusing SMTP server and a silent or refusing robot with back-off, then marks them failed", async () => {
    const db = database.db;
    const office = await buildUnit(db);
    const lead = await buildUnit(db);
    await buildUser(db, { unit: lead, roles: ["reporter"], email: "refused@luoshi.test" });
    await db.insert(channels).values([
      { unitId: lead.id, kind: "dingtalk", target: "http://127.0.0.1:9/robot/send?access_token=dead" },
      { unitId: lead.id, kind: "wecom", target: `${robot.url}/refusing?key=k2` },
    ]);
    await buildTask(db, {
      owner: office,
      lead,
      state: "in_progress",
      startOn: "2026-01-01",
      dueOn: "2026-09-30",
      lastReportOn: "2026-09-20",
    });
    await superviseTasks(db, outbox, "2026-09-29");
    const send = realSender({ smtpUrl: smtp.url, mailFrom: "luoshi@luoshi.test" });
    smtp.refuse = "mailbox unavailable";
    robot.mode = "refuse";
    await deliverDue(db, send);
    const mineOf = async () =>
      (await db.select().from(deliveries).where(eq(deliveries.unitId, lead.id))).sort((a, b) => a.kind.localeCompare(b.kind));
    let mine = await mineOf();
    expect(mine.map((d) => [d.kind, d.state, d.attempts])).toEqual([
      ["dingtalk", "pending", 1],
      ["email", "pending", 1],
      ["wecom", "pending", 1],
    ]);
    expect(mine[0].lastError).toMatch(/no answer from 127\.0\.0\.1:9/);
    expect(mine[1].lastError).toMatch(/mailbox unavailable/);
    expect(mine[2].lastError).toMatch(/refused by .*310000 sign not match/);
    // Not due again until the back-off has passed.
    expect(mine.every((d) => Date.parse(d.nextAttemptAt) > Date.now() + 30_000)).toBe(true);
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      await db
        .update(deliveries)
        .set({ nextAttemptAt: new Date(0).toISOString() })
        .where(eq(deliveries.unitId, lead.id));
      await deliverDue(db, send);
    }
    mine = await mineOf();
    expect(mine.map((d) => [d.state, d.attempts])).toEqual([
      ["failed", MAX_ATTEMPTS],
      ["failed", MAX_ATTEMPTS],
      ["failed", MAX_ATTEMPTS],
    ]);
    smtp.refuse = null;
    robot.mode = "ok";
    send.close();
  });
});

describe("project warnings on the ladder", () => {
  it("puts each yellow or red warning to the lead unit once per level, from the office that keeps the project", async () => {
    const db = database.db;
    const office = await buildUnit(db);
    const lead = await buildUnit(db);
    await buildUser(db, { unit: lead, roles: ["reporter"] });
    const region = await buildRegion(db);
    const [project] = await db
      .insert(projects)
      .values({
        code: `PW-${Date.now()}`,
        name: "港区码头",
        regionId: region.id,
        leadUnitId: lead.id,
        officeUnitId: office.id,
        category: "infrastructure",
        level: "city",
        totalInvestment: 1000,
      })
      .returning();
    const [warning] = await db
      .insert(projectWarnings)
      .values({ projectId: project.id, key: "no_report", kind: "no_report", level: "blue", detail: {}, raisedOn: "2026-05-01" })
      .returning();
    expect(await superviseProjects(db, outbox, "2026-05-02")).toBe(0); // blue: not yet
    await db.update(projectWarnings).set({ level: "yellow" }).where(eq(projectWarnings.id, warning.id));
    expect(await superviseProjects(db, outbox, "2026-05-03")).toBe(1);
    expect(await superviseProjects(db, outbox, "2026-05-04")).toBe(0);
    await db.update(projectWarnings).set({ level: "red" }).where(eq(projectWarnings.id, warning.id));
    expect(await superviseProjects(db, outbox, "2026-05-05")).toBe(1);
    const sent = await db
      .select({ grade: notices.grade, toUnitId: notices.toUnitId, fromUnitId: notices.fromUnitId, reason: notices.reason })
      .from(notices)
      .innerJoin(noticeProjects, eq(noticeProjects.noticeId, notices.id))
      .where(eq(noticeProjects.projectId, project.id))
      .orderBy(notices.number);
    expect(sent.map((n) => n.grade)).toEqual(["yellow", "red"]);
    expect(sent[1]).toMatchObject({
      toUnitId: lead.id,
      fromUnitId: office.id,
      reason: { type: "project_warning", kind: "no_report", level: "red" },
    });
  });
});
