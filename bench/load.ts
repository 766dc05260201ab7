/**
 * A closed-loop load generator over HTTP/1.1 keep-alive (what autocannon does, without its
 * dependencies; the client is http-client.ts): `connections` clients each send a request, wait for the answer, and send the
 * next, for `seconds`. Latency is measured per request from send to the last byte.
 */
import { Connection } from "./http-client.js";

export interface Request {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** The first unexpected answers, for the report. */
  failures: string[];
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  /** What each successful request answered (when asked to keep it). */
  bodies: string[];
}

export interface LoadOptions {
  base: string;
  connections: number;
  seconds: number;
  /** The i-th request (numbered across all clients); `client` is the connection's number. */
  next: (i: number, client: number) => Request;
  /** Status codes that count as success (200 and 201 by default). */
  ok?: number[];
  keepBodies?: boolean;
  /** Stop after this many requests in all, even before `seconds`. */
  maxRequests?: number;
}

export const percentile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : Number.NaN;

export async function load(opts: LoadOptions): Promise<LoadResult> {
  const url = new URL(opts.base);
  const ok = new Set(opts.ok ?? [200, 201]);
  const times: number[] = [];
  const failures: string[] = [];
  const bodies: string[] = [];
  let errors = 0;
  let issued = 0;
  const t0 = performance.now();
  const deadline = t0 + opts.seconds * 1000;
  const connections = Array.from({ length: opts.connections }, () => new Connection(url.hostname, Number(url.port)));
  const send = (c: number, req: Request) =>
    connections[c].send(
      req.method ?? "GET",
      req.path,
      {
        ...(req.body ? { "content-type": "application/json" } : {}),
        ...req.headers,
      },
      req.body,
    );
  const client = async (c: number) => {
    while (performance.now() < deadline && (opts.maxRequests === undefined || issued < opts.maxRequests)) {
      const req = opts.next(issued++, c);
      const start = performance.now();
      try {
        const res = await send(c, req);
        const ms = performance.now() - start;
        if (ok.has(res.status)) {
          times.push(ms);
          if (opts.keepBodies) bodies.push(res.body);
        } else {
          errors++;
          if (failures.length < 3) failures.push(`${req.method ?? "GET"} ${req.path}: ${res.status} ${res.body.slice(0, 160)}`);
        }
      } catch (e) {
        errors++;
        if (failures.length < 3) failures.push(`${req.method ?? "GET"} ${req.path}: ${(e as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, (_, c) => client(c)));
  const elapsed = (performance.now() - t0) / 1000;
  for (const c of connections) c.close();
  times.sort((a, b) => a - b);
  return {
    requests: times.length + errors,
    errors,
    failures,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    perSecond: times.length / elapsed,
    bodies,
  };
}
