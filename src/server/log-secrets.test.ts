/**
 * Passwords, session tokens and CSRF tokens never reach the log or the audit trail: the account
 * flows run through a server logging everything (level trace), then the captured log and every
 * audit event are searched for each secret the run used.
 */
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUnit, buildUser, TEST_PASSWORD } from "../db/factories.js";
import { createTestDatabase, type TestDatabase } from "../db/testing.js";
import { type App, buildApp } from "./app.js";
import { configFromEnv } from "./config.js";
import { type Agent, makeAgent } from "./testing.js";

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(chunk.toString());
    done();
  },
});

let database: TestDatabase;
let app: App;
let adminName: string;
let unitId: string;
const secrets: string[] = [TEST_PASSWORD];

async function signIn(username: string, password: string): Promise<{ agent: Agent; status: number }> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "content-type": "application/json", "accept-language": "en" },
    payload: JSON.stringify({ username, password }),
  });
  if (res.statusCode !== 200) return { agent: makeAgent(app), status: res.statusCode };
  const token = res.cookies.find((c) => c.name === "luoshi_session")?.value as string;
  secrets.push(token, res.json().csrfToken);
  return { agent: makeAgent(app, `luoshi_session=${token}`, res.json().csrfToken), status: 200 };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const unit = await buildUnit(database.db);
  unitId = unit.id;
  adminName = (await buildUser(database.db, { unit, roles: ["admin"] })).username;
  const config = configFromEnv({}, { demo: false, smtpUrl: "smtp://mailer:Smtp-Secret-42@127.0.0.1:2525" });
  secrets.push("Smtp-Secret-42");
  app = await buildApp({ database, config, logger: { level: "trace", stream: sink } });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe("secrets in logs", () => {
  it("no password, session token or CSRF token is logged or audited through sign-in, failures, resets and changes", async () => {
    const wrong = "Wrong-Secret-31415";
    secrets.push(wrong);
    expect((await signIn(adminName, wrong)).status).toBe(401);
    const { agent: admin } = await signIn(adminName, TEST_PASSWORD);

    const created = "Created-Secret-2718";
    const reset = "Reset-Secret-1414";
    const changed = "Changed-Secret-1732";
    secrets.push(created, reset, changed);
    const user = await admin.post("/api/users", {
      username: "secret-keeper",
      displayName: "保密员",
      unitId,
      roles: ["reporter"],
      password: created,
    });
    expect(user.statusCode).toBe(201);
    const { id, version } = user.json();
    expect((await admin.post(`/api/users/${id}/password`, { password: reset, version })).statusCode).toBe(200);

    const { agent: keeper } = await signIn("secret-keeper", reset);
    // Refused changes too: a wrong current password, and a body that fails validation with the secret in it.
    const refusedWrong = "Refused-Secret-5772";
    const refusedShape = "Refused-Secret-6931";
    secrets.push(refusedWrong, refusedShape);
    expect((await keeper.post("/api/auth/password", { currentPassword: refusedWrong, newPassword: changed })).statusCode).toBe(
      400,
    );
    expect((await keeper.post("/api/auth/password", { currentPassword: refusedShape, newPassword: 7 })).statusCode).toBe(400);
    expect((await keeper.post("/api/auth/password", { currentPassword: reset, newPassword: changed })).statusCode).toBe(200);
    expect((await signIn("secret-keeper", changed)).status).toBe(200);
    expect((await keeper.post("/api/auth/logout", { everywhere: true })).statusCode).toBeLessThan(300);

    const log = lines.join("");
    expect(log).toContain("/api/auth/login");
    const audit = JSON.stringify(
      (await database.db.execute(sql`select action, before, after from audit_events order by at`)) as unknown,
    );
    expect(audit).toContain("auth.login_failed");
    for (const secret of secrets) {
      expect(log.includes(secret), `the log holds ${secret.slice(0, 8)}…`).toBe(false);
      expect(audit.includes(secret), `the audit trail holds ${secret.slice(0, 8)}…`).toBe(false);
    }
    expect(log).not.toContain("scrypt$");
    expect(audit).not.toContain("scrypt$");
    process.stdout.write(
      `log secrets: ${secrets.length} secrets looked for in ${lines.length} log lines and the audit trail; none found\n`,
    );
  });
});
