import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildRegion, buildTask, buildUnit, buildUser } from "../../db/factories.js";
import { bulletinRecipients, bulletinSchedules, bulletins, notifications } from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../db/testing.js";
import { previousMonth, runScheduledBulletins } from "./bulletin-schedules.js";

let database: TestDatabase;
const outbox = { mail: false, publicUrl: "http://luoshi.test" };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

it("knows last month from any day of this one", () => {
  expect(previousMonth("2026-03-01")).toEqual({ from: "2026-02-01", to: "2026-02-28", key: "2026-02" });
  expect(previousMonth("2026-01-31")).toEqual({ from: "2025-12-01", to: "2025-12-31", key: "2025-12" });
});

it("makes last month's bulletin once per schedule: a draft the office is told of, or published at once", async () => {
  const db = database.db;
  const region = await buildRegion(db, { level: "city" });
  const office = await buildUnit(db, { region, name: "督查室" });
  const lead = await buildUnit(db, { region, name: "住建局" });
  await buildUser(db, { unit: office, roles: ["coordinator"] });
  await buildUser(db, { unit: lead, roles: ["reporter"] });
  await buildTask(db, { owner: office, lead, state: "in_progress", startOn: "2026-01-01", dueOn: "2026-04-20", light: "red" });
  const [draft] = await db.insert(bulletinSchedules).values({ issuerUnitId: office.id, regionId: region.id }).returning();

  expect(await runScheduledBulletins(db, outbox, "2026-05-03")).toBe(1);
  expect(await runScheduledBulletins(db, outbox, "2026-05-10")).toBe(0);
  const made = await db
    .select()
    .from(bulletins)
    .where(eq(bulletins.scheduleKey, `schedule:${draft.id}:2026-04`));
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({
    state: "draft",
    periodFrom: "2026-04-01",
    periodTo: "2026-04-30",
    title: "关于2026年4月重点工作落实情况的通报",
  });
  const told = await db.select().from(notifications).where(eq(notifications.entityId, made[0].id));
  expect(told.map((n) => n.kind)).toEqual(["bulletin.drafted"]);

  // Published at once: the lead unit gets it.
  await db.update(bulletinSchedules).set({ autoPublish: true }).where(eq(bulletinSchedules.id, draft.id));
  expect(await runScheduledBulletins(db, outbox, "2026-06-01")).toBe(1);
  const [june] = await db
    .select()
    .from(bulletins)
    .where(eq(bulletins.scheduleKey, `schedule:${draft.id}:2026-05`));
  expect(june.state).toBe("published");
  const sentTo = await db.select().from(bulletinRecipients).where(eq(bulletinRecipients.bulletinId, june.id));
  expect(sentTo.map((r) => r.unitId)).toContain(lead.id);

  // A month with nothing to report is skipped, not an error; a stopped schedule makes nothing.
  const quiet = await buildRegion(db, { level: "city" });
  const quietOffice = await buildUnit(db, { region: quiet });
  await db.insert(bulletinSchedules).values({ issuerUnitId: quietOffice.id, regionId: quiet.id });
  await db.update(bulletinSchedules).set({ active: false }).where(eq(bulletinSchedules.id, draft.id));
  expect(await runScheduledBulletins(db, outbox, "2026-07-01")).toBe(0);
});
