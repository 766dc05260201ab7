import { StatementRecorder } from "/work/main/bench/direct-sql.ts";
import { signInAs } from "/work/main/bench/requests.ts";
import { openDatabase } from "/work/main/src/db/connection.ts";
import { buildApp } from "/work/main/src/server/app.ts";
import { configFromEnv } from "/work/main/src/server/config.ts";

const url = "postgres://postgres@127.0.0.1:55433/luoshi_bench_s100";
const rec = new StatementRecorder();
const database = await openDatabase({ databaseUrl: url, poolSize: 2, logQuery: rec.logQuery });
const app = await buildApp({ database, config: configFromEnv({}, { databaseUrl: url, demo: false }), logger: false });
await app.ready();
const who = process.argv[2] ?? "reporter";
const agent = await signInAs(app, who);
const path = process.argv[3] ?? "/api/my-work";
await agent.get(path);
const st = await rec.record(async () => {
  await agent.get(path);
});
for (const s of st) {
  const t0 = performance.now();
  const c = await database.db.$client.query(s.text, s.params);
  console.log(`${(performance.now() - t0).toFixed(1)} ms  ${s.text.slice(0, 230).replace(/\s+/g, " ")}`);
}
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  await agent.get(path);
  console.log("app", (performance.now() - t0).toFixed(1));
}
await app.close();
await database.close();
if (process.env.EXPLAIN) {
  const database2 = await (await import("/work/main/src/db/connection.ts")).openDatabase({ databaseUrl: url, poolSize: 1 });
  const i = Number(process.env.EXPLAIN);
  const s = st[i];
  console.log(s.text);
  const r = await database2.db.$client.query("explain (analyze, buffers) " + s.text, s.params);
  console.log(r.rows.map((x: any) => x["QUERY PLAN"]).join("\n"));
  await database2.close();
}
