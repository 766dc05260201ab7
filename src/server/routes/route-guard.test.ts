/**
 * Every route, from the app's own route list: a guard (401 without a session), a policy check
 * (403 for a signed-in user without roles), and unit scope (a reporter of one unit never reads or
 * changes another unit's records). A new route without an entry here fails the suite.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser } from "../../db/factories.js";
import type { UnitRow } from "../../db/schema.js";
import { type Agent, createTestApp, type TestApp } from "../testing.js";
import { EXAMPLES, key, OWN_WORK_ROUTES, PUBLIC_ROUTES, SELF_ROUTES, send as sendTo } from "./route-examples.js";
import { buildFixture, type Fixture } from "./route-fixture.js";

let t: TestApp;
let f: Fixture;
let above: Fixture;
let beside: Fixture;
let ownUnit: UnitRow;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await buildRegion(db, { level: "province" });
  const city = await buildRegion(db, { parent: province });
  const region = await buildRegion(db, { parent: city });
  ownUnit = await buildUnit(db, { region: city });
  const otherUnit = await buildUnit(db, { region });
  const built = await buildFixture(db, region, otherUnit, "below");
  f = built.fixture;
  // A city's people and the records of the province above it and of the city beside it.
  const besideCity = await buildRegion(db, { parent: province });
  above = (await buildFixture(db, province, await buildUnit(db, { region: province }), "above")).fixture;
  beside = (await buildFixture(db, besideCity, await buildUnit(db, { region: besideCity }), "beside")).fixture;
});
afterAll(() => t.close());

const guarded = () => t.app.routeList.filter((r) => !r.public);
const send = (agent: Agent, route: { method: string; url: string }, fixture = f) => sendTo(agent, route, fixture);

describe("every route", () => {
  it("is public only by name", () => {
    const publicRoutes = t.app.routeList
      .filter((r) => r.public)
      .map(key)
      .sort();
    expect(publicRoutes).toEqual([...PUBLIC_ROUTES].sort());
  });

  it("has a valid example request here (add one when you add a route)", () => {
    const missing = guarded()
      .map(key)
      .filter((k) => !EXAMPLES[k]);
    expect(missing).toEqual([]);
    expect(t.app.routeList.length).toBeGreaterThan(20);
  });

  it("answers 401 without a session", async () => {
    for (const route of guarded()) {
      const res = await send(t.anonymous, route);
      expect(res.statusCode, key(route)).toBe(401);
    }
  });

  it("checks a policy: a signed-in user without roles gets 403 on everything but their own account", async () => {
    const roleless = await buildUser(t.database.db, { unit: ownUnit, roles: [] });
    for (const route of guarded()) {
      const agent = await t.signIn(roleless);
      const res = await send(agent, route);
      if (SELF_ROUTES.includes(key(route))) expect(res.statusCode, key(route)).toBe(200);
      else expect(res.statusCode, key(route)).toBe(403);
      if (key(route) === "POST /api/auth/password") {
        await agent.post("/api/auth/password", { currentPassword: "Changed-password-2", newPassword: "Test-password-1" });
      }
    }
  });

  it("keeps a reporter of one unit out of another unit's records (403 or 404; lists leave them out)", async () => {
    const reporter = await buildUser(t.database.db, { unit: ownUnit, roles: ["reporter"] });
    for (const route of guarded()) {
      if (SELF_ROUTES.includes(key(route))) continue;
      const agent = await t.signIn(reporter);
      const res = await send(agent, route);
      if (OWN_WORK_ROUTES.includes(key(route))) {
        expect(res.statusCode, key(route)).toBeLessThan(300);
        continue;
      }
      await expectKeptOut(res, route, f, "a reporter", agent);
    }
  });

  it("keeps a city's coordinator and leader out of the records of the province above and the city beside", {
    timeout: 300_000,
  }, async () => {
    let checked = 0;
    const leaks: string[] = [];
    for (const role of ["coordinator", "leader"] as const) {
      const person = await buildUser(t.database.db, { unit: ownUnit, roles: [role] });
      for (const [where, fixture] of [
        ["above", above],
        ["beside", beside],
      ] as const) {
        for (const route of guarded()) {
          if (SELF_ROUTES.includes(key(route)) || OWN_WORK_ROUTES.includes(key(route))) continue;
          const agent = await t.signIn(person);
          const res = await send(agent, route, fixture);
          await expectKeptOut(res, route, fixture, `a ${role}, the region ${where}`, agent).catch((e: Error) =>
            leaks.push(e.message.split("\n")[0]),
          );
          checked++;
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });
});

/** Examples that create something of the caller's own, naming nothing of the other unit's. */
const OWN_SCOPE_WRITES = [
  "POST /api/meetings",
  "POST /api/meetings/draft",
  "POST /api/meetings/draft-file",
  "POST /api/campaigns",
  "POST /api/bulletins",
  "POST /api/bulletin-schedules",
];

/** Shared by everyone signed in (not a unit's records): regions, campaigns, the light's thresholds, indicators, evaluations. */
const sharedRead = (route: { method: string; url: string }) =>
  route.method === "GET" &&
  ["/api/regions", "/api/campaigns", "/api/settings", "/api/indicator", "/api/evaluation"].some((p) => route.url.startsWith(p));

/** The other unit's records stay out of the answer: refused (403/404), or left out of what is listed. */
async function expectKeptOut(
  res: Awaited<ReturnType<typeof send>>,
  route: { method: string; url: string },
  fixture: Fixture,
  who: string,
  agent: Agent,
) {
  const what = `${key(route)} as ${who}`;
  if (sharedRead(route)) {
    // Campaigns are announced programmes, figures published statistics, flags announced.
    expect(res.statusCode, what).toBe(200);
    return;
  }
  if (res.statusCode === 200 && String(res.headers["content-type"]).includes("spreadsheetml")) {
    // A ledger is zipped: read it to see that the other unit's task is not in it.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(book.worksheets[0].getSheetValues());
    expect(text, what).not.toContain(fixture.otherTask.title);
    expect(text, what).not.toContain(`OTHER-${fixture.tag}`);
  } else if ((res.statusCode === 200 && route.method === "GET") || OWN_SCOPE_WRITES.includes(key(route))) {
    if (res.statusCode >= 300) expect([400, 403], what).toContain(res.statusCode);
    expect(res.body, what).not.toContain(fixture.otherUnit.id);
    expect(res.body, what).not.toContain(fixture.otherUser.id);
    expect(res.body, what).not.toContain(fixture.otherMeeting.id);
  } else if (res.statusCode === 202 && key(route) === "POST /api/ledger-imports") {
    // The import is checked after it is accepted: a row naming a unit out of reach fails it whole.
    const job = res.json() as { id: string };
    let state = { phase: "reading", result: null as { ok: boolean } | null };
    for (let i = 0; i < 100 && state.phase !== "done" && state.phase !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await agent.get(`/api/ledger-imports/${job.id}`)).json();
    }
    expect(state.result?.ok, what).toBe(false);
  } else {
    // Refused: forbidden, not found, or (a reference to a record out of reach) a field error.
    expect([400, 403, 404], what).toContain(res.statusCode);
  }
}

describe("the API description", () => {
  it("GET /api/openapi.json describes every route", async () => {
    const res = await t.anonymous.get("/api/openapi.json");
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const route of t.app.routeList) {
      if (route.url === "/api/openapi.json") continue;
      expect(paths, key(route)).toContain(route.url.replace(/:(\w+)/g, "{$1}"));
    }
  });

  it("GET /api/health says which database answers", async () => {
    const res = await t.anonymous.get("/api/health");
    expect(res.json()).toMatchObject({ status: "ok", database: t.database.kind });
  });
});
