/** Shared by the request benchmarks: demo users signed in through the app, and p50/p95 of requests timed through it. */
import pg from "pg";
import { DEMO_PASSWORD } from "../src/db/demo-jurisdiction.js";
import type { App } from "../src/server/app.js";
import { type Agent, makeAgent } from "../src/server/testing.js";

export async function signInAs(app: App, username: string): Promise<Agent> {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = res.cookies.find((c) => c.name === "luoshi_session");
  return makeAgent(app, `luoshi_session=${cookie?.value}`, res.json().csrfToken);
}

/** Times each request `runs` times after 5 to warm up, and prints its p50 and p95 against its target (100 ms unless given). */
export async function timeRequests(cases: [string, Agent, string, number?][], runs: number, width = 46): Promise<void> {
  for (const [name, agent, path, target = 100] of cases) {
    const times: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const t0 = performance.now();
      const res = await agent.get(path);
      const ms = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (i >= 5) times.push(ms);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
    console.log(
      `  ${name.padEnd(width)} p50 ${p(0.5).padStart(6)} ms   p95 ${p(0.95).padStart(6)} ms  [target p95 < ${target} ms]`,
    );
  }
}

/**
 * A fresh database for a PostgreSQL benchmark, created beside DATABASE_URL's and dropped by
 * `drop()` unless KEEP_DB is set; null (the benchmark says it is skipped) without DATABASE_URL.
 */
export async function benchDatabase(name: string, script: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = process.env.DATABASE_URL;
  if (!admin) {
    console.log(`${script} needs DATABASE_URL (a PostgreSQL server); skipped`);
    return null;
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const server = new pg.Client({ connectionString: admin });
  await server.connect();
  await server.query(`drop database if exists ${name} with (force)`);
  await server.query(`create database ${name}`);
  return {
    url: url.toString(),
    async drop() {
      if (!process.env.KEEP_DB) await server.query(`drop database if exists ${name} with (force)`);
      await server.end();
    },
  };
}
