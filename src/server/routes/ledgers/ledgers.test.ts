import { inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMeeting, buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import { directives, type UnitRow } from "../../../db/schema.js";
import type { ImportJobOut } from "../../../schemas/ledgers.js";
import type { TaskOut } from "../../../schemas/tasks.js";
import { todayIso } from "../../clock.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let office: Agent;
let reporter: Agent;
let officeUnit: UnitRow;
let lead: UnitRow;
let co: UnitRow;
const year = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const city = await buildRegion(db, { level: "city" });
  officeUnit = await buildUnit(db, { region: city, name: "督查室" });
  lead = await buildUnit(db, { region: city, name: "发改委" });
  co = await buildUnit(db, { region: city, name: "经信局", shortName: "市经信局" });
  office = await t.signIn(await buildUser(db, { unit: officeUnit, roles: ["coordinator"] }));
  reporter = await t.signIn(await buildUser(db, { unit: co, roles: ["reporter"] }));
  for (const [title, coUnitIds] of [
    ["加快推进重大项目建设", [co.id]],
    ['=HYPERLINK("http://evil","click")', []],
    ["优化营商环境", []],
  ] as const) {
    const res = await office.post("/api/tasks", {
      title,
      leadUnitId: lead.id,
      coUnitIds,
      responsibleLeader: "张副市长",
      startOn: `${year}-01-01`,
      dueOn: `${year + 1}-06-30`,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

async function exportLedger(agent: Agent, query = "") {
  const res = await agent.get(`/api/tasks/ledger${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

async function importBook(book: ExcelJS.Workbook): Promise<ImportJobOut> {
  const body = Buffer.from(await book.xlsx.writeBuffer());
  const res = await office.post("/api/ledger-imports", body, { "x-file-name": encodeURIComponent("台账.xlsx") });
  expect(res.statusCode, res.body).toBe(202);
  let job = res.json() as ImportJobOut;
  while (job.phase !== "done" && job.phase !== "failed") {
    await new Promise((r) => setTimeout(r, 20));
    job = (await office.get(`/api/ledger-imports/${job.id}`)).json();
  }
  return job;
}

const column = (sheet: ExcelJS.Worksheet, header: string) => {
  const headers = sheet.getRow(2).values as string[];
  return headers.indexOf(header);
};

describe("work ledger export", () => {
  it("writes the filtered list in the offices' layout, headers in the reader's language, formulas escaped", async () => {
    const book = await exportLedger(office, `?leadUnitId=${lead.id}`);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(2).values as string[]).slice(1, 11)).toEqual([
      "No.",
      "Task",
      "Source meeting",
      "Lead unit",
      "Co-operating units",
      "Responsible leader",
      "Deadline",
      "Progress",
      "State",
      "Light",
    ]);
    expect(sheet.rowCount).toBe(5);
    const row = sheet.getRow(3);
    expect(row.getCell(column(sheet, "Task")).value).toBe("加快推进重大项目建设");
    expect(row.getCell(column(sheet, "Co-operating units")).value).toBe("经信局");
    expect(row.getCell(column(sheet, "State")).value).toBe("assigned");
    expect(row.getCell(column(sheet, "Deadline")).value).toEqual(new Date(`${year + 1}-06-30T00:00:00Z`));
    // A title that starts with "=" stays text: a spreadsheet must not run it.
    expect(sheet.getRow(4).getCell(column(sheet, "Task")).value).toBe('\'=HYPERLINK("http://evil","click")');
  });

  it("names a unit whose name another unit shares with its code, and keeps dates as dates and progress as a percentage", async () => {
    const elsewhere = await buildRegion(t.database.db, { level: "city" });
    await buildUnit(t.database.db, { region: elsewhere, name: "发改委" });
    const sheet = (await exportLedger(office, `?leadUnitId=${lead.id}`)).worksheets[0];
    const row = sheet.getRow(3);
    expect(row.getCell(column(sheet, "Lead unit")).value).toBe(`发改委（${lead.code}）`);
    expect(row.getCell(column(sheet, "Co-operating units")).value).toBe("经信局");
    expect(row.getCell(column(sheet, "Deadline")).numFmt).toBe("yyyy-mm-dd");
    expect(row.getCell(column(sheet, "Start")).numFmt).toBe("yyyy-mm-dd");
    expect(row.getCell(column(sheet, "Progress")).numFmt).toBe("0%");
    expect(row.getCell(column(sheet, "Task")).numFmt).toBeUndefined();
  });

  it("in Chinese for a Chinese reader, and only the tasks the reader may see", async () => {
    expect((await reporter.put("/api/auth/locale", { locale: "zh-CN" })).statusCode).toBe(200);
    const sheet = (await exportLedger(reporter)).worksheets[0];
    expect(sheet.name).toBe("工作台账");
    expect((sheet.getRow(2).values as string[]).slice(1, 4)).toEqual(["序号", "任务", "来源会议"]);
    // The co-unit's reporter sees the one task their unit co-operates on.
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(3).getCell(2).value).toBe("加快推进重大项目建设");
    expect(sheet.getRow(3).getCell(9).value).toBe("已交办");
  });
});

describe("work ledger import", () => {
  it("re-importing an unchanged ledger changes nothing", async () => {
    const job = await importBook(await exportLedger(office));
    expect(job.result).toEqual({ ok: true, created: 0, updated: 0, unchanged: 3 });
  });

  it("creates rows without a number and updates the cells that changed, deadline with its reason", async () => {
    const book = await exportLedger(office);
    const sheet = book.worksheets[0];
    const first = sheet.getRow(3);
    const number = first.getCell(1).value as number;
    first.getCell(column(sheet, "Task")).value = "加快推进重大项目建设（含续建项目）";
    first.getCell(column(sheet, "Deadline")).value = `${year + 1}/09/30`;
    first.getCell(column(sheet, "Deadline change reason")).value = "用地审批延后";
    // The lead unit by its short name, as offices write it.
    sheet.addRow(["", "新增：推进数字化改革", "", "市经信局", "发改委", "李局长", `${year + 1}-03-31`]);
    const job = await importBook(book);
    expect(job.result).toEqual({ ok: true, created: 1, updated: 1, unchanged: 2 });

    const list = (await office.get("/api/tasks?q=数字化改革")).json();
    expect(list.items.map((i: TaskOut) => [i.title, i.leadUnit.name, i.coUnits.map((c) => c.name), i.state])).toEqual([
      ["新增：推进数字化改革", "经信局", ["发改委"], "assigned"],
    ]);
    const found = (await office.get(`/api/tasks?q=${number}`)).json().items[0] as TaskOut;
    const task = (await office.get(`/api/tasks/${found.id}`)).json();
    expect([task.title, task.dueOn]).toEqual(["加快推进重大项目建设（含续建项目）", `${year + 1}-09-30`]);
    expect(task.events.find((e: { kind: string }) => e.kind === "deadline")?.reason).toBe("用地审批延后");
    const admin = await t.signIn(await buildUser(t.database.db, { unit: officeUnit, roles: ["admin"] }));
    const audit = (await admin.get("/api/audit?action=ledger.import")).json();
    expect(audit.items[0].after).toMatchObject({ fileName: "台账.xlsx", created: 1, updated: 1 });
  });

  it("one bad row imports nothing, and every bad row is listed with its column and reason", async () => {
    const before = (await office.get("/api/tasks")).json().total;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("台账");
    sheet.addRow(["工作台账"]);
    sheet.addRow(["任务", "牵头单位", "完成时限", "配合单位"]); // another order, Chinese headers
    sheet.addRow(["好的一行", "发改委", new Date(Date.UTC(year + 1, 0, 31)), ""]);
    sheet.addRow(["单位写错", "不存在局", `${year + 1}-01-31`, ""]);
    sheet.addRow(["日期写错", "发改委", "明年春节前", ""]);
    sheet.addRow(["", "发改委", `${year + 1}-01-31`, "经信局"]);
    const job = await importBook(book);
    expect(job.result?.ok).toBe(false);
    const problems = job.result && !job.result.ok ? job.result.problems : [];
    expect(problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [4, "leadUnit", "unit_unknown"],
      [5, "dueOn", "date_format"],
      [6, "title", "required"],
    ]);
    expect(problems[0].message).toContain("No such unit");
    expect((await office.get("/api/tasks")).json().total).toBe(before);
  });

  it("a task edited after the export is not overwritten by the old ledger", async () => {
    const book = await exportLedger(office);
    const sheet = book.worksheets[0];
    const id = (await office.get("/api/tasks?q=优化营商环境")).json().items[0].id;
    const current = (await office.get(`/api/tasks/${id}`)).json();
    expect((await office.patch(`/api/tasks/${id}`, { responsibleLeader: "王副市长", version: current.version })).statusCode).toBe(
      200,
    );
    const row = sheet.getRows(3, sheet.rowCount - 2)!.find((r) => r.getCell(column(sheet, "Task")).value === "优化营商环境")!;
    row.getCell(column(sheet, "Task")).value = "优化营商环境（旧台账）";
    const job = await importBook(book);
    expect(job.result && !job.result.ok && job.result.problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [row.number, "version", "changed_since_export"],
    ]);
    expect((await office.get(`/api/tasks/${id}`)).json().responsibleLeader).toBe("王副市长");
  });

  it("refuses what is not a spreadsheet, and reporters cannot import", async () => {
    const res = await office.post("/api/ledger-imports", Buffer.from("number,task\n1,x"));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: "file", message: expect.stringContaining(".xlsx") });
    const book = await exportLedger(office);
    const denied = await reporter.post("/api/ledger-imports", Buffer.from(await book.xlsx.writeBuffer()));
    expect(denied.statusCode).toBe(403);
  });
});

describe("a task's sources and co-units in the ledger", () => {
  it("lists each source meeting once, by title, and every co-operating unit", async () => {
    const db = t.database.db;
    const water = await buildUnit(db, { regionId: officeUnit.regionId, name: "水利局" });
    const transport = await buildUnit(db, { regionId: officeUnit.regionId, name: "交通局" });
    const standing = await buildMeeting(db, {
      unit: officeUnit,
      title: "市政府常务会议",
      directiveTexts: ["抓好防汛", "抓好抗旱"],
    });
    const party = await buildMeeting(db, { unit: officeUnit, title: "市委常委会", directiveTexts: ["统筹水利建设"] });
    const directiveIds = (
      await db
        .select({ id: directives.id })
        .from(directives)
        .where(inArray(directives.meetingId, [standing.id, party.id]))
    ).map((d) => d.id);
    const res = await office.post("/api/tasks", {
      title: "水利设施建设",
      leadUnitId: water.id,
      coUnitIds: [co.id, transport.id],
      directiveIds,
      startOn: `${year}-01-01`,
      dueOn: `${year}-12-31`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const sheet = (await exportLedger(office, `?leadUnitId=${water.id}`)).worksheets[0];
    expect(sheet.rowCount).toBe(3);
    const row = sheet.getRow(3);
    expect(row.getCell(column(sheet, "Source meeting")).value).toBe("市委常委会；市政府常务会议");
    expect(
      String(row.getCell(column(sheet, "Co-operating units")).value)
        .split("、")
        .sort(),
    ).toEqual(["交通局", "经信局"]);
  });
});
