/**
 * Reads that tolerate lag on a PostgreSQL streaming replica (DATABASE_REPLICA_URL). Needs a
 * primary (DATABASE_URL) and a hot standby streaming from it (LUOSHI_TEST_REPLICA_URL: the
 * standby's address; .ci/run starts one); skipped without them.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../server/app.js";
import { configFromEnv } from "../server/config.js";
import { type Agent, makeAgent } from "../server/testing.js";
import { type Database, openDatabase } from "./connection.js";
import { buildRegion, buildUnit, buildUser, TEST_PASSWORD } from "./factories.js";
import type { RegionRow, UnitRow } from "./schema.js";
import { createTestDatabase, type TestDatabase } from "./testing.js";

const standby = process.env.LUOSHI_TEST_REPLICA_URL;
const year = new Date().getUTCFullYear();

const sameDatabaseOn = (server: string, url: string) => {
  const u = new URL(server);
  u.pathname = new URL(url).pathname;
  return u.toString();
};

async function until<T>(what: string, fn: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const got = await fn().catch(() => null);
    if (got !== null) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!process.env.DATABASE_URL || !standby)("reads that tolerate lag on a streaming replica", () => {
  let primary: TestDatabase;
  let replicaUrl: string;
  let replicaAdmin: pg.Client;
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let office: Agent;
  let region: RegionRow;
  let lead: UnitRow;

  const signIn = async (username: string) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "luoshi_session");
    return makeAgent(app, `luoshi_session=${cookie?.value}`, res.json().csrfToken);
  };
  const projectsInView = async () => {
    const res = await office.get(`/api/projects/regions?regionId=${region.id}&year=${year}`);
    expect(res.statusCode).toBe(200);
    const view = res.json() as { areas: { projects: number }[] };
    return view.areas.reduce((n, a) => n + a.projects, 0);
  };
  const newProject = (code: string) =>
    office.post("/api/projects", {
      code,
      name: `${code} 码头工程`,
      regionId: region.id,
      leadUnitId: lead.id,
      category: "infrastructure",
      level: "city",
      stage: "under_construction",
      totalInvestment: 50_000,
      yearPlans: [{ year, amount: 10_000 }],
    });

  beforeAll(async () => {
    primary = await createTestDatabase();
    const db = primary.db;
    region = await buildRegion(db, { level: "city" });
    const officeUnit = await buildUnit(db, { region, name: "督查室" });
    lead = await buildUnit(db, { region, name: "港区管委会" });
    await buildUser(db, { unit: officeUnit, roles: ["coordinator"], username: "replica-office" });
    await buildUser(db, { unit: officeUnit, roles: ["leader"], username: "replica-leader" });
    replicaUrl = sameDatabaseOn(standby as string, primary.url as string);
    replicaAdmin = new pg.Client({ connectionString: standby });
    await replicaAdmin.connect();
    // The standby has the new database and its people once it has replayed this far.
    await until("the standby to have the test database", async () => {
      const c = new pg.Client({ connectionString: replicaUrl });
      await c.connect();
      try {
        const { rows } = await c.query("select count(*)::int as n from users where username like 'replica-%'");
        return rows[0].n === 2 ? true : null;
      } finally {
        await c.end();
      }
    });
    database = await openDatabase({ databaseUrl: primary.url, replicaUrl, poolSize: 4 });
    // Nothing kept in the server's memory for lag: these tests watch the standby's own lag.
    const config = configFromEnv({}, { demo: false, databaseUrl: primary.url, databaseReplicaUrl: replicaUrl, lagSeconds: 0 });
    app = await buildApp({ database, config, logger: false });
    await app.ready();
    office = await signIn("replica-office");
  }, 60_000);

  afterAll(async () => {
    await replicaAdmin?.query("select pg_wal_replay_resume()").catch(() => {});
    await replicaAdmin?.end();
    await app?.close();
    await database?.close();
    await primary?.close();
  });

  it("sends the region view to the standby, and sessions and writes to the primary", async () => {
    expect(database.readingFromReplica).toBe(true);
    expect((await app.inject({ url: "/api/health" })).json()).toMatchObject({ status: "ok", replica: "reading" });
    expect((await newProject("R-1")).statusCode).toBe(201);
    expect(await until("the standby to replay the first project", async () => ((await projectsInView()) === 1 ? 1 : null))).toBe(
      1,
    );

    // The standby stops replaying: what is written now is on the primary only.
    await replicaAdmin.query("select pg_wal_replay_pause()");
    try {
      const made = await newProject("R-2");
      expect(made.statusCode).toBe(201);
      // The project itself is read back from the primary at once…
      expect((await office.get(`/api/projects/${made.json().id}`)).statusCode).toBe(200);
      // …a sign-in made now works on the next request (sessions live on the primary)…
      const leader = await signIn("replica-leader");
      expect((await leader.get("/api/auth/session")).json().user.username).toBe("replica-leader");
      // …and the region view, read from the standby, does not have it yet.
      expect(await projectsInView()).toBe(1);
    } finally {
      await replicaAdmin.query("select pg_wal_replay_resume()");
    }
    expect(await until("the standby to catch up", async () => ((await projectsInView()) === 2 ? 2 : null))).toBe(2);
  });

  it("reads from the primary while the replica does not answer", async () => {
    const down = new URL(replicaUrl);
    down.port = "1";
    const fallback = await openDatabase({ databaseUrl: primary.url, replicaUrl: down.toString(), poolSize: 2 });
    const other = await buildApp({
      database: fallback,
      config: configFromEnv({}, { demo: false, databaseUrl: primary.url, databaseReplicaUrl: down.toString(), lagSeconds: 0 }),
      logger: false,
    });
    try {
      expect(fallback.readingFromReplica).toBe(false);
      expect((await other.inject({ url: "/api/health" })).json()).toMatchObject({ status: "ok", replica: "unavailable" });
      const login = await other.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ username: "replica-office", password: TEST_PASSWORD }),
      });
      const agent = makeAgent(other, `luoshi_session=${login.cookies.find((c) => c.name === "luoshi_session")?.value}`);
      const view = await agent.get(`/api/projects/regions?regionId=${region.id}&year=${year}`);
      expect(view.statusCode).toBe(200);
      expect(view.json().areas.reduce((n: number, a: { projects: number }) => n + a.projects, 0)).toBe(2);
    } finally {
      await other.close();
      await fallback.close();
    }
  });
});
