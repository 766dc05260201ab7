import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndicator, buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { RegionRow } from "../../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let city: RegionRow;
let office: Agent;
let viewer: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  city = await buildRegion(db, { level: "city", name: "嘉兴市", nameEn: "Jiaxing" });
  const parts: RegionRow[] = [];
  for (const [name, nameEn] of [
    ["南湖区", "Nanhu"],
    ["秀洲区", "Xiuzhou"],
    ["嘉善县", "Jiashan"],
  ])
    parts.push(await buildRegion(db, { parent: city, name, nameEn }));
  const dcs = await buildUnit(db, { region: city, name: "嘉兴市委市政府督查室" });
  const iva = await buildIndicator(db, { code: "IVA", nameZh: "规模以上工业增加值", nameEn: "Industrial value added" });
  office = await t.signIn(await buildUser(db, { unit: dcs, roles: ["coordinator"], locale: "zh-CN" }));
  const bureau = await buildUnit(db, { region: city, name: "嘉兴市统计局" });
  viewer = await t.signIn(await buildUser(db, { unit: bureau, roles: ["viewer"] }));
  const figures: [number, string, number][] = [
    [0, "2025-06", 512.4],
    [0, "2026-06", 548.27],
    [1, "2025-06", 296.02],
    [1, "2026-06", 301.55],
    [2, "2025-06", 131.5],
    [2, "2026-06", 120],
  ];
  const res = await office.put(`/api/indicators/${iva.id}/values`, {
    values: figures.map(([i, period, value]) => ({ regionId: parts[i].id, period, value })),
  });
  expect(res.statusCode).toBe(200);
  await office.put(`/api/indicators/${iva.id}/targets`, {
    year: 2026,
    targets: [{ regionId: city.id, kind: "growth", amount: 6.5 }],
  });
});
afterAll(() => t.close());

describe("the month's analysis", () => {
  let id: string;
  let version: number;

  it("is drafted from the figures in the writer's language, with the regions ranked", async () => {
    const res = await office.post("/api/analyses", { month: "2026-06", regionId: city.id });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    ({ id, version } = a);
    expect(a.title).toBe("2026年1-6月嘉兴市经济运行分析");
    const text = a.sections.flatMap((s: { paragraphs: string[] }) => s.paragraphs).join("\n");
    expect(text).toContain("规模以上工业增加值969.82亿元，同比增长3.2%，低于年度目标（6.5%）3.3个百分点");
    expect(text).toContain("增速居前的是南湖区（7.0%）、秀洲区（1.9%）；居后的是嘉善县（-8.7%）");
    expect(a.figures.rows[0]).toMatchObject({ code: "IVA", light: "behind" });
    expect(a.abilities).toEqual({ update: true, delete: true });
  });

  it("refuses a month outside the years the figures can hold, naming the field (found by the fuzzer)", async () => {
    for (const month of ["0634-03", "1000-01", "2026-13"]) {
      const res = await office.post("/api/analyses", { month, regionId: city.id });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe("month");
    }
  });

  it("is edited before export; the .docx carries the edit and the figures' table", async () => {
    const current = (await viewer.get(`/api/analyses/${id}`)).json();
    const sections = current.sections.map((s: { heading: string; paragraphs: string[] }, i: number) =>
      i === 4 ? { ...s, paragraphs: [...s.paragraphs, "请各县（市、区）于月底前报送整改措施。"] } : s,
    );
    expect((await viewer.patch(`/api/analyses/${id}`, { sections, version })).statusCode).toBe(403);
    const saved = await office.patch(`/api/analyses/${id}`, { sections, version });
    expect(saved.statusCode).toBe(200);
    expect((await office.patch(`/api/analyses/${id}`, { title: "x", version })).statusCode).toBe(409);

    const doc = await viewer.get(`/api/analyses/${id}/docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers["content-type"]).toContain("wordprocessingml");
    const { value } = await mammoth.extractRawText({ buffer: doc.rawPayload });
    expect(value).toContain("2026年1-6月嘉兴市经济运行分析");
    expect(value).toContain("五、下一步工作建议");
    expect(value).toContain("请各县（市、区）于月底前报送整改措施。");
    expect(value).toContain("969.82");
    expect(value).toContain("落后于目标");
    // The viewer downloads it, but it is the drafting office's document.
    expect(value).toContain("嘉兴市委市政府督查室");
  });

  it("is listed by month, and deleted by an office", async () => {
    const list = (await viewer.get("/api/analyses?month=2026-06")).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(list.total).toBe(1);
    expect((await viewer.get("/api/analyses?month=2026-05")).json().items).toEqual([]);
    expect((await office.request("DELETE", `/api/analyses/${id}`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/analyses/${id}`)).statusCode).toBe(404);
  });

  it("a month written wrongly is refused with the field", async () => {
    const res = await office.post("/api/analyses", { month: "2026-6" });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe("month");
  });
});
