import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUnit, buildUser, TEST_PASSWORD } from "../../../db/factories.js";
import { auditEvents, loginAttempts, sessions } from "../../../db/schema.js";
import { createTestApp, makeAgent, type TestApp } from "../../testing.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ loginMaxFailuresPerAccount: 3, loginMaxFailuresPerAddress: 8 });
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}, remoteAddress = "127.0.0.1") =>
  t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress,
    headers: { "content-type": "application/json", "accept-language": "en", ...headers },
    payload: { username, password },
  });

describe("POST /api/auth/login", () => {
  it("signs in with an HttpOnly SameSite cookie and returns the user and a CSRF token", async () => {
    const user = await buildUser(t.database.db, { roles: ["coordinator"] });
    const res = await login(user.username.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "luoshi_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(res.json().user.username).toBe(user.username);
    expect(res.json().user).not.toHaveProperty("passwordHash");
    expect(res.json().csrfToken).toMatch(/^[\w-]{43}$/);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.login"));
    expect(event.actorId).toBe(user.id);
  });

  it("refuses a wrong password with 401 and a message, and audits the failure", async () => {
    const user = await buildUser(t.database.db);
    const res = await login(user.username, "wrong-password-1");
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe("Wrong username or password");
    const failures = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.login_failed"));
    expect(failures.some((f) => f.actorId === user.id)).toBe(true);
  });

  it("answers an unknown user exactly like a wrong password", async () => {
    const res = await login("nobody-here", "whatever-123");
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe("Wrong username or password");
  });

  it("refuses a deactivated user", async () => {
    const user = await buildUser(t.database.db, { active: false });
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe("This account has been deactivated");
  });

  it("gives 400 per field for a bad body, in the reader's language", async () => {
    const res = await login("", "");
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["username", "password"]));
    const zh = await login("", "x", { "accept-language": "zh-CN" });
    expect(zh.json().fields[0].message).toBe("必填");
    const extra = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: { username: "a", password: "b", admin: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().fields[0].field).toBe("admin");
    // PostgreSQL cannot store a NUL character: refused up front with its field (found by the fuzzer).
    const nul = await login("ad\u0000min", "x");
    expect(nul.statusCode).toBe(400);
    expect(nul.json().fields).toEqual([{ field: "username", message: "Must not contain a NUL character (\\0)" }]);
  });

  it("rate-limits failures per account, even with the right password afterwards", async () => {
    const user = await buildUser(t.database.db);
    for (let i = 0; i < 3; i++) expect((await login(user.username, `wrong-${i}-password`)).statusCode).toBe(401);
    const blocked = await login(user.username, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("locks an account for longer with each failure past the limit; a successful sign-in starts again", async () => {
    const user = await buildUser(t.database.db);
    const failedAgo = (minutes: number) =>
      t.database.db.insert(loginAttempts).values({
        username: user.username,
        ip: "10.1.1.1",
        succeeded: false,
        at: new Date(Date.now() - minutes * 60_000).toISOString(),
      });
    const retryAfter = async (password: string) => {
      const res = await login(user.username, password, {}, "10.2.2.2");
      return res.statusCode === 429 ? Number(res.headers["retry-after"]) : res.statusCode;
    };
    // Three failures (the limit here) 20 minutes ago: the 15-minute lock has run out, one try is allowed.
    for (let i = 0; i < 3; i++) await failedAgo(20);
    expect(await retryAfter("wrong-password-4")).toBe(401);
    // The fourth failure locks the account for 30 minutes, even against the right password.
    const second = await retryAfter(TEST_PASSWORD);
    expect(second).toBeGreaterThan(29 * 60);
    expect(second).toBeLessThanOrEqual(30 * 60);
    // Another failure once that lock is over: 60 minutes.
    await failedAgo(31);
    expect(await retryAfter(TEST_PASSWORD)).toBeGreaterThan(59 * 60);
    // However many failures, the lock stops at a day.
    for (let i = 0; i < 20; i++) await failedAgo(1);
    const capped = await retryAfter(TEST_PASSWORD);
    expect(capped).toBeGreaterThan(23 * 3600);
    expect(capped).toBeLessThanOrEqual(24 * 3600);
  });

  it("forgets an account's failures once it signs in successfully", async () => {
    const user = await buildUser(t.database.db);
    const from = (password: string) => login(user.username, password, {}, "10.3.3.3");
    for (let i = 0; i < 2; i++) expect((await from(`wrong-${i}-password`)).statusCode).toBe(401);
    expect((await from(TEST_PASSWORD)).statusCode).toBe(200);
    // Two more: with the two before the success they would reach the limit of three.
    for (let i = 0; i < 2; i++) expect((await from(`wrong-${i}-again`)).statusCode).toBe(401);
    expect((await from(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("rate-limits failures per address across accounts", async () => {
    const headers = { "x-forwarded-for": "ignored" };
    const ip = { remoteAddress: "10.9.9.9" };
    let last = 0;
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        ...ip,
        headers: { "content-type": "application/json", ...headers },
        payload: { username: `someone${i}`, password: "wrong-password-1" },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
    const other = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress: "10.9.9.10",
      headers: { "content-type": "application/json" },
      payload: { username: "someone", password: "wrong-password-1" },
    });
    expect(other.statusCode).toBe(401);
  });

  it("ends the session the browser held before (rotation)", async () => {
    const user = await buildUser(t.database.db);
    const first = await t.signIn(user);
    const res = await login(user.username, TEST_PASSWORD, { cookie: first.cookie! });
    expect(res.statusCode).toBe(200);
    expect((await first.get("/api/auth/session")).statusCode).toBe(401);
  });
});

describe("sessions", () => {
  it("401 without a session, with a malformed cookie, and with an unknown token", async () => {
    expect((await t.anonymous.get("/api/auth/session")).statusCode).toBe(401);
    const malformed = await makeAgent(t.app, "luoshi_session=%%%garbage").get("/api/auth/session");
    expect(malformed.statusCode).toBe(401);
    const unknown = await makeAgent(t.app, `luoshi_session=${"a".repeat(43)}`).get("/api/auth/session");
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().message).toBe("Your session has expired; please sign in again");
  });

  it("a stale session (idle too long) is refused", async () => {
    const user = await buildUser(t.database.db);
    const agent = await t.signIn(user);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 1000 * 60 * 60 * 24).toISOString() })
      .where(eq(sessions.userId, user.id));
    expect((await agent.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("an expired session is refused", async () => {
    const user = await buildUser(t.database.db);
    const agent = await t.signIn(user);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(sessions.userId, user.id));
    expect((await agent.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("GET /api/auth/session returns the user, unit and abilities", async () => {
    const unit = await buildUnit(t.database.db, { name: "督查室" });
    const user = await buildUser(t.database.db, { unit, roles: ["admin"] });
    const res = await (await t.signIn(user)).get("/api/auth/session");
    expect(res.statusCode).toBe(200);
    expect(res.json().user.unitName).toBe("督查室");
    expect(res.json().abilities["user.create"]).toBe(true);
  });
});

describe("CSRF and headers", () => {
  it("refuses a mutation without the CSRF token, or from another origin", async () => {
    const user = await buildUser(t.database.db);
    const agent = await t.signIn(user);
    const noToken = await agent.put("/api/auth/locale", { locale: "en" }, { "x-csrf-token": "" });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe("forbidden");
    const crossSite = await agent.put(
      "/api/auth/locale",
      { locale: "en" },
      { origin: "https://evil.example", host: "localhost:3000" },
    );
    expect(crossSite.statusCode).toBe(403);
    const ok = await agent.put("/api/auth/locale", { locale: "en" });
    expect(ok.statusCode).toBe(200);
  });

  it("sends security headers", async () => {
    const res = await t.anonymous.get("/api/health");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(String(res.headers["content-security-policy"])).toContain("default-src 'self'");
  });
});

describe("sign-out, password and locale", () => {
  it("sign-out ends the session", async () => {
    const user = await buildUser(t.database.db);
    const agent = await t.signIn(user);
    const res = await agent.post("/api/auth/logout", {});
    expect(res.statusCode).toBe(200);
    expect((await agent.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("sign-out everywhere ends every session of the user", async () => {
    const user = await buildUser(t.database.db);
    const a = await t.signIn(user);
    const b = await t.signIn(user);
    expect((await a.post("/api/auth/logout", { everywhere: true })).statusCode).toBe(200);
    expect((await b.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("changes the password: checks the current one and the policy, then the new one works", async () => {
    const user = await buildUser(t.database.db);
    const agent = await t.signIn(user);
    const other = await t.signIn(user);
    const wrong = await agent.post("/api/auth/password", { currentPassword: "nope-nope-1", newPassword: "Another-pass-2" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0]).toEqual({ field: "currentPassword", message: "The current password is wrong" });
    const weak = await agent.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(weak.json().fields[0].field).toBe("newPassword");
    expect(weak.json().fields[0].message).toContain("at least 10");
    const ok = await agent.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "Another-pass-2" });
    expect(ok.statusCode).toBe(200);
    expect((await agent.get("/api/auth/session")).statusCode).toBe(200);
    expect((await other.get("/api/auth/session")).statusCode).toBe(401);
    expect((await login(user.username, "Another-pass-2")).statusCode).toBe(200);
  });

  it("remembers the language per user", async () => {
    const user = await buildUser(t.database.db);
    const agent = await t.signIn(user);
    expect((await agent.put("/api/auth/locale", { locale: "fr" })).statusCode).toBe(400);
    expect((await agent.put("/api/auth/locale", { locale: "en" })).statusCode).toBe(200);
    const again = await t.signIn(user);
    expect((await again.get("/api/auth/session")).json().user.locale).toBe("en");
  });
});
