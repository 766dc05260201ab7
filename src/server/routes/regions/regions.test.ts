import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import { auditEvents, type RegionRow, regions } from "../../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let admin: Agent;
let reporter: Agent;
let province: RegionRow;
let city: RegionRow;

beforeAll(async () => {
  t = await createTestApp();
  province = await buildRegion(t.database.db, { level: "province", code: "330000", name: "浙江省" });
  city = await buildRegion(t.database.db, { parent: province, code: "330400", name: "嘉兴市" });
  const unit = await buildUnit(t.database.db, { region: city });
  admin = await t.signIn(await buildUser(t.database.db, { unit, roles: ["admin"] }));
  reporter = await t.signIn(await buildUser(t.database.db, { unit, roles: ["reporter"] }));
});
afterAll(() => t.close());

describe("GET /api/regions", () => {
  it("401 without a session", async () => {
    expect((await t.anonymous.get("/api/regions")).statusCode).toBe(401);
  });

  it("lists the roots and the children of a region, with counts", async () => {
    const roots = await reporter.get("/api/regions?parentId=root");
    expect(roots.statusCode).toBe(200);
    const root = roots.json().items.find((r: RegionRow) => r.id === province.id);
    expect(root).toMatchObject({ name: "浙江省", level: "province", childCount: 1 });
    const children = await reporter.get(`/api/regions?parentId=${province.id}`);
    expect(children.json().items.map((r: RegionRow) => r.name)).toEqual(["嘉兴市"]);
  });

  it("searches by name or code and pages with a cursor", async () => {
    for (let i = 0; i < 5; i++) await buildRegion(t.database.db, { parent: city, name: `Paged county ${i}` });
    const first = await admin.get("/api/regions?q=Paged&limit=2&sort=name");
    expect(first.json().total).toBe(5);
    expect(first.json().items.map((r: RegionRow) => r.name)).toEqual(["Paged county 0", "Paged county 1"]);
    const second = await admin.get(`/api/regions?q=Paged&limit=2&sort=name&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((r: RegionRow) => r.name)).toEqual(["Paged county 2", "Paged county 3"]);
    expect((await admin.get("/api/regions?q=330400")).json().items[0].name).toBe("嘉兴市");
  });

  it("400 on a bad filter and a forged cursor", async () => {
    const bad = await admin.get("/api/regions?level=galaxy");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe("level");
    const cursor = await admin.get("/api/regions?cursor=not-a-cursor");
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().fields[0]).toEqual({ field: "cursor", message: "Invalid page cursor" });
  });

  it("GET /api/regions/:id gives the region and its ancestors; 404 for an unknown id; 400 for a malformed one", async () => {
    const res = await reporter.get(`/api/regions/${city.id}`);
    expect(res.json().ancestors.map((r: RegionRow) => r.name)).toEqual(["浙江省", "嘉兴市"]);
    expect((await reporter.get("/api/regions/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    expect((await reporter.get("/api/regions/123")).statusCode).toBe(400);
  });
});

describe("POST /api/regions", () => {
  const valid = () => ({ code: "330483", name: "桐乡市", nameEn: "Tongxiang", level: "county", parentId: city.id });

  it("403 for a non-admin", async () => {
    expect((await reporter.post("/api/regions", valid())).statusCode).toBe(403);
  });

  it("400 per field with its message", async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ code: "33" }, "code", "An administrative code has 6 digits (9 or 12 for a township)"],
      [{ name: "" }, "name", "Required"],
      [{ name: "x".repeat(61) }, "name", "Too big: expected string to have <=60 characters"],
      [{ level: "planet" }, "level", 'Invalid option: expected one of "province"|"city"|"county"|"township"'],
      [{ parentId: "nope" }, "parentId", "Invalid UUID"],
      [{ extra: 1 }, "extra", "Unknown field"],
      [{ name: 42 }, "name", "Invalid input: expected string, received number"],
    ];
    for (const [patch, field, message] of cases) {
      const res = await admin.post("/api/regions", { ...valid(), ...patch });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().fields).toContainEqual({ field, message });
    }
    const wrongParent = await admin.post("/api/regions", { ...valid(), parentId: province.id });
    expect(wrongParent.json().fields).toContainEqual({ field: "parentId", message: "The parent region must be of level “city”" });
    const township = await admin.post("/api/regions", { ...valid(), level: "township", code: "330483" });
    expect(township.json().fields[0].field).toBe("parentId");
  });

  it("creates a region, audits it, and refuses a duplicate code with 409", async () => {
    const res = await admin.post("/api/regions", valid());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "桐乡市", level: "county", parentId: city.id, active: true, version: 1 });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "region.create"), eq(auditEvents.entityId, res.json().id)));
    expect(event.after).toMatchObject({ code: "330483" });
    expect(event.ip).toBeTruthy();
    const dup = await admin.post("/api/regions", valid());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0]).toEqual({ field: "code", message: "The code “330483” is already in use" });
  });
});

describe("PATCH /api/regions/:id and deactivation", () => {
  it("edits with optimistic locking: a stale version is 409 and changes nothing", async () => {
    const region = await buildRegion(t.database.db, { parent: city, name: "Before" });
    expect((await reporter.patch(`/api/regions/${region.id}`, { name: "x", version: 1 })).statusCode).toBe(403);
    const ok = await admin.patch(`/api/regions/${region.id}`, { name: "After", version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: "After", version: 2 });
    const stale = await admin.patch(`/api/regions/${region.id}`, { name: "Lost", version: 1 });
    expect(stale.statusCode).toBe(409);
    const [row] = await t.database.db.select().from(regions).where(eq(regions.id, region.id));
    expect(row.name).toBe("After");
  });

  it("moves a subtree and refuses a cycle", async () => {
    const otherCity = await buildRegion(t.database.db, { parent: province });
    const county = await buildRegion(t.database.db, { parent: city });
    const township = await buildRegion(t.database.db, { parent: county });
    const moved = await admin.patch(`/api/regions/${county.id}`, { parentId: otherCity.id, version: 1 });
    expect(moved.statusCode).toBe(200);
    const [child] = await t.database.db.select().from(regions).where(eq(regions.id, township.id));
    expect(child.path.startsWith(`${otherCity.path}${county.id}/`)).toBe(true);
    // A city under its own county (wrong level and a cycle) is refused; so is a region under itself.
    const self = await admin.patch(`/api/regions/${otherCity.id}`, { parentId: otherCity.id, version: 1 });
    expect(self.statusCode).toBe(400);
    expect(self.json().fields[0]).toEqual({
      field: "parentId",
      message: "A record cannot be moved under itself or its descendants",
    });
    const under = await admin.patch(`/api/regions/${otherCity.id}`, { parentId: county.id, version: 1 });
    expect(under.statusCode).toBe(400);
    expect(under.json().fields[0].message).toBe("A record cannot be moved under itself or its descendants");
  });

  it("deactivation is refused while active children remain, then allowed; reactivation needs an active parent", async () => {
    const county = await buildRegion(t.database.db, { parent: city });
    const township = await buildRegion(t.database.db, { parent: county });
    const blocked = await admin.post(`/api/regions/${county.id}/active`, { active: false, version: 1 });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toContain("1 active records");
    expect((await admin.post(`/api/regions/${township.id}/active`, { active: false, version: 1 })).statusCode).toBe(200);
    const done = await admin.post(`/api/regions/${county.id}/active`, { active: false, version: 1 });
    expect(done.statusCode).toBe(200);
    expect(done.json().active).toBe(false);
    const orphan = await admin.post(`/api/regions/${township.id}/active`, { active: true, version: 2 });
    expect(orphan.statusCode).toBe(400);
    const audit = await admin.get(`/api/audit?entityId=${county.id}`);
    expect(audit.json().items[0].action).toBe("region.deactivate");
  });
});
