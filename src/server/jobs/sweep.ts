import { lt, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { loginAttempts } from "../../db/schema.js";
import { deleteExpiredSessions } from "../auth/sessions.js";

/** Removes expired sessions and sign-in attempts older than a day (throttling looks back minutes, not days). */
export async function sweepSessions(db: Queryable): Promise<void> {
  await deleteExpiredSessions(db);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 day'`));
}

/** Runs the sweep hourly in the background; harmless when several servers run it. */
export function scheduleSweeps(db: Queryable, log: (e: unknown) => void): () => void {
  const timer = setInterval(() => sweepSessions(db).catch(log), 3600_000);
  timer.unref();
  return () => clearInterval(timer);
}
