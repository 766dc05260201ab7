import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { RegionRow, UnitRow } from "../../../db/schema.js";
import { todayIso } from "../../clock.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let region: RegionRow;
let lead: UnitRow;
let office: Agent;
const today = todayIso();
const year = Number(today.slice(0, 4));
const lastMonth =
  today.slice(5, 7) === "01" ? `${year - 1}-12` : `${year}-${String(Number(today.slice(5, 7)) - 1).padStart(2, "0")}`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  region = await buildRegion(db, { level: "city", name: "示范市" });
  const officeUnit = await buildUnit(db, { region, name: "示范市发改委" });
  lead = await buildUnit(db, { region, name: "示范市交通局" });
  office = await t.signIn(await buildUser(db, { unit: officeUnit, roles: ["coordinator"] }));
  const made = await office.post("/api/projects", {
    code: "SF-001",
    name: "示范大道快速化改造",
    regionId: region.id,
    leadUnitId: lead.id,
    category: "infrastructure",
    level: "city",
    stage: "under_construction",
    totalInvestment: 50_000,
    yearPlans: [{ year, amount: 12_000 }],
  });
  expect(made.statusCode).toBe(201);
  await office.post(`/api/projects/${made.json().id}/reports`, { period: lastMonth, amount: 900, narrative: "桥梁下部结构" });
});
afterAll(() => t.close());

async function workbook(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

const xlsx = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());

describe("project sheets", () => {
  it("exports the library and the year's monthly figures in the offices' layout", async () => {
    // In the reader's language (this coordinator reads English); an import takes either.
    const res = await office.get("/api/projects/export");
    expect(res.statusCode).toBe(200);
    const book = await workbook(res.rawPayload);
    const library = book.worksheets[0];
    expect(library.getRow(1).values).toEqual(
      expect.arrayContaining(["Code", "Project", "Total investment (10k yuan)", "This year's plan (10k yuan)"]),
    );
    expect(library.getRow(2).values).toEqual(
      expect.arrayContaining(["SF-001", "示范大道快速化改造", "示范市交通局", 50_000, 12_000]),
    );
    const months = book.worksheets[1];
    expect(months.getRow(2).values).toEqual(expect.arrayContaining(["SF-001", lastMonth, 900]));
  });

  it("imports a library with a new project and a changed one, and a monthly sheet, all at once", async () => {
    const book = await workbook((await office.get("/api/projects/export")).rawPayload);
    const library = book.worksheets[0];
    library.getRow(2).getCell(12).value = 60_000; // total investment of SF-001
    library.addRow([
      "SF-002",
      "示范新城污水处理厂",
      "示范市",
      "示范市交通局",
      "示范水务（演示）",
      "",
      "",
      "生态环保",
      "",
      "市重点",
      "在建",
      30_000,
      8000,
      "",
      "",
      "",
    ]);
    const months = book.worksheets[1];
    months.addRow(["SF-002", "", lastMonth, 1200, "主体施工"]);
    const res = await office.request("POST", "/api/project-imports", await xlsx(book), {
      "content-type": "application/octet-stream",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 1, reports: 2 });
    const list = (await office.get("/api/projects?q=SF-")).json().items;
    expect(list.map((p: { code: string; totalInvestment: number }) => [p.code, p.totalInvestment])).toEqual([
      ["SF-001", 60_000],
      ["SF-002", 30_000],
    ]);
    const second = list.find((p: { code: string }) => p.code === "SF-002");
    expect(second).toMatchObject({ category: "ecology", stage: "under_construction", invested: 1200 });
  });

  it("imports nothing when one row is wrong, and lists every bad row with its sheet, row, column and reason", async () => {
    const before = (await office.get("/api/projects?limit=200")).json().total;
    const book = new ExcelJS.Workbook();
    const library = book.addWorksheet("项目库");
    library.addRow(["项目编码", "项目名称", "所在区划", "责任单位", "项目类别", "项目级别", "总投资（万元）"]);
    library.addRow(["SF-003", "好的一行", "示范市", "示范市交通局", "产业项目", "市重点", 1000]);
    library.addRow(["SF-004", "坏的区划", "不存在市", "示范市交通局", "产业项目", "市重点", 1000]);
    library.addRow(["SF-005", "坏的类别", "示范市", "示范市交通局", "火星项目", "市重点", -5]);
    const months = book.addWorksheet("月度投资");
    months.addRow(["项目编码", "月份", "当月完成投资（万元）"]);
    months.addRow(["NOPE-1", lastMonth, 10]);
    months.addRow(["SF-001", `${year + 1}-01`, 10]);
    const res = await office.request("POST", "/api/project-imports", await xlsx(book), {
      "content-type": "application/octet-stream",
    });
    expect(res.statusCode).toBe(400);
    const problems = res.json().problems as { sheet: string; row: number; column: string; reason: string }[];
    expect(problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ["项目库", 3, "所在区划"],
      ["项目库", 4, "总投资（万元）"],
      ["项目库", 4, "项目类别"],
      ["月度投资", 2, "项目编码"],
      ["月度投资", 3, "月份"],
    ]);
    expect(problems[0].reason).toMatch(/region|区划/);
    expect((await office.get("/api/projects?limit=200")).json().total).toBe(before);
  });

  it("refuses a file that is not a workbook, or one without either header", async () => {
    const notXlsx = await office.request("POST", "/api/project-imports", Buffer.from("code,name\n1,2"), {
      "content-type": "application/octet-stream",
    });
    expect(notXlsx.statusCode).toBe(400);
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sheet1").addRow(["a", "b"]);
    const empty = await office.request("POST", "/api/project-imports", await xlsx(book), {
      "content-type": "application/octet-stream",
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().problems[0].reason).toMatch(/header|表头/);
  });
});
