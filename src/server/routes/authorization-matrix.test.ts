/**
 * The authorization matrix: every guarded route × every role × five places of the record it aims
 * at, with the answer expected in each cell. The people sit in a unit of a city; the records are
 * their own unit's, a peer unit's in the same city, a unit's in a county below, in the province
 * above and in the city beside. A route without a row here fails the suite, and so does any cell
 * whose answer changes: the failure prints the row as observed, to be read and then copied in.
 *
 * A cell is one character:
 *   +  done or shown (a 2xx; a GET answer that names the place's records)
 *   -  answered without them (a 200 GET that leaves the place's records out)
 *   4  forbidden (403)       n  not found (404)       v  a field refused (400)
 *   x  a ledger import accepted, then failed whole because a row names a unit out of reach
 *   c  a conflict (409)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRegion, buildUnit, buildUser, TEST_PASSWORD } from "../../db/factories.js";
import type { UnitRow } from "../../db/schema.js";
import { ROLES, type Role } from "../../domain/people.js";
import { type Agent, createTestApp, type TestApp } from "../testing.js";
import { MATRIX } from "./authorization-matrix.js";
import { key, send } from "./route-examples.js";
import { buildFixture, type Fixture, refreshFixture } from "./route-fixture.js";

const PLACES = ["own", "peer", "below", "above", "beside"] as const;
type Place = (typeof PLACES)[number];

let t: TestApp;
let ownUnit: UnitRow;
const placeOf: Record<Place, { region: Awaited<ReturnType<typeof buildRegion>>; unit: () => Promise<UnitRow> }> = {} as never;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // The fixtures' attachment rows name the file "000…0": put one there, so a read that is allowed is served.
  mkdirSync(join(t.config.filesDir, "00", "00"), { recursive: true });
  writeFileSync(
    join(t.config.filesDir, "00", "00", "0".repeat(64)),
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]),
  );
  const province = await buildRegion(db, { level: "province" });
  const city = await buildRegion(db, { parent: province });
  const county = await buildRegion(db, { parent: city });
  const besideCity = await buildRegion(db, { parent: province });
  ownUnit = await buildUnit(db, { region: city });
  placeOf.own = { region: city, unit: async () => ownUnit };
  placeOf.peer = { region: city, unit: () => buildUnit(db, { region: city }) };
  placeOf.below = { region: county, unit: () => buildUnit(db, { region: county }) };
  placeOf.above = { region: province, unit: () => buildUnit(db, { region: province }) };
  placeOf.beside = { region: besideCity, unit: () => buildUnit(db, { region: besideCity }) };
});
afterAll(() => t.close());

/**
 * Identifiers of the place's unit records: a list naming one of them shows the place. (Campaigns,
 * indicators, analyses and evaluation schemes are announced to everyone; lists of them are not a
 * matter of place.)
 */
const markers = (f: Fixture) => [
  f.otherUnit.id,
  f.otherUser.id,
  f.otherMeeting.id,
  f.otherTask.id,
  f.otherReport.id,
  f.otherAttachment.id,
  f.otherDirectiveId,
  f.otherMilestoneId,
  f.otherNoticeId,
  f.otherBulletinId,
  f.otherInstructionId,
  f.otherScheduleId,
  f.otherProjectId,
  `OTHER-${f.tag}`,
];

/**
 * Answers that are not about any unit's records: the outbox lists what the jobs sent, whenever they
 * ran; the cockpit shows published statistics (which indicators it leads with is not a matter of place).
 */
const UNPLACED = ["GET /api/deliveries", "GET /api/cockpit"];

async function cell(agent: Agent, route: { method: string; url: string }, f: Fixture): Promise<string> {
  const res = await send(agent, route, f);
  const status = res.statusCode;
  if (status === 202 && key(route) === "POST /api/ledger-imports") {
    const job = res.json() as { id: string };
    let state = { phase: "reading", result: null as { ok: boolean } | null };
    for (let i = 0; i < 200 && state.phase !== "done" && state.phase !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await agent.get(`/api/ledger-imports/${job.id}`)).json();
    }
    if (process.env.LUOSHI_MATRIX_DEBUG) console.log(JSON.stringify(state));
    return state.result?.ok ? "+" : "x";
  }
  if (process.env.LUOSHI_MATRIX_DEBUG) console.log(key(route), status, res.body.slice(0, 300));
  if (status >= 200 && status < 300) {
    // A write that went through, or one record asked for by its id and shown.
    if (route.method !== "GET" || route.url.includes("/:") || UNPLACED.includes(key(route))) return "+";
    const type = String(res.headers["content-type"]);
    let text = res.body;
    if (type.includes("spreadsheetml")) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      text = JSON.stringify(book.worksheets.map((s) => s.getSheetValues()));
      if (text.includes(f.otherTask.title)) return "+";
    } else if (!type.includes("json")) return "+";
    return markers(f).some((m) => text.includes(m)) ? "+" : "-";
  }
  return { 400: "v", 403: "4", 404: "n", 409: "c" }[status] ?? `[${status}]`;
}

/** Writes that end the caller's session or remove the record run last, so the reads before them see the place whole. */
const order = (r: { method: string; url: string }) =>
  r.method === "DELETE" ? 2 : key(r) === "POST /api/auth/logout" || key(r) === "POST /api/auth/password" ? 1 : 0;

describe("the authorization matrix", () => {
  it("has a row for every guarded route (add one when you add a route)", () => {
    const routes = t.app.routeList.filter((r) => !r.public).map(key);
    expect(routes.filter((k) => !MATRIX[k])).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !routes.includes(k))).toEqual([]);
  });

  it("answers every route × role × place as the matrix says", { timeout: 900_000 }, async () => {
    // LUOSHI_MATRIX_ONLY=<part of a route> runs only the matching rows (to study one while changing it).
    const only = process.env.LUOSHI_MATRIX_ONLY;
    const routes = t.app.routeList
      .filter((r) => !r.public && (!only || new RegExp(only).test(key(r))))
      .sort((a, b) => order(a) - order(b));
    const observed: Record<string, Record<Role, string>> = {};
    let requests = 0;
    for (const role of ROLES) {
      const person = await buildUser(t.database.db, { unit: ownUnit, roles: [role] });
      for (const place of PLACES) {
        const unit = await placeOf[place].unit();
        let { fixture } = await buildFixture(t.database.db, placeOf[place].region, unit, `${place}-${role}`);
        let agent = await t.signIn(person);
        for (const route of routes) {
          const k = key(route);
          observed[k] ??= {} as Record<Role, string>;
          const answer = await cell(agent, route, fixture);
          observed[k][role] = (observed[k][role] ?? "") + answer;
          requests++;
          // A write that went through moved versions and names: the next examples aim at the records as they are now.
          if (answer === "+" && route.method !== "GET") fixture = await refreshFixture(t.database.db, fixture);
          if (k === "POST /api/auth/password") {
            await agent.post("/api/auth/password", { currentPassword: "Changed-password-2", newPassword: TEST_PASSWORD });
          }
          if (k === "POST /api/auth/logout" || k === "POST /api/auth/password") agent = await t.signIn(person);
        }
      }
    }
    const row = (k: string) => ROLES.map((r) => observed[k][r]).join(" ");
    const changed = Object.keys(observed)
      .filter((k) => MATRIX[k] !== row(k))
      .map((k) => `  "${k}": "${row(k)}",  // was ${MATRIX[k] ?? "missing"}`);
    console.log(
      `authorization matrix: ${routes.length} routes × ${ROLES.length} roles × ${PLACES.length} places, ${requests} requests`,
    );
    expect(changed.join("\n"), `columns: ${ROLES.join(" ")}; each of ${PLACES.join("/")}`).toBe("");
  });
});
