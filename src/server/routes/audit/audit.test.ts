import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../../db/factories.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let admin: Agent;
let coordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const unit = await buildUnit(t.database.db, { region: await buildRegion(t.database.db) });
  admin = await t.signIn(await buildUser(t.database.db, { unit, roles: ["admin"], username: "auditor" }));
  coordinator = await t.signIn(await buildUser(t.database.db, { unit, roles: ["coordinator", "leader"] }));
});
afterAll(() => t.close());

describe("GET /api/audit", () => {
  it("401 without a session, 403 for anyone but an admin", async () => {
    expect((await t.anonymous.get("/api/audit")).statusCode).toBe(401);
    expect((await coordinator.get("/api/audit")).statusCode).toBe(403);
    expect((await coordinator.get("/api/audit/facets")).statusCode).toBe(403);
  });

  it("records who, what, which record, before and after, when and from where; filters and pages", async () => {
    const created = await admin.post("/api/units", {
      name: "Audited",
      regionId: (await admin.get("/api/regions")).json().items[0].id,
    });
    const id = created.json().id;
    await admin.patch(`/api/units/${id}`, { name: "Audited twice", version: 1 });
    const res = await admin.get(`/api/audit?entityType=unit&entityId=${id}`);
    expect(res.statusCode).toBe(200);
    const [update, create] = res.json().items;
    expect(update).toMatchObject({ action: "unit.update", actorName: "auditor", entityType: "unit", entityId: id });
    expect(update.before.name).toBe("Audited");
    expect(update.after.name).toBe("Audited twice");
    // Before and after have the same shape: only the table's own fields, no looked-up names.
    expect(Object.keys(update.before).sort()).toEqual(Object.keys(update.after).sort());
    expect(create.action).toBe("unit.create");
    expect(update.ip).toBe("127.0.0.1");
    expect(new Date(update.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const byActor = await admin.get("/api/audit?actor=auditor&action=auth.");
    expect(byActor.json().items.every((e: { action: string }) => e.action.startsWith("auth."))).toBe(true);
    const page = await admin.get("/api/audit?limit=1");
    const next = await admin.get(`/api/audit?limit=1&cursor=${page.json().nextCursor}`);
    expect(next.json().items[0].id).toBeLessThan(page.json().items[0].id);
    const facets = await admin.get("/api/audit/facets");
    expect(facets.json().actions).toEqual(expect.arrayContaining(["unit.create", "unit.update", "auth.login"]));
  });

  it("400 on a bad date range", async () => {
    const res = await admin.get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe("from");
    expect((await admin.get("/api/audit?from=yesterday")).statusCode).toBe(400);
  });

  it("is append-only: the database refuses to change or delete an event", async () => {
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => "changed",
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(t.database.db.execute(sql`update audit_events set action = 'forged'`))).toMatch(/append-only/);
    expect(await refusal(t.database.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
  });
});
