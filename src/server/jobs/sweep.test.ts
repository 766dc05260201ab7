import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTask, buildUser } from "../../db/factories.js";
import { loginAttempts, sessions, tasks } from "../../db/schema.js";
import { createTestApp, type TestApp } from "../testing.js";
import { refreshAllLights, sweepSessions } from "./sweep.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("removes expired sessions and day-old sign-in attempts, keeps live ones", async () => {
  const db = t.database.db;
  const live = await buildUser(db);
  const gone = await buildUser(db);
  const agent = await t.signIn(live);
  await t.signIn(gone);
  await db
    .update(sessions)
    .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
    .where(eq(sessions.userId, gone.id));
  await db
    .insert(loginAttempts)
    .values({ username: "old", ip: "1.2.3.4", succeeded: false, at: new Date(Date.now() - 2 * 86400_000).toISOString() });
  await sweepSessions(db);
  expect(await db.select().from(sessions).where(eq(sessions.userId, gone.id))).toEqual([]);
  expect(await db.select().from(loginAttempts).where(eq(loginAttempts.username, "old"))).toEqual([]);
  expect((await agent.get("/api/auth/session")).statusCode).toBe(200);
});

it("turns lights as days pass: a running task past its deadline goes red; closed tasks keep none", async () => {
  const db = t.database.db;
  const running = await buildTask(db, {
    state: "in_progress",
    startOn: "2026-01-01",
    dueOn: "2026-06-30",
    progress: 80,
    light: "green",
  });
  const closed = await buildTask(db, { state: "closed", startOn: "2026-01-01", dueOn: "2026-06-30", light: null });
  // Before the deadline, with a report owed but inside the grace days: still green.
  expect(await refreshAllLights(db, "2026-06-03")).toBeGreaterThanOrEqual(0);
  const light = async (id: string) => (await db.select().from(tasks).where(eq(tasks.id, id)))[0];
  expect((await light(running.id)).light).toBe("green");
  await refreshAllLights(db, "2026-07-10");
  expect(await light(running.id)).toMatchObject({ light: "red", lightReasons: expect.arrayContaining(["overdue"]) });
  expect((await light(closed.id)).light).toBeNull();
  // A second sweep the same day changes nothing.
  expect(await refreshAllLights(db, "2026-07-10")).toBe(0);
});
