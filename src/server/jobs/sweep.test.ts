import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildUser } from "../../db/factories.js";
import { loginAttempts, sessions } from "../../db/schema.js";
import { createTestApp, type TestApp } from "../testing.js";
import { sweepSessions } from "./sweep.js";

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
