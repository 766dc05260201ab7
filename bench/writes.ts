/**
 * Write load: progress reports submitted by many reporters at once through the HTTP API, then a
 * check that every report the server acknowledged (201 with its id) is in the database exactly
 * once, and nothing else was written under the run's mark.
 */
import type pg from "pg";
import { load } from "./load.js";
import { signIn } from "./server.js";

export interface WriteResult {
  clients: number;
  acknowledged: number;
  errors: number;
  failures: string[];
  perSecond: number;
  /** The servers' CPU time over the load for each acknowledged report (ms): the application's cost of a write. */
  serverCpuMsPerReport: number;
  /** PostgreSQL's CPU time for each acknowledged report (ms), when it runs on this machine (else null). */
  databaseCpuMsPerReport: number | null;
  p50: number;
  p95: number;
  p99: number;
  /** Acknowledged reports found once, not found; requests stored twice; rows under the mark never acknowledged. */
  foundOnce: number;
  missing: number;
  duplicated: number;
  unacknowledged: number;
}

export async function writeLoad(
  db: pg.Client,
  base: string,
  password: string,
  opts: { clients: number; seconds: number; serverCpuMs: () => number; databaseCpuMs: (() => number) | null },
): Promise<WriteResult> {
  // Reporters whose unit leads running work, each with the tasks it may report on.
  const { rows } = await db.query<{ username: string; tasks: string[] }>(
    `select u.username, (array_agg(t.id order by t.number))[1:20] as tasks
    from users u join tasks t on t.lead_unit_id = u.unit_id
    where u.username like 'u%' and 'reporter' = any(u.roles) and u.active and t.state in ('accepted', 'in_progress')
    group by u.username order by u.username limit $1`,
    [opts.clients],
  );
  if (rows.length < opts.clients)
    throw new Error(`only ${rows.length} reporters with running tasks; the write load needs ${opts.clients}`);
  const sessions: { cookie: string; csrf: string }[] = [];
  for (let i = 0; i < rows.length; i += 10)
    sessions.push(...(await Promise.all(rows.slice(i, i + 10).map((r) => signIn(base, r.username, password)))));
  const mark = `bench-write-${Date.now().toString(36)}`;
  const cpuBefore = opts.serverCpuMs();
  const databaseBefore = opts.databaseCpuMs?.() ?? 0;
  const result = await load({
    base,
    connections: opts.clients,
    seconds: opts.seconds,
    keepBodies: true,
    next: (i, c) => {
      const tasks = rows[c].tasks;
      return {
        method: "POST",
        path: `/api/tasks/${tasks[i % tasks.length]}/reports`,
        headers: { cookie: sessions[c].cookie, "x-csrf-token": sessions[c].csrf },
        body: JSON.stringify({ kind: "report", narrative: `${mark} #${i}：本月按计划推进。`, percent: null }),
      };
    },
  });
  const serverCpu = opts.serverCpuMs() - cpuBefore;
  const databaseCpu = opts.databaseCpuMs ? opts.databaseCpuMs() - databaseBefore : null;
  const acknowledged = result.bodies.map((b) => (JSON.parse(b) as { id: string }).id);
  const counts = await db.query<{ id: string; n: string }>(
    "select id, count(*) as n from progress_reports where id = any($1::uuid[]) group by id",
    [acknowledged],
  );
  const found = new Map(counts.rows.map((r) => [r.id, Number(r.n)]));
  const under = await db.query<{ n: string }>("select count(*) as n from progress_reports where narrative like $1", [
    `${mark} #%`,
  ]);
  // A request stored twice would show as two rows with its number.
  const twice = await db.query<{ n: string }>(
    "select count(*) as n from (select narrative from progress_reports where narrative like $1 group by narrative having count(*) > 1) d",
    [`${mark} #%`],
  );
  const foundOnce = acknowledged.filter((id) => found.get(id) === 1).length;
  return {
    clients: opts.clients,
    acknowledged: acknowledged.length,
    errors: result.errors,
    failures: result.failures,
    perSecond: result.perSecond,
    serverCpuMsPerReport: acknowledged.length ? serverCpu / acknowledged.length : 0,
    databaseCpuMsPerReport: databaseCpu !== null && acknowledged.length ? databaseCpu / acknowledged.length : null,
    p50: result.p50,
    p95: result.p95,
    p99: result.p99,
    foundOnce,
    missing: acknowledged.filter((id) => !found.has(id)).length,
    duplicated: Number(twice.rows[0].n),
    unacknowledged: Number(under.rows[0].n) - foundOnce,
  };
}
