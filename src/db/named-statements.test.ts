import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./connection.js";
import { MAX_PER_CONNECTION, PLAN_EACH_TIME, statementName } from "./named-statements.js";
import { createTestDatabase, type TestDatabase } from "./testing.js";

type Row = Record<string, unknown>;
const rowsOf = async (database: Database, query: SQL) => ((await database.db.execute(query)) as unknown as { rows: Row[] }).rows;
// PostgreSQL keeps prepared statements per session: one connection, so every question sees them.
const preparedOn = (database: Database) =>
  rowsOf(database, sql.raw("select name, statement from pg_prepared_statements order by name"));

describe.runIf(process.env.DATABASE_URL)("statements prepared once per connection (PostgreSQL)", () => {
  let owner: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    owner = await createTestDatabase();
    database = await openDatabase({ databaseUrl: owner.url, poolSize: 1 });
  });
  afterAll(async () => {
    await database.close();
    await owner.close();
  });

  it("prepares a statement the first time it runs and answers the same from then on", async () => {
    const answers = [];
    for (const [n, word] of [
      [1, "一"],
      [41, "二"],
      [41, "二"],
    ] as const)
      answers.push((await rowsOf(database, sql`select ${n}::int + 1 as n, ${word}::text as word`))[0]);
    expect(answers).toEqual([
      { n: 2, word: "一" },
      { n: 42, word: "二" },
      { n: 42, word: "二" },
    ]);
    const prepared = await preparedOn(database);
    const name = statementName("select $1::int + 1 as n, $2::text as word");
    expect(prepared.filter((p) => p.name === name)).toHaveLength(1);
  });

  it("leaves scripts and schema changes as they are", async () => {
    await database.db.execute(sql.raw("create table named_probe (id int primary key); insert into named_probe values (1), (2)"));
    expect(await rowsOf(database, sql.raw("select count(*)::int as n from named_probe"))).toEqual([{ n: 2 }]);
    const statements = (await preparedOn(database)).map((p) => String(p.statement));
    expect(statements.some((s) => s.includes("create table named_probe"))).toBe(false);
    expect(statements).toContain("select count(*)::int as n from named_probe");
  });

  it("plans a statement marked to be planned each time for its values, unnamed", async () => {
    const marked = sql`select ${7}::int as n where ${PLAN_EACH_TIME}`;
    expect(await rowsOf(database, marked)).toEqual([{ n: 7 }]);
    expect(await rowsOf(database, marked)).toEqual([{ n: 7 }]);
    const statements = (await preparedOn(database)).map((p) => String(p.statement));
    expect(statements.some((s) => s.includes("plan each time"))).toBe(false);
  });

  it("prepares no more than its limit on a connection and answers past it all the same", async () => {
    for (let i = 0; i < MAX_PER_CONNECTION + 20; i++)
      expect(await rowsOf(database, sql.raw(`select ${i} as i`))).toEqual([{ i }]);
    expect(await preparedOn(database)).toHaveLength(MAX_PER_CONNECTION);
  });
});
