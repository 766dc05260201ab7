import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { RegionRow, UnitRow } from "../../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let admin: Agent;
let reporterA: Agent;
let coordinator: Agent;
let city: RegionRow;
let county: RegionRow;
let neighbour: RegionRow;
let unitA: UnitRow;
let unitB: UnitRow;
let countyUnit: UnitRow;
let neighbourUnit: UnitRow;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await buildRegion(db, { level: "province" });
  city = await buildRegion(db, { parent: province });
  county = await buildRegion(db, { parent: city });
  neighbour = await buildRegion(db, { parent: province });
  unitA = await buildUnit(db, { region: city, name: "Unit A" });
  unitB = await buildUnit(db, { region: city, name: "Unit B" });
  countyUnit = await buildUnit(db, { region: county, name: "County unit" });
  neighbourUnit = await buildUnit(db, { region: neighbour, name: "Neighbour unit" });
  admin = await t.signIn(await buildUser(db, { unit: unitA, roles: ["admin"] }));
  reporterA = await t.signIn(await buildUser(db, { unit: unitA, roles: ["reporter"] }));
  coordinator = await t.signIn(await buildUser(db, { unit: unitB, roles: ["coordinator"] }));
});
afterAll(() => t.close());

const names = (res: { json(): { items: UnitRow[] } }) =>
  res
    .json()
    .items.map((u) => u.name)
    .sort();

describe("GET /api/units (scope)", () => {
  it("401 without a session", async () => {
    expect((await t.anonymous.get("/api/units")).statusCode).toBe(401);
  });

  it("a reporter sees only their own unit", async () => {
    expect(names(await reporterA.get("/api/units"))).toEqual(["Unit A"]);
    expect((await reporterA.get(`/api/units/${unitB.id}`)).statusCode).toBe(403);
    expect((await reporterA.get(`/api/units/${unitA.id}`)).statusCode).toBe(200);
  });

  it("a coordinator sees their region and the regions below, not the region beside", async () => {
    expect(names(await coordinator.get("/api/units"))).toEqual(["County unit", "Unit A", "Unit B"]);
    expect((await coordinator.get(`/api/units/${countyUnit.id}`)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/units/${neighbourUnit.id}`)).statusCode).toBe(403);
  });

  it("filters by region (with or without the regions below), kind and text; sorts; pages", async () => {
    expect(names(await admin.get(`/api/units?regionId=${city.id}`))).toEqual(["Unit A", "Unit B"]);
    expect(names(await admin.get(`/api/units?regionId=${city.id}&withinRegion=true`))).toEqual([
      "County unit",
      "Unit A",
      "Unit B",
    ]);
    expect(names(await admin.get("/api/units?q=neighb"))).toEqual(["Neighbour unit"]);
    const desc = await admin.get(`/api/units?regionId=${city.id}&sort=name&order=desc&limit=1`);
    expect(desc.json().items[0].name).toBe("Unit B");
    const next = await admin.get(`/api/units?regionId=${city.id}&sort=name&order=desc&limit=1&cursor=${desc.json().nextCursor}`);
    expect(next.json().items[0].name).toBe("Unit A");
    expect(next.json().nextCursor).toBeNull();
  });
});

describe("POST /api/units", () => {
  const valid = () => ({ name: "市商务局", kind: "department", regionId: city.id, code: "JX-SWJ" });

  it("403 for a non-admin; 400 per field; 201 and audited; 409 on a duplicate code", async () => {
    expect((await coordinator.post("/api/units", valid())).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "" }, "name", "Required"],
      [{ kind: "club" }, "kind", expect.stringContaining("Invalid option") as unknown as string],
      [{ regionId: "x" }, "regionId", "Invalid UUID"],
      [{ regionId: "00000000-0000-4000-8000-000000000000" }, "regionId", "The region does not exist"],
      [{ parentId: "00000000-0000-4000-8000-000000000000" }, "parentId", "The parent record does not exist"],
      [{ code: "a b" }, "code", "A unit code has letters, digits, dots, underscores or hyphens"],
    ];
    for (const [patch, field, message] of cases) {
      const res = await admin.post("/api/units", { ...valid(), ...patch });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().fields).toContainEqual({ field, message });
    }
    const created = await admin.post("/api/units", valid());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: "市商务局", regionName: city.name, active: true });
    const audit = await admin.get(`/api/audit?entityId=${created.json().id}`);
    expect(audit.json().items[0].action).toBe("unit.create");
    expect((await admin.post("/api/units", valid())).statusCode).toBe(409);
  });
});

describe("PATCH and deactivation", () => {
  it("edits, refuses a parent cycle, and keeps a stale edit out", async () => {
    const parent = await buildUnit(t.database.db, { region: city, name: "Parent" });
    const child = await buildUnit(t.database.db, { region: city, name: "Child", parentId: parent.id });
    expect((await reporterA.patch(`/api/units/${parent.id}`, { name: "x", version: 1 })).statusCode).toBe(403);
    const cycle = await admin.patch(`/api/units/${parent.id}`, { parentId: child.id, version: 1 });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().fields[0].field).toBe("parentId");
    const ok = await admin.patch(`/api/units/${child.id}`, { shortName: "子", version: 1 });
    expect(ok.json()).toMatchObject({ shortName: "子", parentId: parent.id, parentName: "Parent", version: 2 });
    expect((await admin.patch(`/api/units/${child.id}`, { shortName: "旧", version: 1 })).statusCode).toBe(409);
  });

  it("a unit with active people cannot be deactivated until they are", async () => {
    const unit = await buildUnit(t.database.db, { region: city });
    const person = await buildUser(t.database.db, { unit });
    const blocked = await admin.post(`/api/units/${unit.id}/active`, { active: false, version: 1 });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toBe("1 active users still belong to this unit; deactivate or move them first");
    expect((await admin.post(`/api/users/${person.id}/active`, { active: false, version: 1 })).statusCode).toBe(200);
    const ok = await admin.post(`/api/units/${unit.id}/active`, { active: false, version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().active).toBe(false);
  });
});

describe("unit keywords", () => {
  it("are kept trimmed and once each, edited like any field, and too long a keyword is a 400 naming it", async () => {
    const res = await admin.post("/api/units", { name: "交通运输局", regionId: city.id, keywords: [" 交通 ", "港口", "交通"] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().keywords).toEqual(["交通", "港口"]);
    const patched = await admin.patch(`/api/units/${res.json().id}`, { keywords: ["物流"], version: res.json().version });
    expect(patched.json().keywords).toEqual(["物流"]);
    const bad = await admin.post("/api/units", { name: "x", regionId: city.id, keywords: ["长".repeat(31)] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe("keywords.0");
  });
});
