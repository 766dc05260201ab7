/**
 * Two servers on one PostgreSQL, as behind a load balancer: a sign-in on one is good on the other,
 * a mutation from the second is accepted with the first's CSRF token, and signing out on one ends
 * the session on both. Needs a PostgreSQL server (DATABASE_URL); the embedded database serves one process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../../db/connection.js";
import { buildUnit, buildUser, TEST_PASSWORD } from "../../../db/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../db/testing.js";
import { buildApp } from "../../app.js";
import { configFromEnv } from "../../config.js";
import { makeAgent } from "../../testing.js";

describe.skipIf(!process.env.DATABASE_URL)("several servers on one PostgreSQL", () => {
  let shared: TestDatabase;
  let second: Database;
  let apps: Awaited<ReturnType<typeof buildApp>>[];
  let username: string;

  beforeAll(async () => {
    shared = await createTestDatabase();
    const unit = await buildUnit(shared.db);
    username = (await buildUser(shared.db, { unit, roles: ["reporter"] })).username;
    second = await openDatabase({ databaseUrl: shared.url, poolSize: 2 });
    const config = configFromEnv({}, { demo: false, databaseUrl: shared.url });
    apps = [
      await buildApp({ database: shared, config, logger: false }),
      await buildApp({ database: second, config, logger: false }),
    ];
  });
  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
    await second?.close();
    await shared?.close();
  });

  it("keeps a session good on every server until it is ended on any", async () => {
    const [a, b] = apps;
    const login = await a.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    expect(login.statusCode).toBe(200);
    const cookie = `luoshi_session=${login.cookies.find((c) => c.name === "luoshi_session")?.value}`;
    const onA = makeAgent(a, cookie, login.json().csrfToken);
    const onB = makeAgent(b, cookie, login.json().csrfToken);
    expect((await onB.get("/api/auth/session")).json().user.username).toBe(username);
    // A change made through the other server, with the token the first one gave.
    expect((await onB.put("/api/auth/locale", { locale: "zh-CN" })).statusCode).toBe(200);
    expect((await onA.get("/api/auth/session")).json().user.locale).toBe("zh-CN");
    expect((await onB.post("/api/auth/logout")).statusCode).toBeLessThan(300);
    expect((await onA.get("/api/auth/session")).statusCode).toBe(401);
  });
});
