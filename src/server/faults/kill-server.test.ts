/**
 * `kill -9` of the server while reporters submit progress reports: after a restart on the same
 * data, every report the server acknowledged is there exactly once, and the data opens cleanly.
 * On the embedded PGlite (a data folder) and, when DATABASE_URL is set, on PostgreSQL. The server
 * is `luoshi serve` in its own process, with the demo data.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count, like } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../db/connection.js";
import { DEMO_PASSWORD, DEMO_UNITS } from "../../db/demo-jurisdiction.js";
import { progressReports, tasks } from "../../db/schema.js";
import { createTestDatabase } from "../../db/testing.js";
import { LEDGER_COLUMNS } from "../../domain/ledger.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Child {
  base: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

async function serve(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["bin/luoshi.mjs", "serve", "--host", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(port), LUOSHI_JOBS: "0", LUOSHI_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 900) throw new Error("the server did not answer /api/health within 90 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, process: child, exited };
}

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("luoshi_session="));
  return { cookie: cookie as string, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Reports from several clients until the server dies under them; the narratives it acknowledged. */
async function reportUntilKilled(child: Child, mark: string): Promise<{ acknowledged: string[]; sent: number }> {
  const session = await signIn(child.base, "reporter");
  const headers = { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": "application/json" };
  const me = (await (await fetch(`${child.base}/api/auth/session`, { headers })).json()) as { user: { unitId: string } };
  const open = (await (
    await fetch(`${child.base}/api/tasks?leadUnitId=${me.user.unitId}&open=true&limit=50`, { headers })
  ).json()) as { items: { id: string; state: string }[] };
  const list = { items: open.items.filter((t) => t.state === "accepted" || t.state === "in_progress") };
  expect(list.items.length).toBeGreaterThan(0);
  const acknowledged: string[] = [];
  let sent = 0;
  let alive = true;
  const client = async (n: number) => {
    for (let i = 0; alive; i++) {
      const narrative = `${mark} client ${n} #${i}`;
      sent++;
      try {
        const res = await fetch(`${child.base}/api/tasks/${list.items[(n + i) % list.items.length].id}/reports`, {
          method: "POST",
          headers,
          body: JSON.stringify({ narrative, percent: null }),
        });
        if (res.status === 201) acknowledged.push(narrative);
        else expect(res.status).toBe(201);
      } catch {
        alive = false; // the server is gone
      }
    }
  };
  const clients = Array.from({ length: 8 }, (_, n) => client(n));
  // Kill once reports are landing, in the middle of the flow.
  while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
  child.process.kill("SIGKILL");
  await child.exited;
  alive = false;
  await Promise.all(clients);
  return { acknowledged, sent };
}

async function storedOnce(database: Database, mark: string, acknowledged: string[]) {
  const rows = await database.db
    .select({ narrative: progressReports.narrative })
    .from(progressReports)
    .where(like(progressReports.narrative, `${mark}%`));
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.narrative as string, (count.get(r.narrative as string) ?? 0) + 1);
  expect(acknowledged.filter((n) => count.get(n) !== 1)).toEqual([]);
  expect([...count].filter(([, n]) => n > 1)).toEqual([]);
  return rows.length;
}

const LEDGER_ROWS = 3000;

/** A work ledger of new tasks for the city's units, each title carrying the mark. */
async function ledgerOf(mark: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("工作台账");
  const keys = ["title", "leadUnit", "startOn", "dueOn"] as const;
  sheet.addRow(keys.map((k) => LEDGER_COLUMNS.find((c) => c.key === k)?.["zh-CN"]));
  const units = DEMO_UNITS.filter((u) => u.code.startsWith("JX-")).map((u) => u.name);
  for (let i = 0; i < LEDGER_ROWS; i++)
    sheet.addRow([
      `${mark} 第${i + 1}项：加快推进重点项目建设`,
      units[i % units.length],
      new Date(Date.UTC(2026, 0, 1)),
      new Date(Date.UTC(2027, i % 12, 1)),
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function startImport(child: Child, mark: string) {
  const session = await signIn(child.base, "coordinator");
  const headers = { cookie: session.cookie, "x-csrf-token": session.csrf };
  const res = await fetch(`${child.base}/api/ledger-imports`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/octet-stream", "x-file-name": "ledger.xlsx" },
    body: new Uint8Array(await ledgerOf(mark)),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  return { headers, poll: `${child.base}/api/ledger-imports/${id}` };
}

/** Starts a ledger import and kills the server while it checks or writes the rows. */
async function importUntilKilled(child: Child, mark: string): Promise<string> {
  const { headers, poll: pollUrl } = await startImport(child, mark);
  let seen = "reading";
  // The embedded database holds the event loop while it writes: a poll that does not come back soon means it is writing.
  while (seen === "reading" || seen === "checking") {
    const poll = await Promise.race([
      fetch(pollUrl, { headers }).then(async (r) => ((await r.json()) as { phase: string }).phase),
      new Promise<string>((r) => setTimeout(() => r("busy"), 250)),
    ]);
    seen = poll;
    if (seen === "reading" || seen === "checking") await new Promise((r) => setTimeout(r, 20));
  }
  child.process.kill("SIGKILL");
  await child.exited;
  return seen;
}

async function importedTasks(database: Database, mark: string): Promise<number> {
  const [row] = await database.db
    .select({ n: count() })
    .from(tasks)
    .where(like(tasks.title, `${mark}%`));
  return row.n;
}

describe("kill -9 of the server during a ledger import", () => {
  for (const kind of ["PGlite", "PostgreSQL"] as const) {
    // Each kind once per `npm test`: the embedded one in the PGlite run, PostgreSQL in its own.
    it.skipIf(kind === "PostgreSQL" ? !process.env.DATABASE_URL : !!process.env.DATABASE_URL)(
      `${kind}: after a restart the import is there whole or not at all`,
      { timeout: 240_000 },
      async () => {
        const dir = mkdtempSync(join(tmpdir(), "luoshi-kill-ledger-"));
        const pg = kind === "PostgreSQL" ? await createTestDatabase() : null;
        const env: Record<string, string> = pg ? { DATABASE_URL: pg.url as string, LUOSHI_FILES: dir } : { LUOSHI_DATA: dir };
        try {
          const mark = `kill-ledger-${Date.now().toString(36)}`;
          const phase = await importUntilKilled(await serve(env), mark);
          // Straight after the kill: the data opens (the embedded one in this process) and holds all or nothing.
          const countNow = async () => {
            if (pg) return importedTasks(pg, mark);
            const folder = await openDatabase({ dataDir: dir });
            try {
              return await importedTasks(folder, mark);
            } finally {
              await folder.close();
            }
          };
          const n = await countNow();
          expect([0, LEDGER_ROWS]).toContain(n);
          // The same ledger imported again on the restarted server goes in whole: it was a good one.
          const again = await serve(env);
          const control = await startImport(again, mark);
          let job = { phase: "reading", result: null as { ok: boolean } | null };
          while (job.phase !== "done" && job.phase !== "failed") {
            await new Promise((r) => setTimeout(r, 200));
            job = (await (await fetch(control.poll, { headers: control.headers })).json()) as typeof job;
          }
          expect(job.result?.ok).toBe(true);
          again.process.kill("SIGTERM");
          await again.exited;
          expect(await countNow()).toBe(n + LEDGER_ROWS);
          process.stdout.write(
            `kill -9 during a ledger import (${kind}): killed while ${phase === "busy" ? "writing (the server busy)" : phase}; ${n} of ${LEDGER_ROWS} rows there after the kill; imported again whole\n`,
          );
        } finally {
          await pg?.close();
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  }
});

describe("kill -9 of the server during report submissions", () => {
  it.skipIf(!!process.env.DATABASE_URL)(
    "PGlite: the data folder opens cleanly after the kill, every acknowledged report in it once",
    {
      timeout: 240_000,
    },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "luoshi-kill-"));
      try {
        const env = { LUOSHI_DATA: dir };
        const mark = `kill-pglite-${Date.now().toString(36)}`;
        const { acknowledged, sent } = await reportUntilKilled(await serve(env), mark);
        // The restarted server opens the folder (its lock file names a dead process) and answers.
        const again = await serve(env);
        expect((await fetch(`${again.base}/api/health`)).status).toBe(200);
        again.process.kill("SIGTERM");
        await again.exited;
        const database = await openDatabase({ dataDir: dir });
        try {
          const stored = await storedOnce(database, mark, acknowledged);
          process.stdout.write(
            `kill -9 (PGlite): ${sent} reports sent, ${acknowledged.length} acknowledged before the kill, all stored once (${stored} stored in all)\n`,
          );
        } finally {
          await database.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    "PostgreSQL: after a restart every acknowledged report is there once",
    { timeout: 240_000 },
    async () => {
      const database = await createTestDatabase();
      try {
        const env = { DATABASE_URL: database.url as string, LUOSHI_FILES: mkdtempSync(join(tmpdir(), "luoshi-kill-files-")) };
        const mark = `kill-pg-${Date.now().toString(36)}`;
        const { acknowledged, sent } = await reportUntilKilled(await serve(env), mark);
        const again = await serve(env);
        expect((await fetch(`${again.base}/api/health`)).status).toBe(200);
        again.process.kill("SIGTERM");
        await again.exited;
        const stored = await storedOnce(database, mark, acknowledged);
        process.stdout.write(
          `kill -9 (PostgreSQL): ${sent} reports sent, ${acknowledged.length} acknowledged before the kill, all stored once (${stored} stored in all)\n`,
        );
      } finally {
        await database.close();
      }
    },
  );
});
