/**
 * The suite's tables: one per scale (each endpoint's latency, throughput and memory beside its
 * direct SQL, with the targets of issue 9), the write check, the growth across scales, and the
 * comparison with a recorded run that CI uses to catch an endpoint grown twice as costly.
 */
import { readFileSync } from "node:fs";
import type { SqlTiming } from "./direct-sql.js";
import type { LoadResult } from "./load.js";
import type { WriteResult } from "./writes.js";

export interface Row {
  name: string;
  kind: "read" | "job" | "signin";
  http: LoadResult;
  sql: SqlTiming | null;
  rssMb: number;
  /** What one request produced, where that grows with the scale. */
  output?: { items: number; of: string; per: string };
}

export interface ScaleRun {
  scale: number;
  loadSeconds: number | null;
  counts: Record<string, string>;
  rows: Row[];
  /** Absent when --only left the write load out. */
  writes: WriteResult | null;
  writeRssMb: number;
}

const ms = (n: number) => (Number.isFinite(n) ? (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)}`) : "—");
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

/** The application layer's allowance over the endpoint's own SQL (issue 9): 1.5× plus 5 ms. */
export const withinAllowance = (r: Row) => (r.sql ? r.http.p95 <= 1.5 * r.sql.p95 + 5 : true);

function verdict(r: Row): string {
  if (r.http.errors) return `✗ ${r.http.errors} errors`;
  if (r.kind === "read") {
    const fast = r.http.p95 < 100;
    const thin = withinAllowance(r);
    return fast && thin ? "✓" : `✗${fast ? "" : " p95"}${thin ? "" : " app"}`;
  }
  if (r.name.startsWith("evaluation")) return r.http.p95 < 5000 ? "✓ (< 5 s)" : "✗ (< 5 s)";
  return "";
}

export function printTable(run: ScaleRun, opts: { connections: number; seconds: number; cluster?: boolean }): void {
  const c = run.counts;
  const n = (k: string) => Number(c[k]).toLocaleString("en");
  console.log(
    `\nScale ${run.scale}: ${n("units")} units, ${n("users")} users, ${n("tasks")} tasks, ${n("reports")} progress reports, ${n("projects")} projects` +
      (run.loadSeconds === null ? " (database reused)" : ` (generated and loaded in ${run.loadSeconds.toFixed(0)} s)`),
  );
  console.log(
    `${opts.connections} concurrent clients for ${opts.seconds} s per endpoint (jobs: 1 client)${opts.cluster ? ", through nginx to two servers" : ""}; ms; SQL = the endpoint's statements replayed directly`,
  );
  const head = [
    pad("endpoint", 46),
    lpad("p50", 8),
    lpad("p95", 8),
    lpad("p99", 8),
    lpad("req/s", 7),
    lpad("SQL p95", 8),
    lpad("app/SQL", 8),
    lpad("RSS MB", 7),
    "  target",
  ].join(" ");
  console.log(head);
  console.log("-".repeat(head.length + 4));
  for (const r of run.rows) {
    console.log(
      [
        pad(r.name, 46),
        lpad(ms(r.http.p50), 8),
        lpad(ms(r.http.p95), 8),
        lpad(ms(r.http.p99), 8),
        lpad(r.http.perSecond.toFixed(0), 7),
        lpad(r.sql ? ms(r.sql.p95) : "—", 8),
        lpad(r.sql ? `${(r.http.p95 / r.sql.p95).toFixed(2)}×` : "—", 8),
        lpad(r.rssMb.toFixed(0), 7),
        `  ${verdict(r)}`,
      ].join(" "),
    );
    for (const f of r.http.failures) console.log(`      ${f}`);
  }
  const w = run.writes;
  if (w) {
    const whole = w.missing === 0 && w.duplicated === 0 && w.errors === 0;
    console.log(
      `\nProgress reports written by ${w.clients} clients: ${w.acknowledged.toLocaleString("en")} acknowledged, ${w.perSecond.toFixed(0)}/s, p50 ${ms(w.p50)} p95 ${ms(w.p95)} p99 ${ms(w.p99)} ms; ` +
        `found once ${w.foundOnce}, missing ${w.missing}, stored twice ${w.duplicated}, errors ${w.errors}, RSS ${run.writeRssMb.toFixed(0)} MB, ` +
        `CPU a report: server ${w.serverCpuMsPerReport.toFixed(2)} ms${
          w.databaseCpuMsPerReport === null ? "" : `, PostgreSQL ${w.databaseCpuMsPerReport.toFixed(2)} ms`
        }  ` +
        `[target ≥ 1,000/s, none lost or doubled: ${w.perSecond >= 1000 && whole ? "✓" : "✗"}]`,
    );
    for (const f of w.failures) console.log(`      ${f}`);
  }
  const peak = Math.max(run.writeRssMb, ...run.rows.map((r) => r.rssMb));
  console.log(`Server memory at most ${peak.toFixed(0)} MB resident  [target < 500 MB: ${peak < 500 ? "✓" : "✗"}]`);
}

/** Each endpoint's p95 at every scale, and the largest against the smallest (target: at most 3×). */
export function printGrowth(runs: ScaleRun[]): void {
  const sorted = [...runs].sort((a, b) => a.scale - b.scale);
  const [first, last] = [sorted[0], sorted[sorted.length - 1]];
  console.log(`\nGrowth: p95 (ms) at ${sorted.map((r) => `${r.scale}×`).join(", ")} the city scale`);
  console.log(`${pad("endpoint", 46)} ${sorted.map((r) => lpad(`${r.scale}×`, 8)).join(" ")}  ${lpad("last/first", 10)}`);
  const line = (name: string, p95s: number[], mark: string) => {
    const growth = p95s[p95s.length - 1] / p95s[0];
    console.log(`${pad(name, 46)} ${p95s.map((p) => lpad(ms(p), 8)).join(" ")}  ${lpad(`${growth.toFixed(2)}×`, 10)} ${mark}`);
  };
  for (const row of first.rows) {
    const at = sorted.map((r) => r.rows.find((x) => x.name === row.name));
    const p95s = at.map((x) => x?.http.p95 ?? Number.NaN);
    const growth = p95s[p95s.length - 1] / p95s[0];
    const outputs = at.map((x) => x?.output?.items ?? 0);
    if (row.output && outputs.every((n) => n > 0) && outputs[0] !== outputs[outputs.length - 1]) {
      // A request that produces more at a larger scale (more counties to rank) is judged per item produced.
      line(row.name, p95s, `(${outputs.join(", ")} ${row.output.of})`);
      const each = p95s.map((p, i) => p / outputs[i]);
      line(`  the same, per ${row.output.per}`, each, each[each.length - 1] / each[0] <= 3 ? "✓" : "✗");
      continue;
    }
    line(row.name, p95s, row.kind === "signin" || growth <= 3 ? "✓" : "✗");
  }
  console.log(
    `(${last.scale}× holds ${Number(last.counts.tasks).toLocaleString("en")} tasks against ${Number(first.counts.tasks).toLocaleString("en")})`,
  );
}

/**
 * Compares each read endpoint's application-layer ratio (HTTP p95 over direct-SQL p95) with a
 * recorded run of the same scale: more than twice the recorded ratio, and more than 5 ms beyond
 * its allowance, is a regression. False when any endpoint regressed.
 */
export function checkAgainst(runs: ScaleRun[], file: string): boolean {
  const recorded = JSON.parse(readFileSync(file, "utf8")) as ScaleRun[];
  let ok = true;
  for (const run of runs) {
    const base = recorded.find((r) => r.scale === run.scale);
    if (!base) {
      console.log(`No recorded run at scale ${run.scale} in ${file}; nothing to compare.`);
      continue;
    }
    console.log(`\nAgainst ${file} (scale ${run.scale}): application-layer ratio now / recorded (fails above 2×)`);
    for (const r of run.rows) {
      const b = base.rows.find((x) => x.name === r.name);
      if (!b || !r.sql || !b.sql || r.kind !== "read") continue;
      const now = r.http.p95 / r.sql.p95;
      const then = b.http.p95 / b.sql.p95;
      const regressed = now > 2 * then && r.http.p95 > 1.5 * r.sql.p95 + 5;
      if (regressed || r.http.errors) ok = false;
      console.log(
        `${pad(r.name, 46)} ${lpad(`${now.toFixed(2)}×`, 7)} / ${lpad(`${then.toFixed(2)}×`, 7)}  ${regressed ? "✗ regressed" : r.http.errors ? "✗ errors" : "✓"}`,
      );
    }
  }
  return ok;
}
