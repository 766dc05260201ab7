import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../server/app.js";
import { configFromEnv } from "../../server/config.js";
import { makeAgent } from "../../server/testing.js";
import { bootstrap } from "../bootstrap.js";
import { DEMO_PASSWORD } from "../demo-jurisdiction.js";
import { createTestDatabase, type TestDatabase } from "../testing.js";
import { AlreadyGeneratedError, generateScaleData } from "./generate.js";
import { parseScale, scaleSizes, taskCount } from "./sizes.js";

const TODAY = "2026-11-29";

async function demoWithScale(seed: number): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await bootstrap(database.db, { demo: true });
  await generateScaleData(database.db, { scale: 1, seed, today: TODAY });
  return database;
}

const rows = async <T>(database: TestDatabase, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
const count = async (database: TestDatabase, query: ReturnType<typeof sql>) =>
  Number((await rows<{ n: string | number }>(database, query))[0].n);

describe("parseScale", () => {
  it("reads city, province and multiples of a city, and nothing else", () => {
    expect(parseScale("city")).toBe(1);
    expect(parseScale("province")).toBe(100);
    expect(parseScale("10")).toBe(10);
    for (const bad of ["0", "-3", "1.5", "town", "", "1001"]) expect(parseScale(bad)).toBeNull();
  });

  it("makes a province of 11 cities, 100 counties, 3,000 units, 20,000 users and 300,000 tasks", () => {
    const s = scaleSizes(100);
    expect([s.cities, s.counties, s.units, s.users, taskCount(s), s.projects]).toEqual([11, 100, 3000, 20000, 300000, 30000]);
    // Monthly since each task started, at most a year and a month: about ten a task.
  });
});

describe("the scale generator at city scale", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await demoWithScale(7);
  }, 180_000);
  afterAll(() => database.close());

  it("adds what the sizes say on top of the demo", async () => {
    const s = scaleSizes(1);
    expect(await count(database, sql`select count(*) as n from meetings where title like '%工作推进会'`)).toBe(s.meetings);
    expect(await count(database, sql`select count(*) as n from tasks where title ~ '（[0-9]+）$'`)).toBe(taskCount(s));
    expect(await count(database, sql`select count(*) as n from units where code like 'B-%'`)).toBe(s.units);
    expect(
      await count(
        database,
        sql`select count(*) as n from users where username ~ '^(u[0-9]{6}|[cl]3[89][0-9]{4}|province-coordinator|province-leader)$'`,
      ),
    ).toBe(s.users);
    expect(await count(database, sql`select count(*) as n from projects where code ~ '^S[0-9]{6}$'`)).toBe(s.projects);
    expect(await count(database, sql`select count(*) as n from indicators`)).toBe(s.indicators);
  });

  it("assigns every task within the reach of the office that owns it", async () => {
    const outside = await count(
      database,
      sql`select count(*) as n from tasks t
        join units o on o.id = t.owner_unit_id join regions orr on orr.id = o.region_id
        join units l on l.id = t.lead_unit_id join regions lr on lr.id = l.region_id
        where lr.path not like orr.path || '%'`,
    );
    expect(outside).toBe(0);
  });

  it("keeps states, lights, reports and notices in agreement with the deadlines", async () => {
    // Running and past its deadline is red; closed work has no light.
    expect(
      await count(
        database,
        sql`select count(*) as n from tasks where state in ('assigned', 'accepted', 'in_progress', 'returned') and due_on < ${TODAY} and light is distinct from 'red' and title ~ '（[0-9]+）$'`,
      ),
    ).toBe(0);
    expect(
      await count(
        database,
        sql`select count(*) as n from tasks where state = 'closed' and light is not null and title ~ '（[0-9]+）$'`,
      ),
    ).toBe(0);
    expect(
      await count(
        database,
        sql`select count(*) as n from progress_reports r join tasks t on t.id = r.task_id where r.submitted_at > ${TODAY}::date + 1 and t.title ~ '（[0-9]+）$'`,
      ),
    ).toBe(0);
    // The pending count kept on each task matches its reports.
    expect(
      await count(
        database,
        sql`select count(*) as n from tasks t where pending_reports <> (select count(*) from progress_reports r where r.task_id = t.id and r.review = 'pending')
          and t.title ~ '（[0-9]+）$'`,
      ),
    ).toBe(0);
    // Every generated urge notice is about a task that was late when it was issued; generated units have people to tell.
    const late = await rows<{ notices: string; early: string; silent: string }>(
      database,
      sql`select count(*) as notices, count(*) filter (where n.created_at::date <= t.due_on) as early,
        count(*) filter (where n.recipients = 0 and u.code like 'B-%') as silent
        from notices n join notice_tasks nt on nt.notice_id = n.id join tasks t on t.id = nt.task_id join units u on u.id = n.to_unit_id
        where n.dedupe_key like 'ladder:%' and n.created_by_name = 'system' and t.title ~ '（[0-9]+）$'`,
    );
    expect(Number(late[0].notices)).toBeGreaterThan(0);
    expect(Number(late[0].early)).toBe(0);
    expect(Number(late[0].silent)).toBe(0);
    expect(await count(database, sql`select count(*) as n from bulletins where state = 'published'`)).toBeGreaterThan(1);
    expect(await count(database, sql`select count(*) as n from project_warnings where cleared_on is null`)).toBeGreaterThan(0);
  });

  it("gives generated people accounts that sign in and see their unit's work", async () => {
    const app = await buildApp({ database, config: configFromEnv({}, { demo: false }), logger: false });
    try {
      const [user] = await rows<{ username: string; unit_id: string }>(
        database,
        sql`select u.username, u.unit_id from users u where u.username ~ '^u[0-9]{6}$' and 'reporter' = any(u.roles)
          and exists (select 1 from tasks t where t.lead_unit_id = u.unit_id) order by u.username limit 1`,
      );
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ username: user.username, password: DEMO_PASSWORD }),
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === "luoshi_session");
      const agent = makeAgent(app, `luoshi_session=${cookie?.value}`, res.json().csrfToken);
      const list = (await agent.get("/api/tasks?limit=100")).json();
      expect(list.items.length).toBeGreaterThan(0);
      const own = await count(
        database,
        sql`select count(*) as n from tasks t where t.lead_unit_id = ${user.unit_id}
          or exists (select 1 from task_co_units c where c.task_id = t.id and c.unit_id = ${user.unit_id})`,
      );
      expect(list.items.length).toBe(Math.min(100, own));
      // Generated ids are ordinary ids: a task opens by its id.
      const page = await agent.get(`/api/tasks/${list.items[0].id}`);
      expect(page.statusCode).toBe(200);
      expect(page.json().title).toBe(list.items[0].title);
    } finally {
      await app.close();
    }
  });

  it("refuses to generate twice into one database", async () => {
    await expect(generateScaleData(database.db, { scale: 1, seed: 7, today: TODAY })).rejects.toBeInstanceOf(
      AlreadyGeneratedError,
    );
  });

  it("makes the same data from the same seed", async () => {
    const again = await demoWithScale(7);
    try {
      const digest = (d: TestDatabase) =>
        rows<{ tasks: string; reports: string; notices: string }>(
          d,
          sql`select
            (select md5(string_agg(t.id::text || t.title || l.code || t.due_on::text || t.state::text, ',' order by t.id))
              from tasks t join units l on l.id = t.lead_unit_id where t.title ~ '（[0-9]+）$') as tasks,
            (select md5(string_agg(r.id::text || r.period || coalesce(r.review::text, ''), ',' order by r.id))
              from progress_reports r join tasks t on t.id = r.task_id where t.title ~ '（[0-9]+）$') as reports,
            (select md5(string_agg(n.dedupe_key, ',' order by n.dedupe_key))
              from notices n join notice_tasks nt on nt.notice_id = n.id join tasks t on t.id = nt.task_id
              where t.title ~ '（[0-9]+）$') as notices`,
        );
      const [a, b] = [await digest(database), await digest(again)];
      expect(b).toEqual(a);
      expect(a[0].tasks).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await again.close();
    }
  }, 180_000);
});
