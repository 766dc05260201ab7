/**
 * Start-up time of `luoshi serve` on an existing embedded data folder: from spawning the process
 * to the first healthy answer, over several runs. Prints the figures (the README records them).
 * Run: npm run bench:startup
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "../bin/luoshi.mjs");
const RUNS = Number(process.env.RUNS ?? 5);
const PORT = 3917;

async function startOnce(data: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, "serve", "--port", String(PORT), "--host", "127.0.0.1", "--data", data], {
    env: { ...process.env, DATABASE_URL: "", LUOSHI_LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return performance.now() - t0;
      } catch {}
      if (performance.now() - t0 > 60_000) throw new Error("no answer within 60 s");
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

const data = mkdtempSync(join(tmpdir(), "luoshi-bench-"));
try {
  const first = await startOnce(data);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await startOnce(data));
  times.sort((a, b) => a - b);
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log("luoshi serve start-up, spawn to first healthy /api/health (embedded PGlite)");
  console.log(`  fresh data folder (migrate + demo seed): ${fmt(first)}`);
  console.log(
    `  existing data folder, ${RUNS} runs: min ${fmt(times[0])}, median ${fmt(times[Math.floor(RUNS / 2)])}, max ${fmt(times[RUNS - 1])}`,
  );
} finally {
  rmSync(data, { recursive: true, force: true });
}
