/** The `luoshi` command as a person runs it: real processes, a real data folder, real ports. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyPostgresDatabase } from "../src/db/testing.js";

const BIN = join(import.meta.dirname, "../bin/luoshi.mjs");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGTERM");
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function luoshi(args: string[], env: Record<string, string | undefined> = {}) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...base, LUOSHI_LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
}

/** Starts `luoshi serve`, waits for its health answer, returns it and what the process printed. */
async function serve(args: string[], env: Record<string, string | undefined>) {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const child = spawn(process.execPath, [BIN, "serve", "--port", String(port), "--host", "127.0.0.1", ...args], {
    env: { ...base, LUOSHI_LOG_LEVEL: "warn", ...env },
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { health: await res.json(), output: () => output, port };
    } catch {}
    if (child.exitCode !== null) throw new Error(`luoshi serve exited: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`luoshi serve did not answer: ${output}`);
}

// Each case starts real processes; on two busy cores that takes its time.
describe("luoshi serve", { timeout: 120_000 }, () => {
  it("answers /api/health with the embedded database, demo accounts printed, start-up time printed", async () => {
    const data = mkdtempSync(join(tmpdir(), "luoshi-cli-"));
    const { health, output } = await serve(["--data", data], {});
    expect(health).toMatchObject({ status: "ok", database: "pglite" });
    expect(output()).toMatch(/coordinator\s+Luoshi-demo-2026/);
    expect(output()).toMatch(/Started in \d+\.\d+ s/);
  });

  it("with LUOSHI_DEMO=0 starts empty with one admin whose password is printed once", async () => {
    const data = mkdtempSync(join(tmpdir(), "luoshi-cli-"));
    const { output, port } = await serve(["--data", data], { LUOSHI_DEMO: "0" });
    const match = output().match(/admin\s+(\S+)\s+admin/);
    expect(match).not.toBeNull();
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: match![1] }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).user.mustChangePassword).toBe(true);
  });

  it.runIf(process.env.DATABASE_URL)("answers database: postgres with DATABASE_URL", async () => {
    const empty = (await createEmptyPostgresDatabase())!;
    try {
      const { health } = await serve([], { DATABASE_URL: empty.url, LUOSHI_ADMIN_PASSWORD: "Strong-Pass-2026" });
      expect(health).toMatchObject({ status: "ok", database: "postgres" });
    } finally {
      for (const c of children.splice(0)) c.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      await empty.drop();
    }
  });

  it("refuses a second server on the same embedded data folder with a clear message", async () => {
    const data = mkdtempSync(join(tmpdir(), "luoshi-cli-"));
    await serve(["--data", data], { LUOSHI_DEMO: "0", LUOSHI_ADMIN_PASSWORD: "Strong-Pass-2026" });
    const second = luoshi(["backup", join(data, "x.gz"), "--data", data]);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("is in use by another Luoshi process");
  });
});

describe("luoshi user add, backup and restore", () => {
  it("adds a user, backs up, restores after a change, and refuses a file that is not a backup", () => {
    const data = mkdtempSync(join(tmpdir(), "luoshi-cli-"));
    const env = { LUOSHI_DEMO: "0", LUOSHI_ADMIN_PASSWORD: "Strong-Pass-2026" };
    const add = luoshi(
      ["user", "add", "-u", "wang.wu", "-n", "王五", "--unit", "ADMIN", "-r", "coordinator", "--data", data],
      env,
    );
    expect(add.stderr).toBe("");
    expect(add.stdout).toMatch(/Added wang\.wu \(coordinator\).*password: \S+/);
    const dup = luoshi(["user", "add", "-u", "WANG.WU", "-n", "x", "--unit", "ADMIN", "--data", data], env);
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain("already taken");
    const file = join(data, "backup.luoshi.gz");
    const backup = luoshi(["backup", file, "--data", data], env);
    expect(backup.stdout).toMatch(/users 2/);
    luoshi(["user", "add", "-u", "zhao.liu", "-n", "赵六", "--unit", "ADMIN", "--data", data], env);
    const noConfirm = luoshi(["restore", file, "--data", data], env);
    expect(noConfirm.status).toBe(1);
    expect(noConfirm.stderr).toContain("--yes");
    const restore = luoshi(["restore", file, "--yes", "--data", data], env);
    expect(restore.stdout).toMatch(/Restored .*users 2/);
    const again = luoshi(["backup", join(data, "after.gz"), "--data", data], env);
    expect(again.stdout).toMatch(/users 2/);
    const bogus = luoshi(["restore", BIN, "--yes", "--data", data], env);
    expect(bogus.status).toBe(1);
    expect(bogus.stderr).toContain("is not a Luoshi backup");
  }, 180_000);
});

describe("luoshi import", () => {
  it("imports reports as meetings with draft directives, skips one already registered, reports a bad file", () => {
    const data = mkdtempSync(join(tmpdir(), "luoshi-cli-"));
    const env = { LUOSHI_DEMO: "0", LUOSHI_ADMIN_PASSWORD: "Strong-Pass-2026" };
    const seeds = join(import.meta.dirname, "../../shared/seeds");
    const bad = join(data, "empty.txt");
    writeFileSync(bad, "");
    const first = luoshi(
      ["import", join(seeds, "000_607c365b1cbd75a4.txt"), join(seeds, "003_9d62e18ffa0ab910.txt"), bad, "--data", data],
      env,
    );
    expect(first.stdout).toContain("Imported 2 meeting(s) with 32 draft directive(s)");
    expect(first.stderr).toContain("empty.txt: the file is empty");
    expect(first.status).toBe(1);
    const again = luoshi(["import", join(seeds, "000_607c365b1cbd75a4.txt"), "--data", data], env);
    expect(again.stdout).toContain("already registered");
    expect(again.stdout).toContain("Imported 0 meeting(s)");
    expect(again.status).toBe(0);
  }, 180_000);
});
