/**
 * Reader throughput: MB of report text per second on one core (the reader is synchronous), over
 * the seed reports and the reader's own corpus, repeated for a few seconds. Target: ≥ 5 MB/s.
 * Run: npm run bench:reader
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readReport } from "../src/reader/index.js";

const ROOT = join(import.meta.dirname, "..");
const dirs = [join(ROOT, "../shared/seeds"), join(ROOT, "src/reader/corpus")];
const reports = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(d, f), "utf8")),
);
const bytes = reports.reduce((n, r) => n + Buffer.byteLength(r), 0);

for (let i = 0; i < 20; i++) for (const r of reports) readReport(r); // warm up the JIT

const seconds = Number(process.env.SECONDS_PER_RUN ?? 3);
const rates: number[] = [];
for (let run = 0; run < 5; run++) {
  let done = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < (seconds * 1000) / 5) {
    for (const r of reports) readReport(r);
    done += bytes;
  }
  rates.push(done / 1024 / 1024 / ((performance.now() - t0) / 1000));
}
rates.sort((a, b) => a - b);
console.log(`reader throughput over ${reports.length} reports (${(bytes / 1024).toFixed(1)} KiB), one core:`);
console.log(`  median ${rates[2].toFixed(2)} MB/s (min ${rates[0].toFixed(2)}, max ${rates[4].toFixed(2)})  target ≥ 5 MB/s`);
