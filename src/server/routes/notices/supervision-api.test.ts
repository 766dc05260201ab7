import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildTask, buildUnit, buildUser } from "../../../db/factories.js";
import { projects, projectWarnings, type TaskRow, type UnitRow } from "../../../db/schema.js";
import { todayIso } from "../../clock.js";
import { superviseTasks } from "../../jobs/supervise.js";
import { outboxOptions } from "../../notify/notify.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let office: UnitRow;
let lead: UnitRow;
let late: TaskRow;
let coordinator: Agent;
let reporter: Agent;
let leader: Agent;
const today = todayIso();
const daysAgo = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const region = await buildRegion(db, { level: "city" });
  office = await buildUnit(db, { region, name: "督查室" });
  lead = await buildUnit(db, { region, name: "交通局" });
  coordinator = await t.signIn(await buildUser(db, { unit: office, roles: ["coordinator"] }));
  reporter = await t.signIn(await buildUser(db, { unit: lead, roles: ["reporter"] }));
  leader = await t.signIn(await buildUser(db, { unit: office, roles: ["leader"] }));
  late = await buildTask(db, {
    owner: office,
    lead,
    title: "高速公路互通改造",
    state: "in_progress",
    startOn: daysAgo(200),
    dueOn: daysAgo(12),
    light: "red",
  });
  await buildTask(db, {
    owner: office,
    lead,
    title: "港区码头扩建",
    state: "closed",
    startOn: daysAgo(200),
    dueOn: daysAgo(20),
    closedAt: new Date(Date.parse(daysAgo(25))).toISOString(),
  });
});
afterAll(() => t.close());

describe("notices", () => {
  it("a coordinator urges a unit; the unit sees it in its inbox, opens it and replies; the office is told", async () => {
    const res = await coordinator.post("/api/notices", {
      taskIds: [late.id],
      kind: "urge",
      body: "请说明逾期原因",
      replyBy: today,
    });
    expect(res.statusCode).toBe(201);
    const [notice] = res.json().items;
    expect(notice).toMatchObject({ kind: "urge", toUnit: { id: lead.id }, state: "awaiting", recipients: 1, automatic: false });

    const inbox = (await reporter.get("/api/notifications")).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "notice.issued",
      path: `/notices/${notice.id}`,
      subject: expect.stringContaining("Urge notice"),
    });

    expect((await reporter.post(`/api/notices/${notice.id}/read`)).statusCode).toBe(200);
    const bad = await reporter.post(`/api/notices/${notice.id}/reply`, { explanation: "", plan: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([expect.objectContaining({ field: "explanation" })]);
    const replied = await reporter.post(`/api/notices/${notice.id}/reply`, { explanation: "征迁滞后", plan: "下月底完成" });
    expect(replied.json()).toMatchObject({ state: "replied", replyText: "征迁滞后", replyPlan: "下月底完成", canReply: false });
    expect(replied.json().readAt).not.toBeNull();
    expect((await reporter.post(`/api/notices/${notice.id}/reply`, { explanation: "again", plan: "again" })).statusCode).toBe(
      409,
    );
    const officeInbox = (await coordinator.get("/api/notifications?unread=true")).json();
    expect(officeInbox.items.map((n: { kind: string }) => n.kind)).toContain("notice.replied");

    // A unit cannot urge, and cannot reply for another unit.
    expect(
      (await reporter.post("/api/notices", { taskIds: [late.id], kind: "urge", body: "x", replyBy: today })).statusCode,
    ).toBe(403);
    expect((await coordinator.post(`/api/notices/${notice.id}/reply`, { explanation: "x", plan: "y" })).statusCode).toBe(403);
  });

  it("refuses a reply date in the past and a task that is not running, naming the field", async () => {
    const past = await coordinator.post("/api/notices", { taskIds: [late.id], kind: "urge", body: "x", replyBy: daysAgo(1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields[0].field).toBe("replyBy");
  });
});

describe("e-mail copies", () => {
  it("each person turns e-mail copies of notices off and on for themselves", async () => {
    expect((await reporter.get("/api/auth/session")).json().user).toMatchObject({ notifyByEmail: true, hasEmail: false });
    expect((await reporter.put("/api/auth/email-notices", { notifyByEmail: false })).statusCode).toBe(200);
    expect((await reporter.get("/api/auth/session")).json().user.notifyByEmail).toBe(false);
    expect((await reporter.put("/api/auth/email-notices", { notifyByEmail: "no" })).statusCode).toBe(400);
    await reporter.put("/api/auth/email-notices", { notifyByEmail: true });
  });
});

describe("instructions", () => {
  it("a leader's instruction on a task reaches its lead unit, which acknowledges it once", async () => {
    const res = await leader.post("/api/instructions", { subjectType: "task", subjectId: late.id, text: "务必在汛期前完成" });
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made.units).toEqual([expect.objectContaining({ id: lead.id, acknowledgedAt: null })]);
    const pending = (await reporter.get("/api/instructions?pending=true")).json();
    expect(pending.items.map((i: { id: string }) => i.id)).toContain(made.id);
    expect(pending.items[0].canAcknowledge).toBe(true);
    const ack = await reporter.post(`/api/instructions/${made.id}/acknowledge`);
    expect(ack.json().units[0].acknowledgedAt).not.toBeNull();
    expect((await reporter.post(`/api/instructions/${made.id}/acknowledge`)).statusCode).toBe(409);
    expect((await coordinator.post("/api/instructions", { subjectType: "task", subjectId: late.id, text: "x" })).statusCode).toBe(
      403,
    );
  });
});

describe("bulletins", () => {
  it("refuses an empty period and a period the wrong way round, with the field", async () => {
    const empty = await coordinator.post("/api/bulletins", { periodFrom: "2001-01-01", periodTo: "2001-01-31" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0]).toMatchObject({ field: "periodFrom", message: expect.stringContaining("Nothing to report") });
    const backwards = await coordinator.post("/api/bulletins", { periodFrom: daysAgo(1), periodTo: daysAgo(30) });
    expect(backwards.json().fields[0].field).toBe("periodTo");
    const elsewhere = await buildRegion(t.database.db, { level: "city" });
    const outside = await coordinator.post("/api/bulletins", {
      periodFrom: daysAgo(30),
      periodTo: today,
      regionId: elsewhere.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0].field).toBe("regionId");
  });

  it("generates, edits, publishes, is read by the unit, and exports a .docx listing what the screen lists", async () => {
    await superviseTasks(t.database.db, outboxOptions(t.config), today);
    const [project] = await t.database.db
      .insert(projects)
      .values({
        code: "JX-RED-1",
        name: "红色预警码头",
        regionId: lead.regionId,
        leadUnitId: lead.id,
        category: "infrastructure",
        level: "city",
        totalInvestment: 5000,
      })
      .returning();
    await t.database.db
      .insert(projectWarnings)
      .values({ projectId: project.id, key: "no_report", kind: "no_report", level: "red", detail: {}, raisedOn: today });
    const made = await coordinator.post("/api/bulletins", { periodFrom: daysAgo(60), periodTo: today });
    expect(made.statusCode).toBe(201);
    const b = made.json();
    expect(b.content.overdue).toEqual([expect.objectContaining({ taskId: late.id, number: late.number, daysLate: 12 })]);
    expect(b.content.rankings).toEqual([
      expect.objectContaining({ unitId: lead.id, due: 2, closed: 1, closedOnTime: 1, overdue: 1, rank: 1 }),
    ]);
    expect(b.content.supervision.length).toBeGreaterThan(0);
    expect(b.content.projects).toEqual([expect.objectContaining({ code: "JX-RED-1", kinds: ["no_report"] })]);

    const edited = await coordinator.patch(`/api/bulletins/${b.id}`, { opening: "现将情况通报如下。", version: b.version });
    expect(edited.json().opening).toBe("现将情况通报如下。");
    expect((await coordinator.patch(`/api/bulletins/${b.id}`, { opening: "stale", version: b.version })).statusCode).toBe(409);
    // Units do not see drafts.
    expect((await reporter.get(`/api/bulletins/${b.id}`)).statusCode).toBe(403);

    const published = await coordinator.post(`/api/bulletins/${b.id}/publish`, { version: edited.json().version });
    expect(published.json()).toMatchObject({
      state: "published",
      receipts: [expect.objectContaining({ unitId: lead.id, readAt: null })],
    });
    expect((await reporter.get("/api/notifications")).json().items[0]).toMatchObject({ kind: "bulletin.published" });
    expect((await reporter.post(`/api/bulletins/${b.id}/read`)).statusCode).toBe(200);
    const read = (await coordinator.get(`/api/bulletins/${b.id}`)).json();
    expect(read.receipts[0].readAt).not.toBeNull();
    expect(read.read).toBe(1);

    // In the reader's language: English first, then Chinese.
    const en = await reporter.get(`/api/bulletins/${b.id}/docx`);
    const { value: enText } = await mammoth.extractRawText({ buffer: en.rawPayload });
    for (const section of [
      "1. Overview",
      "2. Overdue tasks",
      "3. Red-light tasks",
      "4. Unit rankings",
      "5. Projects under a red warning",
      "6. Supervision and unanswered notices",
    ])
      expect(enText).toContain(section);
    await reporter.put("/api/auth/locale", { locale: "zh-CN" });
    const docx = await reporter.get(`/api/bulletins/${b.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain("督查室");
    expect(text).toContain(read.title);
    expect(text).toContain("现将情况通报如下。");
    for (const section of [
      "一、总体情况",
      "二、逾期任务",
      "三、红灯任务",
      "四、单位排名",
      "五、红色预警项目",
      "六、督办及未回复通知",
    ])
      expect(text).toContain(section);
    for (const line of read.content.overdue) {
      expect(text).toContain(`#${line.number}`);
      expect(text).toContain(line.title);
    }
    for (const n of read.content.supervision) expect(text).toContain(String(n.number));
    for (const r of read.content.rankings) expect(text).toContain(r.unit);
    expect(text).toContain("JX-RED-1");
    expect(text).toContain("未按时填报");
    // The task numbers link to their records.
    const { value: html } = await mammoth.convertToHtml({ buffer: docx.rawPayload });
    expect(html).toContain(`/tasks/${late.id}`);
    // Published means fixed.
    expect((await coordinator.patch(`/api/bulletins/${b.id}`, { opening: "x", version: read.version })).statusCode).toBe(409);
  });
});
