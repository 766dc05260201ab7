/**
 * A Luoshi server as production runs it (`luoshi serve`, its own process, on PostgreSQL), or two
 * of them behind nginx, for the suite to load over HTTP, with resident memory sampled while they work.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface BenchServer {
  base: string;
  pid: number;
  /** The most resident memory seen since the last call (MB), and resets the mark. */
  peakRss(): number;
  /** CPU time the server's processes have used so far (ms), user and system. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** User and system CPU time of a process so far (ms), from /proc (0 where there is none). */
export function cpuMs(pid: number): number {
  try {
    // Fields after the command's closing bracket: utime and stime are the 12th and 13th, in clock ticks.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU time so far of every process by this name on this machine (ms): the PostgreSQL server's
 * processes when it runs here. Processes that ended in between are not counted.
 */
export function cpuMsByName(name: string): number {
  let sum = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name) sum += cpuMs(Number(entry));
    } catch {
      // ended while looked at
    }
  }
  return sum;
}

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export async function startServer(opts: {
  databaseUrl: string;
  port: number;
  env?: Record<string, string>;
}): Promise<BenchServer> {
  // LUOSHI_BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles", to profile the servers.
  const nodeArgs = (process.env.LUOSHI_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "bin/luoshi.mjs", "serve", "--host", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      PORT: String(opts.port),
      LUOSHI_JOBS: "0",
      LUOSHI_LOG_LEVEL: "warn",
      ...opts.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error("the server did not answer /api/health within 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid as number;
  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 200);
  return {
    base,
    pid,
    peakRss() {
      const p = Math.max(peak, rssMb(pid));
      peak = rssMb(pid);
      return p;
    },
    cpuMs: () => cpuMs(pid),
    async stop() {
      clearInterval(sampler);
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Signs in through HTTP; the session cookie and CSRF token for later requests. */
export async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith("luoshi_session="));
  if (!cookie) throw new Error(`sign-in of ${username}: no session cookie`);
  return { username, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/**
 * Two servers sharing one PostgreSQL behind nginx (Debian's package) on loopback, round robin
 * with keep-alive to both: what a deployment with more than one server looks like.
 */
export async function startCluster(opts: { databaseUrl: string; port: number; nginx?: string }): Promise<BenchServer> {
  const nginx = opts.nginx ?? "/usr/sbin/nginx";
  if (!existsSync(nginx)) throw new Error(`--cluster needs nginx (${nginx}); install Debian's nginx package`);
  const servers = [
    await startServer({ databaseUrl: opts.databaseUrl, port: opts.port + 1, env: { LUOSHI_TRUST_PROXY: "1" } }),
    await startServer({ databaseUrl: opts.databaseUrl, port: opts.port + 2, env: { LUOSHI_TRUST_PROXY: "1" } }),
  ];
  const dir = mkdtempSync(join(tmpdir(), "luoshi-nginx-"));
  writeFileSync(
    join(dir, "nginx.conf"),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  client_max_body_size 100m;
  upstream luoshi {
    server 127.0.0.1:${opts.port + 1};
    server 127.0.0.1:${opts.port + 2};
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${opts.port};
    location / {
      proxy_pass http://luoshi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
    }
  }
}
`,
  );
  const proxy = spawn(nginx, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => proxy.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; ; i++) {
    if (proxy.exitCode !== null) throw new Error(`nginx exited with ${proxy.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 100) throw new Error("nginx did not answer within 10 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: servers[0].pid,
    peakRss: () => Math.max(...servers.map((s) => s.peakRss())),
    cpuMs: () => servers.reduce((sum, s) => sum + s.cpuMs(), 0),
    async stop() {
      proxy.kill("SIGQUIT");
      await exited;
      for (const s of servers) await s.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
