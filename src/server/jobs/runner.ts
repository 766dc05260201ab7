import { eq, sql } from "drizzle-orm";
import type { Database, Db } from "../../db/connection.js";
import { jobRuns } from "../../db/schema.js";
import { todayIso } from "../clock.js";
import { refreshAllProjectWarnings } from "../commands/refresh-project-warnings.js";
import type { Config } from "../config.js";
import { type OutboxOptions, outboxOptions } from "../notify/notify.js";
import { realSender, type Send } from "../notify/senders.js";
import { runScheduledBulletins } from "./bulletin-schedules.js";
import { deliverDue } from "./deliver.js";
import { type SupervisionStats, superviseProjects, superviseTasks } from "./supervise.js";
import { refreshAllLights, sweepSessions } from "./sweep.js";

export interface PassResult extends SupervisionStats {
  lights: number;
  /** Project warnings raised, changed or cleared. */
  warnings: number;
  bulletins: number;
}

async function lastDay(db: Db, name: string): Promise<string | null> {
  const [row] = await db.select({ lastDay: jobRuns.lastDay }).from(jobRuns).where(eq(jobRuns.name, name));
  return row?.lastDay ?? null;
}

async function record(db: Db, name: string, values: Partial<typeof jobRuns.$inferInsert>) {
  await db
    .insert(jobRuns)
    .values({ name, ...values })
    .onConflictDoUpdate({ target: jobRuns.name, set: values });
}

/**
 * One supervision pass for `today`, on one server at a time (others skip it: null): lights when
 * the day has turned, the ladder of notices, and scheduled bulletins. Everything it does is keyed,
 * so a pass cut short is finished by the next one and nothing is issued twice.
 */
export async function supervisionPass(database: Database, outbox: OutboxOptions, today = todayIso()): Promise<PassResult | null> {
  return database.withTryLock("luoshi:supervision", async (db) => {
    await record(db, "supervision", { startedAt: sql`now()` as unknown as string, lastError: null });
    try {
      let lights = 0;
      if ((await lastDay(db, "lights")) !== today) {
        lights = await refreshAllLights(db, today);
        await record(db, "lights", { lastDay: today, finishedAt: sql`now()` as unknown as string });
      }
      let warnings = 0;
      if ((await lastDay(db, "project_warnings")) !== today) {
        const w = await refreshAllProjectWarnings(db, today);
        warnings = w.raised + w.changed + w.cleared;
        await record(db, "project_warnings", { lastDay: today, finishedAt: sql`now()` as unknown as string, stats: w });
      }
      const stats = await superviseTasks(db, outbox, today);
      stats.ladder += await superviseProjects(db, outbox, today);
      const bulletins = await runScheduledBulletins(db, outbox, today);
      const result = { ...stats, lights, warnings, bulletins };
      await record(db, "supervision", { lastDay: today, finishedAt: sql`now()` as unknown as string, stats: result });
      return result;
    } catch (e) {
      await record(db, "supervision", { lastError: String((e as Error).message ?? e).slice(0, 500) });
      throw e;
    }
  });
}

export interface JobsHandle {
  stop(): void;
}

/**
 * Runs the background jobs of one server: sessions and the supervision pass hourly (and soon
 * after start), deliveries every half minute. Several servers may run them on one PostgreSQL:
 * the pass takes an advisory lock, deliveries are claimed row by row.
 */
export function startJobs(database: Database, config: Config, log: (e: unknown, what: string) => void, send?: Send): JobsHandle {
  const outbox = outboxOptions(config);
  const sender = send ?? realSender(config);
  let passing = false;
  let delivering = false;
  const pass = async () => {
    if (passing) return;
    passing = true;
    try {
      await sweepSessions(database.db);
      await supervisionPass(database, outbox);
      await deliver();
    } catch (e) {
      log(e, "supervision pass failed");
    } finally {
      passing = false;
    }
  };
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      await deliverDue(database.db, sender);
    } catch (e) {
      log(e, "deliveries failed");
    } finally {
      delivering = false;
    }
  };
  const timers = [setTimeout(pass, 5_000), setInterval(pass, 3600_000), setInterval(deliver, 30_000)];
  for (const t of timers) t.unref();
  return {
    stop() {
      for (const t of timers) clearTimeout(t);
      (sender as { close?: () => void }).close?.();
    },
  };
}
