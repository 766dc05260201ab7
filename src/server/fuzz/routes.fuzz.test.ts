/**
 * Every route of the app's OpenAPI document, driven with valid, edge and malformed requests as
 * each demo role (and none), against the demo data: never a 5xx, never a stack trace, a 4xx that
 * says why (and which field), and nothing in the database changed by a request that was refused.
 * LUOSHI_FUZZ_REQUESTS sets how many requests in all (20,000 by default).
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { bootstrap } from "../../db/bootstrap.js";
import { DEMO_USERS } from "../../db/demo-jurisdiction.js";
import { TABLES_IN_ORDER } from "../../db/schema.js";
import { createSession, SESSION_COOKIE } from "../auth/sessions.js";
import { createTestApp } from "../testing.js";
import { type FuzzRequest, operationsOf, requestArbitrary } from "./openapi-requests.js";

const TOTAL = Number(process.env.LUOSHI_FUZZ_REQUESTS ?? 20_000);
/** Written on purpose by a refused request: failed sign-ins are recorded for throttling and audit. */
const RECORDS_REFUSALS = new Set(["POST /api/auth/login"]);
const UNTRACKED = new Set(["sessions", "login_attempts"]);
const STACK = /\n\s+at |node_modules|\/src\/[\w/-]+\.ts|\.ts:\d+:\d+|TypeError|ReferenceError|SyntaxError: Unexpected/;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const t = await createTestApp({ loginMaxFailuresPerAccount: 1_000_000 });
const { db } = t.database;
await bootstrap(db, { demo: true, filesDir: t.config.filesDir });
const doc = (await t.anonymous.get("/api/openapi.json")).json();
const operations = operationsOf(doc);

const roleUsers = new Map<string, string>();
for (const u of DEMO_USERS) {
  const [row] = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from users where username = ${u.username}`));
  roleUsers.set(u.username, row.id);
}
const roles = ["anonymous", ...roleUsers.keys()];

// Ids the requests may name: a sample of every table's rows, but never the fuzzing accounts (a
// request deactivating one would only end the run's own sessions).
const idTables = rowsOf<{ t: string }>(
  await db.execute(sql`select table_name as t from information_schema.columns
    where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by 1`),
);
const ids: string[] = [];
for (const { t: table } of idTables) {
  const rows = rowsOf<{ id: string }>(await db.execute(sql.raw(`select id::text as id from "${table}" order by id limit 12`)));
  ids.push(...rows.map((r) => r.id).filter((id) => ![...roleUsers.values()].includes(id)));
}

const sessions = new Map<string, { cookie: string; csrf: string }>();
async function sessionOf(role: string) {
  let s = sessions.get(role);
  if (!s) {
    const created = await createSession(db, { userId: roleUsers.get(role)!, ip: "127.0.0.1", userAgent: "fuzz", ttlHours: 24 });
    s = { cookie: `${SESSION_COOKIE}=${created.token}`, csrf: created.csrfToken };
    sessions.set(role, s);
  }
  return s;
}

// Every committed insert, update or delete of a tracked table counts one (a trigger the test adds):
// a request that was refused must leave the count where it was. A rolled-back write does not count.
await db.execute(sql`create table fuzz_writes (n bigint not null)`);
await db.execute(sql`insert into fuzz_writes values (0)`);
await db.execute(
  sql`create function fuzz_count() returns trigger language plpgsql as $$ begin update fuzz_writes set n = n + 1; return null; end $$`,
);
for (const name of TABLES_IN_ORDER.filter((table) => !UNTRACKED.has(table)))
  await db.execute(
    sql.raw(`create trigger fuzz_count after insert or update or delete on "${name}" for each row execute function fuzz_count()`),
  );
const fingerprint = async () => String(rowsOf<{ n: string | number }>(await db.execute(sql`select n from fuzz_writes`))[0].n);

const tally = { requests: 0, refusedWritesChecked: 0, byStatus: new Map<number, number>() };

async function send(op: string, r: FuzzRequest): Promise<string | null> {
  const headers = { ...r.headers };
  if (r.role !== "anonymous") {
    const s = await sessionOf(r.role);
    headers.cookie = s.cookie;
    if (r.method !== "GET" && r.csrf !== "missing") headers["x-csrf-token"] = r.csrf === "right" ? s.csrf : "0".repeat(43);
  }
  const before = r.method !== "GET" ? await fingerprint() : "";
  const res = await t.app.inject({ method: r.method, url: r.url, headers, payload: r.payload });
  tally.requests++;
  tally.byStatus.set(res.statusCode, (tally.byStatus.get(res.statusCode) ?? 0) + 1);
  // Signed out by the request itself (sign-out, sign-out everywhere): the next one signs in again.
  if (res.statusCode === 401 && r.role !== "anonymous") sessions.delete(r.role);
  const what = `${op} as ${r.role} → ${res.statusCode}`;
  if (res.statusCode >= 500) return `${what}: ${res.body.slice(0, 300)}`;
  const text = res.body.slice(0, 20_000);
  if (STACK.test(text) && res.headers["content-type"]?.toString().includes("json"))
    return `${what}: a stack trace leaked: ${text.slice(0, 300)}`;
  if (res.statusCode >= 400) {
    const body = res.json() as { message?: unknown; code?: unknown; fields?: { field?: unknown; message?: unknown }[] };
    if (typeof body.message !== "string" || !body.message) return `${what}: no message in ${res.body.slice(0, 200)}`;
    if (
      body.code === "validation" &&
      !body.fields?.every((f) => typeof f.field === "string" && typeof f.message === "string" && f.message)
    )
      return `${what}: a validation error without field and reason: ${res.body.slice(0, 300)}`;
    if (r.method !== "GET" && !RECORDS_REFUSALS.has(op)) {
      tally.refusedWritesChecked++;
      if ((await fingerprint()) !== before) return `${what}: the database changed although the request was refused`;
    }
  }
  return null;
}

afterAll(async () => {
  const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  process.stdout.write(
    `fuzz: ${tally.requests} requests over ${operations.length} operations as ${roles.length} roles; ` +
      `${tally.refusedWritesChecked} refused writes checked unchanged; statuses ${statuses.join(", ")}\n`,
  );
  await t.close();
});

describe("every route, fuzzed from its OpenAPI schema", () => {
  const runs = Math.ceil(TOTAL / operations.length);
  it("covers the whole route list", () => {
    const listed = new Set(operations.map((o) => `${o.method} ${o.path.replace(/\{(\w+)\}/g, ":$1")}`));
    const routes = t.app.routeList.filter((r) => r.url.startsWith("/api/") && r.url !== "/api/openapi.json");
    expect(routes.filter((r) => !listed.has(`${r.method} ${r.url}`)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  for (const op of operations) {
    const name = `${op.method} ${op.path}`;
    it(name, { timeout: 600_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op, roles, { ids }), async (r) => {
          const problem = await send(name, r);
          if (problem) throw new Error(problem);
        }),
        { numRuns: runs, endOnFailure: true, seed: Number(process.env.LUOSHI_FUZZ_SEED ?? 20261129) },
      );
    });
  }

  it(`tried at least ${TOTAL.toLocaleString("en")} requests`, () => {
    expect(tally.requests).toBeGreaterThanOrEqual(TOTAL);
  });
});
