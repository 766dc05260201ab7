import { and, asc, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/connection.js";
import { loginAttempts, tasks } from "../../db/schema.js";
import type { LightSettings } from "../../domain/light.js";
import { deleteExpiredSessions } from "../auth/sessions.js";
import { todayIso } from "../clock.js";
import { refreshLights } from "../commands/task-upkeep.js";
import { lightSettings } from "../queries/settings.js";

/** Removes expired sessions and sign-in attempts older than a day (throttling looks back minutes, not days). */
export async function sweepSessions(db: Queryable): Promise<void> {
  await deleteExpiredSessions(db);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 day'`));
}

/** Running states: the only ones with a light. */
const LIT = ["assigned", "accepted", "in_progress", "completion_requested", "returned"] as const;

/**
 * Recomputes the light of every running task for `today`: deadlines come nearer and reports fall
 * due with no one touching a task. A thousand tasks a transaction; returns how many changed.
 */
export async function refreshAllLights(db: Db, today = todayIso(), settings?: LightSettings): Promise<number> {
  const s = settings ?? (await lightSettings(db));
  let after = "00000000-0000-0000-0000-000000000000";
  let changed = 0;
  for (;;) {
    const page = await db
      .select()
      .from(tasks)
      .where(and(inArray(tasks.state, [...LIT]), gt(tasks.id, after)))
      .orderBy(asc(tasks.id))
      .limit(1000);
    if (!page.length) return changed;
    changed += await db.transaction((tx) => refreshLights(tx, page, today, s));
    after = page[page.length - 1].id;
  }
}
