import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndicator, buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { IndicatorRow, RegionRow } from "../../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let city: RegionRow;
let parts: RegionRow[];
let indicator: IndicatorRow;
let statistician: Agent;
let office: Agent;
let otherReporter: Agent;
let viewer: Agent;
let admin: Agent;

// The hand-worked example of src/domain/indicators.test.ts: three regions, June 2026 on June 2025.
const FIGURES: Record<string, [string, number][]> = {
  A: [
    ["2025-05", 428.6],
    ["2025-06", 512.4],
    ["2025-12", 1040],
    ["2026-05", 455.1],
    ["2026-06", 548.27],
  ],
  B: [
    ["2025-05", 250],
    ["2025-06", 296.02],
    ["2025-12", 600],
    ["2026-05", 255],
    ["2026-06", 301.55],
  ],
  C: [
    ["2025-05", 110],
    ["2025-06", 131.5],
    ["2025-12", 265.6],
    ["2026-05", 100],
    ["2026-06", 120],
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  city = await buildRegion(db, { level: "city", name: "嘉兴市" });
  parts = [];
  for (const name of ["南湖区", "秀洲区", "嘉善县"]) parts.push(await buildRegion(db, { parent: city, name }));
  const bureau = await buildUnit(db, { region: city, name: "市统计局" });
  const other = await buildUnit(db, { region: city, name: "市商务局" });
  const dcs = await buildUnit(db, { region: city, name: "督查室" });
  indicator = await buildIndicator(db, { code: "IVA", nameZh: "规模以上工业增加值", sourceUnitId: bureau.id });
  statistician = await t.signIn(await buildUser(db, { unit: bureau, roles: ["reporter"] }));
  otherReporter = await t.signIn(await buildUser(db, { unit: other, roles: ["reporter"] }));
  office = await t.signIn(await buildUser(db, { unit: dcs, roles: ["coordinator"] }));
  viewer = await t.signIn(await buildUser(db, { unit: dcs, roles: ["viewer"] }));
  admin = await t.signIn(await buildUser(db, { unit: dcs, roles: ["admin"] }));
});
afterAll(() => t.close());

const values = () =>
  Object.values(FIGURES).flatMap((rows, i) => rows.map(([period, value]) => ({ regionId: parts[i].id, period, value })));

describe("indicator values and figures", () => {
  it("the bureau that publishes an indicator enters its values; another bureau may not", async () => {
    const refused = await otherReporter.put(`/api/indicators/${indicator.id}/values`, { values: values() });
    expect(refused.statusCode).toBe(403);
    const res = await statistician.put(`/api/indicators/${indicator.id}/values`, { values: values() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ saved: 15, unchanged: 0 });
    const again = await statistician.put(`/api/indicators/${indicator.id}/values`, { values: values() });
    expect(again.json()).toEqual({ saved: 0, unchanged: 15 });
  });

  it("the month's figures: the city is the sum of its parts, up 3.2%; parts ranked; shares of the increase", async () => {
    await office.put(`/api/indicators/${indicator.id}/targets`, {
      year: 2026,
      targets: [{ regionId: city.id, kind: "growth", amount: 6.5 }],
    });
    const res = await viewer.get(`/api/indicators/${indicator.id}/figures?month=2026-06&regionId=${city.id}`);
    expect(res.statusCode).toBe(200);
    const f = res.json();
    expect(f.city.summed).toBe(true);
    expect(f.city.value).toBeCloseTo(969.82, 6);
    expect(f.city.growth.toFixed(1)).toBe("3.2");
    expect(f.city.neededGrowth.toFixed(1)).toBe("9.7");
    expect(f.city.light).toBe("behind");
    expect(f.parts.map((p: { region: { name: string }; rank: number }) => [p.region.name, p.rank])).toEqual([
      ["南湖区", 1],
      ["秀洲区", 2],
      ["嘉善县", 3],
    ]);
    expect(f.parts.map((p: { share: number }) => p.share.toFixed(1))).toEqual(["120.0", "18.5", "-38.5"]);
    expect(f.trend.at(-1).value.toFixed(1)).toBe("3.2");
  });

  it("a revised value gets the next revision and the earlier one is kept", async () => {
    const res = await statistician.put(`/api/indicators/${indicator.id}/values`, {
      values: [{ regionId: parts[2].id, period: "2026-06", value: 121.35, reportedGrowth: -7.6 }],
    });
    expect(res.json()).toEqual({ saved: 1, unchanged: 0 });
    const history = await viewer.get(`/api/indicators/${indicator.id}/revisions?regionId=${parts[2].id}&period=2026-06`);
    expect(history.json().items.map((r: { revision: number; value: number }) => [r.revision, r.value])).toEqual([
      [2, 121.35],
      [1, 120],
    ]);
    const grid = await viewer.get(`/api/indicators/${indicator.id}/values?year=2026&regionId=${city.id}`);
    const row = grid.json().regions.find((r: { id: string }) => r.id === parts[2].id);
    expect(row.cells["2026-06"]).toEqual({ value: 121.35, reportedGrowth: -7.6, revision: 2 });
    expect(grid.json().periods).toHaveLength(12);
    const f = (await viewer.get(`/api/indicators/${indicator.id}/figures?month=2026-06&regionId=${city.id}`)).json();
    const c = f.parts.find((p: { region: { id: string } }) => p.region.id === parts[2].id);
    expect(c.growth).toBe(-7.6);
    expect(c.growthPublished).toBe(true);
  });

  it("bad values are refused with the field and the reason, and nothing is saved", async () => {
    const bad = await statistician.put(`/api/indicators/${indicator.id}/values`, {
      values: [
        { regionId: parts[0].id, period: "2026-07", value: 600 },
        { regionId: parts[0].id, period: "2026-13", value: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe("values.1.period");
    const twice = await statistician.put(`/api/indicators/${indicator.id}/values`, {
      values: [
        { regionId: parts[0].id, period: "2026-07", value: 600 },
        { regionId: parts[0].id, period: "2026-07", value: 601 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields[0]).toMatchObject({ field: "values.1" });
    const grid = (await viewer.get(`/api/indicators/${indicator.id}/values?year=2026&regionId=${city.id}`)).json();
    expect(grid.regions[1].cells["2026-07"]).toBeUndefined();
  });

  it("a quarterly indicator takes quarter-end months only", async () => {
    const gdp = await buildIndicator(t.database.db, { code: "GDPQ", periodKind: "quarterly" });
    const res = await office.put(`/api/indicators/${gdp.id}/values`, {
      values: [{ regionId: city.id, period: "2026-05", value: 1 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: "values.0.period", message: expect.stringMatching(/quarter/i) });
  });
});

describe("the catalog", () => {
  it("admins add indicators; codes are unique; a shape cannot change once there are values", async () => {
    const body = {
      code: "RETAIL",
      nameZh: "社会消费品零售总额",
      nameEn: "Total retail sales of consumer goods",
      measureUnit: "亿元",
      measureUnitEn: "100 million yuan",
      decimals: 2,
      group: "consumption",
      periodKind: "monthly",
      accumulation: "cumulative",
      better: "higher",
      additive: true,
      sourceUnitId: null,
      headline: true,
      sortOrder: 30,
      active: true,
    };
    expect((await office.post("/api/indicators", body)).statusCode).toBe(403);
    const res = await admin.post("/api/indicators", body);
    expect(res.statusCode).toBe(201);
    expect((await admin.post("/api/indicators", body)).json().fields[0].field).toBe("code");
    const list = (await viewer.get("/api/indicators?group=consumption")).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual(["RETAIL"]);

    const fixed = await admin.patch(`/api/indicators/${indicator.id}`, { accumulation: "period", version: indicator.version });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().fields[0].field).toBe("accumulation");
    const renamed = await admin.patch(`/api/indicators/${indicator.id}`, {
      nameEn: "Industrial value added",
      version: indicator.version,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().latestPeriod).toBe("2026-06");
  });

  it("light thresholds are settings an admin changes", async () => {
    expect((await office.put("/api/settings/indicators", { growthClose: 4, progressClose: 5 })).statusCode).toBe(403);
    expect((await admin.put("/api/settings/indicators", { growthClose: 4, progressClose: 5 })).statusCode).toBe(200);
    const f = (await viewer.get(`/api/indicators/${indicator.id}/figures?month=2026-06&regionId=${city.id}`)).json();
    // 3.2% (3.3% after the revision) against 6.5% is within four points.
    expect(f.city.light).toBe("close");
  });
});

describe("the cockpit", () => {
  it("shows the headline indicators for the latest month with their light, trend and the regions ranked", async () => {
    const current = (await admin.get(`/api/indicators/${indicator.id}`)).json();
    await admin.patch(`/api/indicators/${indicator.id}`, { headline: true, version: current.version });
    const res = await viewer.get(`/api/cockpit?regionId=${city.id}`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    // July's figures were refused above: June is the latest month with any.
    expect(c.months.slice(0, 3)).toEqual(["2026-06", "2026-05", "2026-04"]);
    expect(c.months).toHaveLength(36);
    expect(c.month).toBe("2026-06");
    const june = (await viewer.get(`/api/cockpit?regionId=${city.id}&month=2026-06`)).json();
    // Retail sales, added to the catalog as a headline above, has no figures yet.
    expect(june.headlines.map((h: { indicator: { code: string } }) => h.indicator.code)).toEqual(["IVA", "RETAIL"]);
    expect(june.headlines[1]).toMatchObject({ value: null, reported: 0, light: null });
    const h = june.headlines[0];
    expect(h.value).toBeCloseTo(971.17, 6);
    expect(h).toMatchObject({ light: "close", reported: 3, expected: 3, targetKind: "growth", target: 6.5 });
    expect(h.trend).toHaveLength(6);
    expect(h.parts.map((p: { rank: number }) => p.rank)).toEqual([1, 2, 3]);
    expect(june.mapIndicatorId).toBe(indicator.id);
    expect(june.regions.map((r: { name: string }) => r.name)).toEqual(["南湖区", "秀洲区", "嘉善县"]);
  });
});

describe("the month's figures table", () => {
  it("lists every active indicator's city figure, filtered by group, with the months to pick from", async () => {
    const res = await viewer.get(`/api/indicator-figures?regionId=${city.id}&month=2026-06`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.months[0]).toBe("2026-06");
    const iva = body.items.find((i: { indicator: { code: string } }) => i.indicator.code === "IVA");
    expect(iva.city).toMatchObject({ summed: true, reported: 3, expected: 3 });
    expect(iva.city.value).toBeCloseTo(971.17, 6);
    const consumption = (await viewer.get(`/api/indicator-figures?regionId=${city.id}&group=consumption`)).json();
    expect(consumption.items.map((i: { indicator: { code: string } }) => i.indicator.code)).toEqual(["RETAIL"]);
    expect((await viewer.get("/api/indicator-figures?month=June")).statusCode).toBe(400);
  });
});
