/**
 * The database's share of an endpoint: the statements one request sends (recorded from the
 * application itself, the session check included), replayed straight to PostgreSQL by as many
 * clients as the HTTP run had, for as long. What the endpoint costs beyond that is the
 * application layer (routing, validation, policies, presenting, JSON, HTTP).
 */
import pg from "pg";
import { percentile } from "./load.js";

export interface Statement {
  text: string;
  params: unknown[];
}

export interface SqlTiming {
  statements: number;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  errors: number;
}

/** Collects what the application sends while `fn` runs (give it the `logQuery` of the database it uses). */
export class StatementRecorder {
  private recording: Statement[] | null = null;
  readonly logQuery = (text: string, params: unknown[]) => {
    this.recording?.push({ text, params: [...params] });
  };
  async record(fn: () => Promise<void>): Promise<Statement[]> {
    this.recording = [];
    try {
      await fn();
      return this.recording;
    } finally {
      this.recording = null;
    }
  }
}

/**
 * Replays the requests' statements in turn (each request's in order, on one connection) from
 * `connections` clients for `seconds`. Writes are replayed inside a transaction that is rolled
 * back, so the data stays as it was.
 */
export async function replay(
  url: string,
  requests: Statement[][],
  opts: { connections: number; seconds: number; write: boolean },
): Promise<SqlTiming> {
  const pool = new pg.Pool({ connectionString: url, max: opts.connections, options: "-c jit=off" /* as the server runs them */ });
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + opts.seconds * 1000;
  const client = async () => {
    const c = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const statements = requests[next++ % requests.length];
        const start = performance.now();
        try {
          if (opts.write) await c.query("begin");
          for (const s of statements) await c.query(s.text, s.params);
          times.push(performance.now() - start);
        } catch {
          errors++;
        } finally {
          if (opts.write) await c.query("rollback");
        }
      }
    } finally {
      c.release();
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, client));
  const elapsed = (performance.now() - t0) / 1000;
  await pool.end();
  times.sort((a, b) => a - b);
  return {
    statements: Math.round(requests.reduce((n, r) => n + r.length, 0) / requests.length),
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    perSecond: times.length / elapsed,
    errors,
  };
}
