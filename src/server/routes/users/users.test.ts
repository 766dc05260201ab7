import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import type { UnitRow, UserRow } from "../../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let admin: Agent;
let adminUser: UserRow;
let reporterA: Agent;
let unitA: UnitRow;
let unitB: UnitRow;
let colleague: UserRow;
let stranger: UserRow;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const city = await buildRegion(db);
  unitA = await buildUnit(db, { region: city });
  unitB = await buildUnit(db, { region: city });
  adminUser = await buildUser(db, { unit: unitA, roles: ["admin"], username: "root-admin" });
  admin = await t.signIn(adminUser);
  reporterA = await t.signIn(await buildUser(db, { unit: unitA, roles: ["reporter"] }));
  colleague = await buildUser(db, { unit: unitA, displayName: "Colleague" });
  stranger = await buildUser(db, { unit: unitB, displayName: "Stranger" });
});
afterAll(() => t.close());

const valid = () => ({
  username: "Zhang.San",
  displayName: "张三",
  unitId: unitA.id,
  roles: ["reporter"],
  password: "Good-password-9",
});

describe("GET /api/users", () => {
  it("401 without a session; a reporter sees their own unit's people only", async () => {
    expect((await t.anonymous.get("/api/users")).statusCode).toBe(401);
    const res = await reporterA.get("/api/users?limit=200");
    const units = new Set(res.json().items.map((u: UserRow) => u.unitId));
    expect([...units]).toEqual([unitA.id]);
    expect((await reporterA.get(`/api/users/${colleague.id}`)).statusCode).toBe(200);
    expect((await reporterA.get(`/api/users/${stranger.id}`)).statusCode).toBe(403);
  });

  it("never returns a password hash; filters by role, unit and text", async () => {
    const res = await admin.get(`/api/users?role=admin`);
    expect(res.json().items.map((u: UserRow) => u.username)).toEqual(["root-admin"]);
    expect(res.body).not.toContain("scrypt");
    expect((await admin.get(`/api/users?unitId=${unitB.id}`)).json().items.map((u: UserRow) => u.displayName)).toEqual([
      "Stranger",
    ]);
    expect((await admin.get("/api/users?q=collea")).json().total).toBe(1);
  });
});

describe("POST /api/users", () => {
  it("403 for a non-admin; 400 per field; 201 with the username lower-cased; 409 on a duplicate", async () => {
    expect((await reporterA.post("/api/users", valid())).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ username: "a" }, "username", "A username has 3–40 letters, digits, dots, underscores or hyphens"],
      [{ displayName: "" }, "displayName", "Required"],
      [{ roles: [] }, "roles", "Choose at least one role"],
      [{ unitId: "00000000-0000-4000-8000-000000000000" }, "unitId", "The unit does not exist"],
      [{ password: "short" }, "password", "A password has at least 10 characters"],
      [
        { password: "alllowercaseletters" },
        "password",
        "A password mixes at least two of: lower-case, upper-case, digits, symbols",
      ],
      [{ email: "not-an-email" }, "email", "Invalid email address"],
      [{ locale: "fr" }, "locale", 'Invalid option: expected one of "zh-CN"|"en"'],
    ];
    for (const [patch, field, message] of cases) {
      const res = await admin.post("/api/users", { ...valid(), ...patch });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().fields).toContainEqual({ field, message });
    }
    const created = await admin.post("/api/users", valid());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: "zhang.san", roles: ["reporter"], mustChangePassword: true });
    const dup = await admin.post("/api/users", { ...valid(), username: "ZHANG.SAN" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().fields[0]).toEqual({ field: "username", message: "The username “zhang.san” is already taken" });
    const newcomer = await t.signIn({ username: "zhang.san" }, "Good-password-9");
    expect((await newcomer.get("/api/auth/session")).json().user.mustChangePassword).toBe(true);
  });
});

describe("PATCH, deactivate, reset password", () => {
  it("edits roles and unit; refuses to take the admin role from the last admin", async () => {
    const user = await buildUser(t.database.db, { unit: unitA });
    const res = await admin.patch(`/api/users/${user.id}`, { roles: ["coordinator", "leader"], unitId: unitB.id, version: 1 });
    expect(res.json()).toMatchObject({ roles: ["coordinator", "leader"], unitId: unitB.id });
    const last = await admin.patch(`/api/users/${adminUser.id}`, { roles: ["viewer"], version: adminUser.version });
    expect(last.statusCode).toBe(400);
    expect(last.json().fields[0].message).toBe("The last active admin cannot be deactivated or lose the admin role");
  });

  it("deactivating signs the user out and stops sign-in; an admin cannot deactivate themself", async () => {
    const user = await buildUser(t.database.db, { unit: unitA });
    const agent = await t.signIn(user);
    expect((await admin.post(`/api/users/${user.id}/active`, { active: false, version: 1 })).statusCode).toBe(200);
    expect((await agent.get("/api/auth/session")).statusCode).toBe(401);
    await expect(t.signIn(user)).rejects.toThrow(/401/);
    const self = await admin.post(`/api/users/${adminUser.id}/active`, { active: false, version: adminUser.version });
    expect(self.statusCode).toBe(400);
  });

  it("an admin resets a password: old sessions end and the user must change it", async () => {
    const user = await buildUser(t.database.db, { unit: unitA });
    const agent = await t.signIn(user);
    expect((await reporterA.post(`/api/users/${user.id}/password`, { password: "Reset-pass-123", version: 1 })).statusCode).toBe(
      403,
    );
    const res = await admin.post(`/api/users/${user.id}/password`, { password: "Reset-pass-123", version: 1 });
    expect(res.statusCode).toBe(200);
    expect((await agent.get("/api/auth/session")).statusCode).toBe(401);
    const again = await t.signIn(user, "Reset-pass-123");
    expect((await again.get("/api/auth/session")).json().user.mustChangePassword).toBe(true);
  });
});
