#!/usr/bin/env node
// `npm test`: type check and lint, the suite on the embedded PGlite, the same suite on PostgreSQL
// when DATABASE_URL is set, then the browser specs. In CI (CI=true) PostgreSQL and Chromium are required.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ci = process.env.CI === "true";
const out = mkdtempSync(join(tmpdir(), "luoshi-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, cmd, args, env = process.env) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

function vitest(label, args, env) {
  const file = join(out, `${label.replace(/\W+/g, "-")}.json`);
  run(label, "npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], env);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else {
    totals.failed += 1;
  }
}

run("type check (tsc --noEmit)", "npx", ["tsc", "--noEmit"]);
run("lint and format (biome)", "npx", ["biome", "check", "."]);

const { DATABASE_URL, ...withoutPg } = process.env;
vitest("suite on PGlite", [], withoutPg);
if (DATABASE_URL) vitest("suite on PostgreSQL", [], process.env);
else if (ci) failures.push("PostgreSQL run (DATABASE_URL is not set, and CI requires it)");
else
  process.stdout.write("\nPostgreSQL run skipped: set DATABASE_URL=postgres://… to run the suite on a PostgreSQL server too.\n");

// The benchmark suite in small (city scale, seconds): an endpoint whose application layer costs
// twice its recorded ratio to its own SQL fails the run (bench/baseline-city.json; the full suite runs by hand).
if (DATABASE_URL)
  run("benchmark suite at city scale", "npx", [
    "tsx",
    "bench/suite.ts",
    ...["--scale", "city", "--seconds", "2", "--connections", "4", "--writers", "10", "--fresh"],
    ...["--check", "bench/baseline-city.json"],
  ]);

// A short soak: 200 simulated people through the HTTP API for a minute, no errors, no lost
// report, memory flat after warm-up (`npm run bench:soak` runs ten minutes by hand).
if (DATABASE_URL) run("soak, 200 people for 60 s", "npx", ["tsx", "bench/soak.ts", "--users", "200", "--seconds", "60"]);

vitest("browser specs (Chromium)", ["--config", "vitest.e2e.config.ts"], withoutPg);

process.stdout.write(`\n${failures.length ? `Failed: ${failures.join("; ")}` : "All steps passed."}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failures.length || totals.failed ? 1 : 0);
