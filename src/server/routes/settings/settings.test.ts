import { afterAll, beforeAll, expect, it } from "vitest";
import { buildRegion, buildReport, buildTask, buildUnit, buildUser } from "../../../db/factories.js";
import { addDays, lastDuePeriod } from "../../../domain/reporting-periods.js";
import { todayIso } from "../../clock.js";
import { type Agent, createTestApp, type TestApp } from "../../testing.js";

let t: TestApp;
let admin: Agent;
let coordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const unit = await buildUnit(db, { region: await buildRegion(db, { level: "city" }) });
  admin = await t.signIn(await buildUser(db, { unit, roles: ["admin"] }));
  coordinator = await t.signIn(await buildUser(db, { unit, roles: ["coordinator"] }));
});
afterAll(() => t.close());

it("shows the thresholds and their defaults; only an admin changes them; every light follows at once", async () => {
  const db = t.database.db;
  const today = todayIso();
  // 25 days left, a year's span, 80% done where 93% was expected: 13 points behind.
  const task = await buildTask(db, {
    state: "in_progress",
    startOn: addDays(today, -340),
    dueOn: addDays(today, 25),
    progress: 80,
    light: "green",
    cadence: "quarterly",
  });
  // The last quarter's report is in: only progress decides the light.
  const due = lastDuePeriod(task.startOn, today, "quarterly");
  if (due) await buildReport(db, { task, period: due.key, review: "accepted" });
  const shown = (await coordinator.get("/api/settings/light")).json();
  expect(shown).toMatchObject({ nearDays: 30, behindPoints: 15, canEdit: false, updatedAt: null });
  const next = { nearDays: 30, behindPoints: 10, seriouslyBehindPoints: 40, reportGraceDays: 30 };
  expect((await coordinator.put("/api/settings/light", next)).statusCode).toBe(403);

  const bad = await admin.put("/api/settings/light", { ...next, reportGraceDays: 5, seriouslyBehindPoints: 10 });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().fields).toEqual([{ field: "seriouslyBehindPoints", message: expect.stringContaining("Seriously behind") }]);

  const saved = await admin.put("/api/settings/light", next);
  expect(saved.statusCode, saved.body).toBe(200);
  expect(saved.json()).toMatchObject({ behindPoints: 10, canEdit: true, defaults: { behindPoints: 15 } });
  const lit = (await admin.get(`/api/tasks/${task.id}`)).json();
  expect([lit.light, lit.lightReasons]).toEqual(["yellow", ["behind_near_deadline"]]);
  const audit = (await admin.get("/api/audit?action=settings.light")).json();
  expect(audit.items[0]).toMatchObject({ before: { behindPoints: 15 }, after: { behindPoints: 10 } });
});
