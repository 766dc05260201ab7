import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCampaign, buildRegion, buildReport, buildTask, buildUnit, buildUser } from "../../../db/factories.js";
import type { CampaignRow, UnitRow } from "../../../db/schema.js";
import { lastDuePeriod } from "../../../domain/reporting-periods.js";
import type { CampaignOut } from "../../../schemas/campaigns.js";
import { todayIso } from "../../clock.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let office: Agent;
let reporter: Agent;
let officeUnit: UnitRow;
let roads: UnitRow;
let water: UnitRow;
let campaign: CampaignRow;
const start = `${Number(todayIso().slice(0, 4)) - 1}-01-01`;
const period = lastDuePeriod(start, todayIso(), "monthly")!.key;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const city = await buildRegion(db, { level: "city" });
  officeUnit = await buildUnit(db, { region: city, name: "督查室" });
  roads = await buildUnit(db, { region: city, name: "交通局" });
  water = await buildUnit(db, { region: city, name: "水利局" });
  office = await t.signIn(await buildUser(db, { unit: officeUnit, roles: ["coordinator"] }));
  reporter = await t.signIn(await buildUser(db, { unit: roads, roles: ["reporter"] }));
  campaign = await buildCampaign(db, {
    unit: officeUnit,
    name: "项目攻坚年",
    startOn: start,
    endOn: `${start.slice(0, 4)}-12-31`,
  });
  const inCampaign = { campaignId: campaign.id, ownerUnitId: officeUnit.id, startOn: start };
  const roadTasks = [
    await buildTask(db, { ...inCampaign, leadUnitId: roads.id, state: "in_progress", light: "red", progress: 20 }),
    await buildTask(db, { ...inCampaign, leadUnitId: roads.id, state: "in_progress", light: "green", progress: 60 }),
    await buildTask(db, { ...inCampaign, leadUnitId: roads.id, state: "closed", light: "green", progress: 100 }),
  ];
  await buildTask(db, { ...inCampaign, leadUnitId: water.id, state: "assigned", light: "yellow", progress: 0 });
  // One report in for the last period; one returned, which does not count as in.
  await buildReport(db, { task: roadTasks[0], period, review: "accepted" });
  await buildReport(db, { task: roadTasks[1], period, review: "returned" });
});
afterAll(async () => {
  await t.close();
});

const page = async (agent: Agent, id = campaign.id) => {
  const res = await agent.get(`/api/campaigns/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json() as CampaignOut;
};

describe("the campaign page", () => {
  it("shows each lead unit's tasks, lights, progress and the reports in for the last period", async () => {
    const p = await page(office);
    expect(p.name).toBe("项目攻坚年");
    expect(p.period).toBe(period);
    expect(p.canEdit).toBe(true);
    expect(p.units).toEqual([
      {
        unit: { id: roads.id, name: "交通局" },
        tasks: 3,
        open: 2,
        closed: 1,
        lights: { green: 2, yellow: 0, red: 1 },
        progress: 60,
        reportsDue: 2,
        reportsIn: 1,
      },
      {
        unit: { id: water.id, name: "水利局" },
        tasks: 1,
        open: 1,
        closed: 0,
        lights: { green: 0, yellow: 1, red: 0 },
        progress: 0,
        reportsDue: 0,
        reportsIn: 0,
      },
    ]);
  });

  it("shows a lead unit's reporter its own tasks only, and not the office's kept answer", async () => {
    await page(office);
    const p = await page(reporter);
    expect(p.units.map((u) => u.unit.name)).toEqual(["交通局"]);
    expect(p.canEdit).toBe(false);
  });

  it("keeps its sums a few seconds, and shows a change made through the server at once", async () => {
    const db = t.database.db;
    await buildTask(db, { campaignId: campaign.id, ownerUnitId: officeUnit.id, leadUnitId: water.id, light: "red" });
    // Added behind the server's back (another server, a job): the sums lag, as the cockpit's do.
    expect((await page(office)).units.find((u) => u.unit.id === water.id)?.tasks).toBe(1);
    const res = await office.patch(`/api/campaigns/${campaign.id}`, { name: "项目攻坚年（二期）", version: campaign.version });
    expect(res.statusCode).toBe(200);
    const after = await page(office);
    expect(after.name).toBe("项目攻坚年（二期）");
    expect(after.units.find((u) => u.unit.id === water.id)).toMatchObject({ tasks: 2, lights: { red: 1, yellow: 1 } });
  });

  it("answers 404 for a campaign that does not exist", async () => {
    const res = await office.get("/api/campaigns/00000000-0000-4000-8000-000000000000");
    expect(res.statusCode).toBe(404);
  });
});
