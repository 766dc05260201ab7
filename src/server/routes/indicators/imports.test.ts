import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndicator, buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { IndicatorRow, RegionRow } from "../../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let city: RegionRow;
let iva: IndicatorRow;
let trade: IndicatorRow;
let statistician: Agent;
let office: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  city = await buildRegion(db, { level: "city", name: "嘉兴市" });
  for (const name of ["南湖区", "秀洲区"]) await buildRegion(db, { parent: city, name });
  const bureau = await buildUnit(db, { region: city, name: "市统计局" });
  const commerce = await buildUnit(db, { region: city, name: "市商务局" });
  const dcs = await buildUnit(db, { region: city, name: "督查室" });
  iva = await buildIndicator(db, { code: "IVA", nameZh: "规模以上工业增加值", sourceUnitId: bureau.id });
  trade = await buildIndicator(db, { code: "TRADE", nameZh: "进出口总额", sourceUnitId: commerce.id });
  statistician = await t.signIn(await buildUser(db, { unit: bureau, roles: ["reporter"] }));
  office = await t.signIn(await buildUser(db, { unit: dcs, roles: ["coordinator"] }));
});
afterAll(() => t.close());

async function workbook(rows: (string | number)[][], name = "2026年1-10月") {
  const book = new ExcelJS.Workbook();
  book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const upload = (agent: Agent, body: Buffer, query = "") =>
  agent.request("POST", `/api/indicator-imports?regionId=${city.id}${query}`, body, {
    "x-file-name": encodeURIComponent("10月快报.xlsx"),
  });

describe("importing a statistics sheet", () => {
  it("previews what is new, then imports it whole; the same sheet again changes nothing", async () => {
    const sheet = await workbook([
      ["嘉兴市2026年1-10月主要经济指标"],
      ["指标", "全市", "增长%", "南湖区", "增长%", "秀洲区", "增长%"],
      ["规模以上工业增加值（亿元）", 1905.6, 6.8, 310.2, 7.1, 250, -1.2],
    ]);
    const preview = await upload(statistician, sheet);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ committed: false, total: 3, fresh: 3, revised: 0, unchanged: 0 });
    expect(preview.json().sheets[0]).toMatchObject({ layout: "regions_across", period: "2026-10", cells: 3 });
    expect(
      (await statistician.get(`/api/indicators/${iva.id}/values?year=2026&regionId=${city.id}`)).json().regions[0].cells,
    ).toEqual({});

    const done = await upload(statistician, sheet, "&commit=true");
    expect(done.json()).toMatchObject({ committed: true, fresh: 3 });
    const f = (await statistician.get(`/api/indicators/${iva.id}/figures?month=2026-10&regionId=${city.id}`)).json();
    expect(f.city).toMatchObject({ value: 1905.6, growth: 6.8, growthPublished: true, summed: false });
    const history = await statistician.get(`/api/indicators/${iva.id}/revisions?regionId=${city.id}&period=2026-10`);
    expect(history.json().items[0]).toMatchObject({ source: "import", sourceName: "10月快报.xlsx", revision: 1 });

    expect((await upload(statistician, sheet, "&commit=true")).json()).toMatchObject({ fresh: 0, revised: 0, unchanged: 3 });
  });

  it("a sheet with bad cells imports nothing and lists every one", async () => {
    const sheet = await workbook([
      ["指标", "南湖区", "秀洲区", "海宁"],
      ["规模以上工业增加值", 320, "三百", 1],
      ["规上工业利润", 1, 2],
    ]);
    const res = await upload(statistician, sheet, "&commit=true");
    expect(res.statusCode).toBe(400);
    expect(res.json().problems.map((p: { row: number; column: string }) => `${p.row}${p.column}`)).toEqual(["1D", "2C", "3A"]);
    const f = (await statistician.get(`/api/indicators/${iva.id}/figures?month=2026-10&regionId=${city.id}`)).json();
    expect(f.parts[0].value).toBe(310.2);
  });

  it("figures another bureau publishes are refused, listed; an office may import them", async () => {
    const sheet = await workbook([
      ["地区", "进出口总额"],
      ["南湖区", 480],
    ]);
    const refused = await upload(statistician, sheet, "&commit=true");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().problems[0]).toMatchObject({
      row: 2,
      column: "B",
      reason: "Your unit does not publish this indicator",
    });
    const ok = await upload(office, sheet, "&commit=true");
    expect(ok.json()).toMatchObject({ committed: true, fresh: 1 });
    expect(ok.json().changes[0]).toMatchObject({
      indicator: { id: trade.id },
      region: { name: "南湖区" },
      period: "2026-10",
      to: 480,
    });
  });

  it("asks for the month when the sheet does not say it, and takes the one chosen", async () => {
    const sheet = await workbook(
      [
        ["指标", "南湖区"],
        ["IVA", 355],
      ],
      "快报",
    );
    const res = await upload(statistician, sheet);
    expect(res.statusCode).toBe(400);
    expect(res.json().problems[0].reason).toMatch(/month/);
    expect((await upload(statistician, sheet, "&period=2026-11")).json().sheets[0].period).toBe("2026-11");
  });

  it("a file that is not a workbook is refused with the reason", async () => {
    const res = await upload(statistician, Buffer.from("not a workbook"));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe("file");
  });
});
