/**
 * PostgreSQL goes away under load and comes back: while it is gone every request gets a 503 that
 * says so (never a 500, never a hang), nothing half-written stays, and the server recovers by
 * itself once the database answers again. The database is reached through a TCP relay on
 * loopback that the test cuts and restores (as a restart or a network fault looks to the app).
 */
import { connect, createServer, type Server, type Socket } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/connection.js";
import { buildTask, buildUnit, buildUser, TEST_PASSWORD } from "../../db/factories.js";
import { progressReports } from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../db/testing.js";
import { buildApp } from "../app.js";
import { configFromEnv } from "../config.js";
import { type Agent, makeAgent } from "../testing.js";

class Relay {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  port = 0;
  constructor(private target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, "127.0.0.1", resolve));
    const address = this.server.address();
    if (address && typeof address === "object") this.port = address.port;
  }

  /** Refuses new connections and resets the open ones. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.resetAndDestroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

describe.skipIf(!process.env.DATABASE_URL)("PostgreSQL down under load", () => {
  let shared: TestDatabase;
  let relayed: Database;
  let relay: Relay;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let reporter: Agent;
  let taskId: string;
  let poolClosed = false;

  beforeAll(async () => {
    shared = await createTestDatabase();
    const unit = await buildUnit(shared.db);
    const user = await buildUser(shared.db, { unit, roles: ["reporter"] });
    taskId = (await buildTask(shared.db, { lead: unit, state: "in_progress", startOn: "2026-01-01", dueOn: "2027-12-31" })).id;
    const url = new URL(shared.url as string);
    relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
    await relay.open();
    url.hostname = "127.0.0.1";
    url.port = String(relay.port);
    relayed = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    app = await buildApp({ database: relayed, config: configFromEnv({}, { demo: false, lagSeconds: 0 }), logger: false });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: user.username, password: TEST_PASSWORD }),
    });
    reporter = makeAgent(
      app,
      `luoshi_session=${login.cookies.find((c) => c.name === "luoshi_session")?.value}`,
      login.json().csrfToken,
    );
  });
  afterAll(async () => {
    await app?.close();
    if (!poolClosed) await relayed?.close();
    await relay?.cut();
    await shared?.close();
  });

  const report = (narrative: string) => reporter.post(`/api/tasks/${taskId}/reports`, { narrative, percent: 40 });

  it("answers 503 while the database is gone, writes nothing half, and recovers by itself", async () => {
    expect((await reporter.get("/api/my-work")).statusCode).toBe(200);
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    let running = true;
    // Eight clients reading and reporting without pause, through the fault and after it.
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const narrative = `client ${n} report ${i}`;
        const res = i % 2 ? await reporter.get("/api/my-work") : await report(narrative);
        sent++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect([200, 201, 503]).toContain(res.statusCode);
        if (res.statusCode === 201) acknowledged.push(narrative);
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    await new Promise((r) => setTimeout(r, 400));
    await relay.cut();
    await new Promise((r) => setTimeout(r, 200));

    for (const res of [
      await reporter.get("/api/my-work"),
      await report("while down"),
      await app.inject({ url: "/api/health" }),
    ]) {
      expect(res.statusCode).toBe(503);
      expect(res.body).not.toMatch(/at |\.ts:|ECONN/);
    }
    const down = await reporter.get("/api/tasks");
    expect(down.headers["retry-after"]).toBe("5");
    expect(down.json()).toMatchObject({
      code: "database_unavailable",
      message: "The database cannot be reached just now; please try again shortly",
    });
    await new Promise((r) => setTimeout(r, 600));

    await relay.open();
    const reopened = Date.now();
    // Back by itself: the pool makes new connections on the next request.
    await expect.poll(async () => (await reporter.get("/api/my-work")).statusCode, { timeout: 15_000, interval: 100 }).toBe(200);
    const recoveredMs = Date.now() - reopened;
    await new Promise((r) => setTimeout(r, 400));
    running = false;
    await Promise.all(clients);
    expect(statuses.get(503)).toBeGreaterThan(0);
    expect(statuses.get(201)).toBeGreaterThan(0);

    // Exactly the acknowledged reports are stored: none of the refused ones, none twice.
    const stored = await shared.db
      .select({ narrative: progressReports.narrative })
      .from(progressReports)
      .where(eq(progressReports.taskId, taskId));
    expect(stored.map((r) => r.narrative).sort()).toEqual(acknowledged.sort());
    // Every connection lent out during the fault came back: the pool closes at once (a client lost
    // while its transaction began used to stay lent out for good).
    await app.close();
    const closing = relayed.close().then(() => "closed");
    const wait = new Promise((r) => setTimeout(() => r("clients still lent out"), 5000));
    expect(await Promise.race([closing, wait])).toBe("closed");
    poolClosed = true;
    process.stdout.write(
      `database down: ${sent} requests from 8 clients through the fault (${[...statuses].map(([k, v]) => `${k}: ${v}`).join(", ")}); ` +
        `answering again ${recoveredMs} ms after the database came back; ${acknowledged.length} acknowledged reports, each stored once, none of the refused\n`,
    );
  });
});
