import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildRegion, buildReport, buildTask, buildUnit, buildUser } from "../../../db/factories.js";
import type { MeetingRow, UnitRow } from "../../../db/schema.js";
import type { MeetingOut } from "../../../schemas/meetings.js";
import type { TaskOut } from "../../../schemas/tasks.js";
import { todayIso } from "../../clock.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let office: Agent;
let leadReporter: Agent;
let coReporter: Agent;
let strangerReporter: Agent;
let officeUnit: UnitRow;
let leadUnit: UnitRow;
let coUnit: UnitRow;
let meeting: MeetingRow;
let directiveId: string;

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]), Buffer.alloc(64, 7)]);
const year = todayIso().slice(0, 4);
const base = (over: Record<string, unknown> = {}) => ({
  title: "加快推进重大项目建设",
  leadUnitId: leadUnit.id,
  coUnitIds: [coUnit.id],
  responsibleLeader: "张副市长",
  startOn: `${year}-01-01`,
  dueOn: `${year}-12-31`,
  targetKind: "quantity",
  targetValue: 30,
  targetUnit: "个",
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const city = await buildRegion(db, { level: "city" });
  const county = await buildRegion(db, { parent: city });
  officeUnit = await buildUnit(db, { region: city, name: "督查室" });
  leadUnit = await buildUnit(db, { region: city, name: "发改委" });
  coUnit = await buildUnit(db, { region: city, name: "经信局" });
  office = await t.signIn(await buildUser(db, { unit: officeUnit, roles: ["coordinator"], displayName: "督查员" }));
  leadReporter = await t.signIn(await buildUser(db, { unit: leadUnit, roles: ["reporter"], displayName: "发改联络员" }));
  coReporter = await t.signIn(await buildUser(db, { unit: coUnit, roles: ["reporter"] }));
  strangerReporter = await t.signIn(await buildUser(db, { unit: await buildUnit(db, { region: county }), roles: ["reporter"] }));
  meeting = await buildMeeting(db, { unit: officeUnit, directiveTexts: ["要加快推进重大项目建设，确保30个项目开工"] });
  const m = (await office.get(`/api/meetings/${meeting.id}`)).json() as MeetingOut;
  directiveId = m.directives[0].id;
});
afterAll(() => t.close());

async function createTask(over: Record<string, unknown> = {}): Promise<TaskOut> {
  const res = await office.post("/api/tasks", base({ directiveIds: [directiveId], ...over }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("creating tasks from directives", () => {
  it("a coordinator decomposes a directive into tasks for two lead units at once; the directive knows", async () => {
    const res = await office.post("/api/tasks/batch", {
      tasks: [base({ directiveIds: [directiveId] }), base({ directiveIds: [directiveId], leadUnitId: coUnit.id, coUnitIds: [] })],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { items } = res.json();
    expect(items.map((i: TaskOut) => [i.leadUnit.name, i.state, i.sourceMeetings[0].title])).toEqual([
      ["发改委", "assigned", meeting.title],
      ["经信局", "assigned", meeting.title],
    ]);
    const implemented = (await office.get("/api/directives?implemented=true")).json();
    expect(implemented.items.map((d: { id: string; taskCount: number }) => [d.id, d.taskCount])).toEqual([[directiveId, 2]]);
    expect((await office.get("/api/directives?implemented=false")).json().total).toBe(0);
  });

  it("400 per field, and a batch with one bad task saves none", async () => {
    const before = (await office.get("/api/tasks")).json().total;
    const res = await office.post("/api/tasks/batch", {
      tasks: [base(), base({ dueOn: `${year}-01-01`, startOn: `${year}-02-01`, leadUnitId: coUnit.id, coUnitIds: [coUnit.id] })],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ field: "tasks.1.dueOn", message: "The start cannot be after the end" }]);
    const lead = await office.post("/api/tasks/batch", { tasks: [base(), base({ coUnitIds: [leadUnit.id] })] });
    expect(lead.json().fields).toEqual([
      { field: "tasks.1.coUnitIds.0", message: "The lead unit cannot also be a co-operating unit" },
    ]);
    expect((await office.get("/api/tasks")).json().total).toBe(before);
    const noTarget = await office.post("/api/tasks", base({ targetValue: null }));
    expect(noTarget.json().fields).toEqual([{ field: "targetValue", message: "Required" }]);
  });

  it("a directive with tasks cannot be removed from its meeting", async () => {
    const m = (await office.get(`/api/meetings/${meeting.id}`)).json() as MeetingOut;
    const res = await office.patch(`/api/meetings/${meeting.id}`, { version: m.version, directives: [] });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe("This directive has tasks implementing it and cannot be removed");
  });
});

describe("the life of a task", () => {
  it("sign for, report with a photo, review, request completion, verify — each step in the history", async () => {
    let task = await createTask();
    expect(task.abilities.actions).toEqual(["cancel"]);
    // The lead unit sees what it may do; others cannot step it.
    const seen = (await leadReporter.get(`/api/tasks/${task.id}`)).json() as TaskOut;
    expect(seen.abilities.actions).toEqual(["accept", "return"]);
    expect((await coReporter.post(`/api/tasks/${task.id}/steps`, { action: "accept", version: task.version })).statusCode).toBe(
      403,
    );
    expect((await strangerReporter.get(`/api/tasks/${task.id}`)).statusCode).toBe(403);

    let res = await leadReporter.post(`/api/tasks/${task.id}/steps`, { action: "accept", version: task.version });
    expect(res.statusCode, res.body).toBe(200);
    task = res.json();
    expect(task.state).toBe("accepted");

    const upload = await leadReporter.request("POST", "/api/attachments", JPEG, {
      "content-type": "application/octet-stream",
      "x-file-name": encodeURIComponent("现场照片.jpg"),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const photo = upload.json();
    expect(photo).toMatchObject({ name: "现场照片.jpg", mime: "image/jpeg", size: JPEG.length });

    res = await leadReporter.post(`/api/tasks/${task.id}/reports`, {
      narrative: "12个项目已开工",
      percent: 40,
      measuredValue: 12,
      attachmentIds: [photo.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({ period: task.currentPeriod, review: "pending", unit: { name: "发改委" } });
    expect(report.attachments.map((a: { name: string }) => a.name)).toEqual(["现场照片.jpg"]);

    task = (await office.get(`/api/tasks/${task.id}`)).json();
    expect(task).toMatchObject({ state: "in_progress", progress: 40, measuredValue: 12 });
    const file = await office.get(`/api/attachments/${photo.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("image/jpeg");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.rawPayload.equals(JPEG)).toBe(true);
    expect((await strangerReporter.get(`/api/attachments/${photo.id}`)).statusCode).toBe(403);

    const toReview = async () =>
      ((await office.get("/api/my-work")).json().review.items as TaskOut[]).map((i) => i.id).includes(task.id);
    expect(await toReview()).toBe(true);
    const note = await coReporter.post(`/api/tasks/${task.id}/reports`, { kind: "note", narrative: "配合完成用地审批" });
    expect(note.statusCode, note.body).toBe(201);
    expect(note.json().review).toBeNull();
    expect((await coReporter.post(`/api/tasks/${task.id}/reports`, { narrative: "x", percent: 90 })).statusCode).toBe(403);

    const back = await office.post(`/api/reports/${report.id}/review`, { decision: "returned" });
    expect(back.json().fields).toEqual([{ field: "reason", message: "Required" }]);
    const accepted = await office.post(`/api/reports/${report.id}/review`, { decision: "accepted" });
    expect(accepted.json().review).toBe("accepted");
    expect((await office.post(`/api/reports/${report.id}/review`, { decision: "accepted" })).statusCode).toBe(409);
    // Reviewed: it leaves the office's review list (a co-unit's note is not for review).
    expect(await toReview()).toBe(false);

    task = (await office.get(`/api/tasks/${task.id}`)).json();
    const noReason = await leadReporter.post(`/api/tasks/${task.id}/steps`, {
      action: "request_completion",
      version: task.version,
    });
    expect(noReason.json().fields).toEqual([{ field: "reason", message: "Required" }]);
    res = await leadReporter.post(`/api/tasks/${task.id}/steps`, {
      action: "request_completion",
      reason: "30个项目全部开工",
      version: task.version,
    });
    task = res.json();
    expect(task.state).toBe("completion_requested");
    res = await office.post(`/api/tasks/${task.id}/steps`, { action: "verify", version: task.version });
    task = res.json();
    expect(task).toMatchObject({ state: "closed", progress: 100, light: null });
    expect(task.events.map((e) => e.kind).reverse()).toEqual([
      "created",
      "accept",
      "start",
      "report",
      "note",
      "report_accepted",
      "request_completion",
      "verify",
    ]);
    const audit = (await t.signIn(await buildUser(t.database.db, { unit: officeUnit, roles: ["admin"] }))).get(
      `/api/audit?entityId=${task.id}`,
    );
    expect((await audit).json().items.map((e: { action: string }) => e.action)).toContain("task.verify");
  });

  it("the lead unit returns a task with a reason; the office reassigns it", async () => {
    let task = await createTask();
    const res = await leadReporter.post(`/api/tasks/${task.id}/steps`, {
      action: "return",
      reason: "不属于本单位职责",
      version: task.version,
    });
    task = res.json();
    expect(task.state).toBe("returned");
    expect(task.events[0]).toMatchObject({
      kind: "return",
      reason: "不属于本单位职责",
      fromState: "assigned",
      toState: "returned",
    });
    const work = (await office.get("/api/my-work")).json();
    expect(work.reassign.items.map((i: TaskOut) => i.id)).toContain(task.id);
    const moved = await office.patch(`/api/tasks/${task.id}`, { leadUnitId: coUnit.id, coUnitIds: [], version: task.version });
    expect(moved.json()).toMatchObject({ state: "assigned", leadUnit: { id: coUnit.id } });
  });

  it("a deadline change needs a reason and is kept; a stale edit is 409 with the current task", async () => {
    const task = await createTask();
    const none = await office.patch(`/api/tasks/${task.id}`, { dueOn: `${year}-11-30`, version: task.version });
    expect(none.json().fields).toEqual([{ field: "deadlineReason", message: "Give a reason for changing the deadline" }]);
    const ok = await office.patch(`/api/tasks/${task.id}`, {
      dueOn: `${year}-11-30`,
      deadlineReason: "提前完成",
      version: task.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().events.find((e: { kind: string }) => e.kind === "deadline")).toMatchObject({
      reason: "提前完成",
      data: { from: `${year}-12-31`, to: `${year}-11-30` },
    });
    const stale = await office.patch(`/api/tasks/${task.id}`, { title: "lost", version: task.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ id: task.id, dueOn: `${year}-11-30`, version: task.version + 1 });
  });

  it("a coordinator overrides the light with a reason (audited), and clears it", async () => {
    const task = await createTask();
    const noReason = await office.post(`/api/tasks/${task.id}/light`, { light: "red", version: task.version });
    expect(noReason.json().fields).toEqual([{ field: "reason", message: "Required" }]);
    const red = await office.post(`/api/tasks/${task.id}/light`, { light: "red", reason: "现场检查滞后", version: task.version });
    expect(red.json()).toMatchObject({ light: "red", lightReasons: ["override"], lightOverridden: true });
    expect((await office.get("/api/tasks?light=red")).json().items.map((i: TaskOut) => i.id)).toContain(task.id);
    const cleared = await office.post(`/api/tasks/${task.id}/light`, { light: null, version: red.json().version });
    expect(cleared.json()).toMatchObject({ lightOverridden: false });
    expect(cleared.json().light).not.toBeNull();
  });
});

describe("decomposition", () => {
  it("sub-tasks roll their progress up to the parent by weight", async () => {
    const parent = await createTask({ title: "父任务" });
    const a = await createTask({ title: "子任务 A", parentId: parent.id, weight: 3, directiveIds: [] });
    const b = await createTask({ title: "子任务 B", parentId: parent.id, weight: 1, directiveIds: [] });
    expect(a.path.map((p) => p.id)).toEqual([parent.id]);
    for (const child of [a, b]) {
      const accepted = (
        await leadReporter.post(`/api/tasks/${child.id}/steps`, { action: "accept", version: child.version })
      ).json();
      const res = await leadReporter.post(`/api/tasks/${accepted.id}/reports`, {
        narrative: "进展",
        percent: child.id === a.id ? 100 : 20,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const p = (await office.get(`/api/tasks/${parent.id}`)).json() as TaskOut;
    expect(p.progress).toBe(80);
    expect(p.children.map((c) => [c.title, c.progress])).toEqual([
      ["子任务 A", 100],
      ["子任务 B", 20],
    ]);
    expect((await office.get(`/api/tasks?parentId=${parent.id}`)).json().total).toBe(2);
  });
});

describe("lists and my work", () => {
  it("filters by unit, state and meeting, sorts, pages, and leaves other units' tasks out", async () => {
    const all = (await office.get("/api/tasks?limit=3&sort=number&order=desc")).json();
    expect(all.items).toHaveLength(3);
    expect(all.items[0].number).toBeGreaterThan(all.items[1].number);
    const next = (await office.get(`/api/tasks?limit=3&sort=number&order=desc&cursor=${all.nextCursor}`)).json();
    expect(next.items[0].number).toBeLessThan(all.items[2].number);
    const byMeeting = (await office.get(`/api/tasks?meetingId=${meeting.id}`)).json();
    expect(byMeeting.total).toBeGreaterThan(0);
    const led = (await leadReporter.get(`/api/tasks?unitId=${leadUnit.id}&state=assigned`)).json();
    expect(led.items.every((i: TaskOut) => i.state === "assigned")).toBe(true);
    expect((await strangerReporter.get("/api/tasks")).json().total).toBe(0);
    expect((await office.get("/api/tasks?cursor=bad")).statusCode).toBe(400);
  });

  it("my work: what the lead unit must sign for and report on, most urgent first", async () => {
    const work = (await leadReporter.get("/api/my-work")).json();
    expect(work.sign.total).toBeGreaterThan(0);
    expect(work.sign.items.every((i: TaskOut) => i.state === "assigned" && i.leadUnit.id === leadUnit.id)).toBe(true);
    expect(work.verify).toBeUndefined();
  });

  it("my work sends each list's ten most urgent, red before yellow before green, then by deadline, and counts them all", async () => {
    const db = t.database.db;
    const unit = await buildUnit(db, { name: "十项测试单位" });
    const reporter = await t.signIn(await buildUser(db, { unit, roles: ["reporter"] }));
    const lights = ["green", "red", "yellow"] as const;
    for (let i = 0; i < 14; i++)
      await buildTask(db, {
        title: `紧急排序 ${i}`,
        ownerUnitId: officeUnit.id,
        leadUnitId: unit.id,
        light: lights[i % 3],
        dueOn: `2027-0${1 + (i % 9)}-1${i % 10}`,
      });
    const sign = (await reporter.get("/api/my-work")).json().sign;
    expect(sign.total).toBe(14);
    expect(sign.items).toHaveLength(10);
    const rank = { red: 0, yellow: 1, green: 2 } as Record<string, number>;
    const keys = sign.items.map((i: TaskOut) => `${rank[i.light as string]} ${i.dueOn}`);
    expect(keys).toEqual([...keys].sort());
    // The ten are the first ten of all fourteen in that order: the 5 red, the 4 yellow, 1 green.
    expect(keys.map((k: string) => k[0]).join("")).toBe("0000011112");
  });

  it("my work lists an accepted task not yet reported on under 'to report', and one sent back under 'to fix'", async () => {
    const db = t.database.db;
    const unit = await buildUnit(db, { name: "待报单位" });
    const reporter = await t.signIn(await buildUser(db, { unit, roles: ["reporter"] }));
    const fresh = await buildTask(db, { title: "尚未报送", ownerUnitId: officeUnit.id, leadUnitId: unit.id, state: "accepted" });
    const sentBack = await buildTask(db, {
      title: "被退回",
      ownerUnitId: officeUnit.id,
      leadUnitId: unit.id,
      state: "in_progress",
    });
    await buildReport(db, { task: sentBack, review: "returned" });
    const work = (await reporter.get("/api/my-work")).json();
    expect(work.report).toMatchObject({
      total: 1,
      items: [{ id: fresh.id, title: "尚未报送", leadUnit: { id: unit.id, name: "待报单位" } }],
    });
    expect(work.fix).toMatchObject({ total: 1, items: [{ id: sentBack.id, state: "in_progress" }] });
    expect(work.sign.total).toBe(0);
  });

  it("counts a list once for all its pages; the rows are always fresh, and a change through the server recounts", async () => {
    const db = t.database.db;
    const find = async (limit = 25) => (await office.get(`/api/tasks?q=${encodeURIComponent("计数专项")}&limit=${limit}`)).json();
    await buildTask(db, { title: "计数专项 一", ownerUnitId: officeUnit.id, leadUnitId: leadUnit.id });
    expect(await find()).toMatchObject({ total: 1, items: [{ title: "计数专项 一" }] });
    // Added behind the server's back (another server, a job): the page shows it, the count lags.
    await buildTask(db, { title: "计数专项 二", ownerUnitId: officeUnit.id, leadUnitId: leadUnit.id });
    const lagging = await find(1);
    expect(lagging.total).toBe(1);
    expect(lagging.nextCursor).not.toBeNull();
    expect((await find()).items).toHaveLength(2);
    await office.post("/api/tasks", base({ title: "计数专项 三" }));
    expect(await find()).toMatchObject({ total: 3 });
  });
});

describe("uploads", () => {
  it("refuses files whose content is not what their name says, and names with a path keep only the name", async () => {
    const send = (name: string, body: Buffer) =>
      leadReporter.request("POST", "/api/attachments", body, { "content-type": "application/octet-stream", "x-file-name": name });
    const exe = await send("photo.jpg", Buffer.from("MZ\x90\x00 this is a program"));
    expect(exe.json().fields).toEqual([
      { field: "file", message: "Only photos, videos, PDF, Word or Excel files whose content matches their name" },
    ]);
    expect((await send("page.html", Buffer.from("<script>alert(1)</script>"))).statusCode).toBe(400);
    const traversal = await send("../../etc/passwd.jpg", JPEG);
    expect(traversal.json().name).toBe("passwd.jpg");
  });
});

describe("milestones", () => {
  it("the lead unit marks a milestone done (not in the future), can undo it, and the history keeps both", async () => {
    const today = todayIso();
    const task = await createTask({
      startOn: `${year}-01-01`,
      milestones: [
        { title: "完成用地审批", dueOn: `${year}-03-31` },
        { title: "主体开工", dueOn: `${year}-09-30` },
      ],
    });
    const lead = (await leadReporter.get(`/api/tasks/${task.id}`)).json() as TaskOut;
    expect(lead.abilities.milestones).toBe(true);
    expect((await coReporter.get(`/api/tasks/${task.id}`)).json().abilities.milestones).toBe(false);
    const [first] = lead.milestones;

    const future = await leadReporter.post(`/api/milestones/${first.id}/done`, { doneOn: `${Number(year) + 1}-01-01` });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields).toEqual([{ field: "doneOn", message: "The date cannot be after today" }]);
    expect((await coReporter.post(`/api/milestones/${first.id}/done`, { doneOn: today })).statusCode).toBe(403);

    const done = await leadReporter.post(`/api/milestones/${first.id}/done`, { doneOn: today });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().milestones.map((m: { doneOn: string | null }) => m.doneOn)).toEqual([today, null]);
    expect(done.json().version).toBe(lead.version + 1);
    const undone = await office.post(`/api/milestones/${first.id}/done`, { doneOn: null });
    expect(undone.json().milestones[0].doneOn).toBeNull();
    expect(
      undone
        .json()
        .events.slice(0, 2)
        .map((e: { kind: string }) => e.kind),
    ).toEqual(["milestone_reopened", "milestone"]);
  });
});

describe("searching tasks", () => {
  it("finds a title by any part of it, Chinese or Latin in any case, or a task by its number", async () => {
    const task = await createTask({ title: "推进Digital化改革：数字乡村建设三年行动" });
    const found = async (q: string) =>
      ((await office.get(`/api/tasks?open=true&q=${encodeURIComponent(q)}`)).json().items as TaskOut[]).some(
        (i) => i.id === task.id,
      );
    expect(await found("数字乡村")).toBe(true);
    expect(await found("digital化")).toBe(true);
    expect(await found("DIGITAL")).toBe(true);
    expect(await found("改革：数字")).toBe(true);
    expect(await found("乡")).toBe(true);
    expect(await found(`#${task.number}`)).toBe(true);
    // Its characters, but not side by side.
    expect(await found("乡数")).toBe(false);
    expect(await found("数字城市")).toBe(false);
  });
});
