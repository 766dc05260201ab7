import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { RegionRow, UnitRow } from "../../../db/schema.js";
import { addDays } from "../../../domain/reporting-periods.js";
import { todayIso } from "../../clock.js";
import { refreshAllProjectWarnings } from "../../commands/refresh-project-warnings.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let region: RegionRow;
let lead: UnitRow;
let other: UnitRow;
let office: Agent;
let reporter: Agent;
let outsider: Agent;
const today = todayIso();
const thisMonth = today.slice(0, 7);
const year = Number(today.slice(0, 4));
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1]);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  region = await buildRegion(db, { level: "city" });
  const officeUnit = await buildUnit(db, { region, name: "发改委" });
  lead = await buildUnit(db, { region, name: "南湖区政府" });
  other = await buildUnit(db, { region, name: "秀洲区政府" });
  office = await t.signIn(await buildUser(db, { unit: officeUnit, roles: ["coordinator"] }));
  reporter = await t.signIn(await buildUser(db, { unit: lead, roles: ["reporter"] }));
  outsider = await t.signIn(await buildUser(db, { unit: other, roles: ["reporter"] }));
});
afterAll(() => t.close());

const project = (over: Record<string, unknown> = {}) => ({
  code: `P-${Math.random().toString(36).slice(2, 8)}`,
  name: "嘉兴港区多用途码头二期",
  regionId: region.id,
  leadUnitId: lead.id,
  ownerName: "嘉兴港务集团",
  category: "infrastructure",
  fundType: "special_bond",
  level: "city",
  stage: "under_construction",
  totalInvestment: 120_000,
  yearPlans: [{ year, amount: 24_000 }],
  nodes: [
    { kind: "start", plannedOn: `${year - 1}-10-01`, reachedOn: `${year - 1}-10-08` },
    { kind: "completion", plannedOn: `${year + 1}-12-31` },
  ],
  ...over,
});

describe("the project library", () => {
  it("an office registers a project; its category's nodes fill in when none are given; codes are unique", async () => {
    const res = await office.post("/api/projects", project({ code: "JX-2026-001", nodes: undefined, category: "industrial" }));
    expect(res.statusCode).toBe(201);
    expect(res.json().nodes.map((n: { kind: string }) => n.kind)).toEqual([
      "land",
      "approval",
      "start",
      "main_structure",
      "completion",
      "operation",
    ]);
    const again = await office.post("/api/projects", project({ code: "JX-2026-001" }));
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0]).toMatchObject({ field: "code", message: expect.stringContaining("JX-2026-001") });
    const bad = await office.post(
      "/api/projects",
      project({ totalInvestment: -5, nodes: [{ kind: "start" }, { kind: "start" }] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toContain("totalInvestment");
    expect((await reporter.post("/api/projects", project())).statusCode).toBe(403);
  });

  it("the lead unit reports a month with a photo; figures and rates follow; a correction replaces the month", async () => {
    const made = (await office.post("/api/projects", project())).json();
    const photo = (await reporter.post("/api/attachments", JPEG, { "x-file-name": "site.jpg" })).json();
    const res = await reporter.post(`/api/projects/${made.id}/reports`, {
      period: thisMonth,
      amount: 1500,
      narrative: "主体结构完成 60%",
      attachmentIds: [photo.id],
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.invested).toBe(1500);
    expect(p.status).toMatchObject({ period: thisMonth, yearToDate: 1500, annualPlan: 24_000, annualCompletion: 6.3 });
    expect(p.reports[0]).toMatchObject({
      period: thisMonth,
      amount: 1500,
      media: [expect.objectContaining({ id: photo.id, kind: "photo" })],
    });
    expect(p.curve).toHaveLength(12);
    // The photo is readable by those who may read the project, and not by another unit.
    expect((await office.get(`/api/attachments/${photo.id}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/attachments/${photo.id}`)).statusCode).toBe(403);

    const corrected = await reporter.post(`/api/projects/${made.id}/reports`, {
      period: thisMonth,
      amount: 1800,
      narrative: "更正",
    });
    expect(corrected.json()).toMatchObject({ invested: 1800, reports: [expect.objectContaining({ amount: 1800 })] });
    const future = await reporter.post(`/api/projects/${made.id}/reports`, {
      period: `${year + 1}-01`,
      amount: 1,
      narrative: "x",
    });
    expect(future.json().fields[0].field).toBe("period");
    expect(
      (await outsider.post(`/api/projects/${made.id}/reports`, { period: thisMonth, amount: 1, narrative: "x" })).statusCode,
    ).toBe(403);
  });

  it("raises a warning when a node passes its date and clears it when the node is reached", async () => {
    const late = addDays(today, -40);
    const made = (
      await office.post(
        "/api/projects",
        project({
          nodes: [
            { kind: "start", plannedOn: addDays(today, -300), reachedOn: addDays(today, -290) },
            { kind: "main_structure", plannedOn: late },
          ],
        }),
      )
    ).json();
    expect(made.warnings).toContainEqual(
      expect.objectContaining({ kind: "node_overdue", node: "main_structure", level: "yellow", clearedOn: null }),
    );
    expect(made.warningLevel).not.toBeNull();
    const listed = (await office.get("/api/warnings?kind=node_overdue")).json();
    expect(listed.items.map((w: { project: { id: string } }) => w.project.id)).toContain(made.id);

    const reached = await reporter.post(`/api/projects/${made.id}/reports`, {
      period: thisMonth,
      amount: 2000,
      narrative: "主体结构封顶",
      nodesReached: [{ kind: "main_structure", reachedOn: today }],
    });
    const node = reached.json().warnings.find((w: { kind: string }) => w.kind === "node_overdue");
    expect(node.clearedOn).toBe(today);
    expect(
      (await office.get("/api/warnings?kind=node_overdue")).json().items.map((w: { project: { id: string } }) => w.project.id),
    ).not.toContain(made.id);
    // A second sweep the same day changes nothing.
    expect(await refreshAllProjectWarnings(t.database.db, today)).toEqual({ raised: 0, changed: 0, cleared: 0 });
  });

  it("lists what the reader may see, filtered and sorted, a page at a time", async () => {
    const all = (await office.get("/api/projects?limit=2&sort=code")).json();
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect(all.items).toHaveLength(2);
    const next = (await office.get(`/api/projects?limit=2&sort=code&cursor=${all.nextCursor}`)).json();
    expect(next.items[0].code > all.items[1].code).toBe(true);
    expect(
      (await office.get("/api/projects?warning=any")).json().items.every((p: { warningLevel: string | null }) => p.warningLevel),
    ).toBe(true);
    expect((await office.get("/api/projects?category=industrial")).json().items.map((p: { code: string }) => p.code)).toEqual([
      "JX-2026-001",
    ]);
    expect((await outsider.get("/api/projects")).json().total).toBe(0);
    expect((await reporter.get("/api/projects")).json().total).toBe(all.total);
  });

  it("sums investment by the regions one level down, against the year's plan", async () => {
    const county = await buildRegion(t.database.db, { level: "county", parent: region });
    const made = (
      await office.post("/api/projects", project({ regionId: county.id, yearPlans: [{ year, amount: 1000 }] }))
    ).json();
    await reporter.post(`/api/projects/${made.id}/reports`, { period: thisMonth, amount: 250, narrative: "桩基施工" });
    const view = (await office.get(`/api/projects/regions?regionId=${region.id}&year=${year}`)).json();
    const below = view.areas.find((a: { id: string }) => a.id === county.id);
    expect(below).toMatchObject({ own: false, projects: 1, planned: 1000, invested: 250, completion: 25 });
    const own = view.areas.find((a: { own: boolean }) => a.own);
    expect(own.projects).toBeGreaterThanOrEqual(3);
    // Another unit's reporter sees the regions but none of these projects.
    const theirs = (await outsider.get(`/api/projects/regions?regionId=${region.id}&year=${year}`)).json();
    expect(theirs.areas.reduce((n: number, a: { projects: number }) => n + a.projects, 0)).toBe(0);
  });

  it("keeps those sums a few seconds, and a change made through the server shows at once", async () => {
    const county = await buildRegion(t.database.db, { level: "county", parent: region });
    const made = (
      await office.post("/api/projects", project({ regionId: county.id, yearPlans: [{ year, amount: 1000 }] }))
    ).json();
    const planned = async () =>
      (await office.get(`/api/projects/regions?regionId=${region.id}&year=${year}`))
        .json()
        .areas.find((a: { id: string }) => a.id === county.id).planned;
    expect(await planned()).toBe(1000);
    // Changed behind the server's back (as another server or a job would): the kept answer stands.
    await t.database.db.execute(
      sql`update project_year_plans set amount = 4000 where project_id = ${made.id} and year = ${year}`,
    );
    expect(await planned()).toBe(1000);
    // Any change through this server forgets what was kept.
    await reporter.post(`/api/projects/${made.id}/reports`, { period: thisMonth, amount: 10, narrative: "进场" });
    expect(await planned()).toBe(4000);
  });

  it("admins set the warning margins and each category's nodes; warnings and new projects follow", async () => {
    const admin = await t.signIn(await buildUser(t.database.db, { unit: lead, roles: ["admin"] }));
    const lateNode = (
      await office.post(
        "/api/projects",
        project({
          nodes: [
            { kind: "start", plannedOn: addDays(today, -300), reachedOn: addDays(today, -290) },
            { kind: "completion", plannedOn: addDays(today, -40) },
          ],
        }),
      )
    ).json();
    const levelOf = async () =>
      (await office.get(`/api/projects/${lateNode.id}`))
        .json()
        .warnings.find((w: { kind: string; clearedOn: string | null }) => w.kind === "node_overdue" && !w.clearedOn)?.level;
    expect(await levelOf()).toBe("yellow");
    const current = (await office.get("/api/settings/projects")).json();
    expect(current).toMatchObject({
      canEdit: false,
      warnings: { paceMarginPoints: 10 },
      nodeTemplates: { ecology: ["approval", "start", "completion"] },
    });
    const body = {
      warnings: { ...current.warnings, nodeYellowDays: 100, nodeRedDays: 200 },
      nodeTemplates: { ...current.nodeTemplates, ecology: ["completion", "land", "start"] },
    };
    expect((await office.put("/api/settings/projects", body)).statusCode).toBe(403);
    const bad = await admin.put("/api/settings/projects", { ...body, warnings: { ...body.warnings, nodeRedDays: 50 } });
    expect(bad.json().fields[0].field).toBe("warnings.nodeRedDays");
    const saved = await admin.put("/api/settings/projects", body);
    expect(saved.json().nodeTemplates.ecology).toEqual(["land", "start", "completion"]);
    // A node 40 days late is now only blue.
    expect(await levelOf()).toBe("blue");
    const made = (await office.post("/api/projects", project({ category: "ecology", nodes: undefined }))).json();
    expect(made.nodes.map((n: { kind: string }) => n.kind)).toEqual(["land", "start", "completion"]);
  });
});

describe("the province office's view of the library", () => {
  it("sees the projects of every region below its own, and none of a region beside it", async () => {
    const p = await createTestApp();
    try {
      const db = p.database.db;
      const province = await buildRegion(db, { level: "province" });
      const city = await buildRegion(db, { parent: province });
      const county = await buildRegion(db, { parent: city });
      const provinceOffice = await p.signIn(
        await buildUser(db, { unit: await buildUnit(db, { region: province }), roles: ["coordinator"] }),
      );
      const insert = async (code: string, region: RegionRow) => {
        const unit = await buildUnit(db, { region });
        await db.execute(sql`insert into projects (code, name, region_id, lead_unit_id, category, level, total_investment)
          values (${code}, ${code}, ${region.id}, ${unit.id}, 'infrastructure', 'city', 100)`);
      };
      await insert("IN-CITY", city);
      await insert("IN-COUNTY", county);
      const codes = async () =>
        ((await provinceOffice.get("/api/projects?sort=code&order=asc")).json().items as { code: string }[]).map((x) => x.code);
      // Its region holds every region: every project is its own to see.
      expect(await codes()).toEqual(["IN-CITY", "IN-COUNTY"]);
      // A second province beside it: its projects stay out, the others stay in.
      await insert("BESIDE", await buildRegion(db, { level: "province" }));
      expect(await codes()).toEqual(["IN-CITY", "IN-COUNTY"]);
      expect((await provinceOffice.get("/api/projects?warning=none")).json().total).toBe(2);
    } finally {
      await p.close();
    }
  });
});
