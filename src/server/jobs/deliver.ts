import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { type DeliveryRow, deliveries } from "../../db/schema.js";
import type { OutgoingMessage } from "../notify/notify.js";
import type { Send } from "../notify/senders.js";

/** Attempts before a delivery stops as failed (an admin may send it again). */
export const MAX_ATTEMPTS = 6;
/** Minutes to wait after the n-th failure: 1, 5, 15, 60, 240. */
const BACKOFF_MINUTES = [1, 5, 15, 60, 240];
/** How long a claimed delivery is left to its worker before another may take it (a worker that died). */
const LEASE_MINUTES = 10;

export const backoffMinutes = (attempts: number) => BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 1;

/**
 * Claims up to `limit` due deliveries. FOR UPDATE SKIP LOCKED lets several servers claim at once
 * without taking the same row; the lease moves the row out of reach until this worker reports back.
 */
async function claim(db: Db, limit: number): Promise<DeliveryRow[]> {
  const result = await db.execute(sql`
    update ${deliveries} d set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(mins => ${LEASE_MINUTES})
    from (select id from ${deliveries} where state = 'pending' and next_attempt_at <= now()
          order by next_attempt_at, id limit ${limit} for update skip locked) c
    where d.id = c.id
    returning d.id`);
  const ids = (result as unknown as { rows: { id: number | string }[] }).rows.map((r) => Number(r.id));
  if (!ids.length) return [];
  return db.select().from(deliveries).where(inArray(deliveries.id, ids));
}

export interface DeliveryStats {
  sent: number;
  retrying: number;
  failed: number;
}

/** Sends what is due, a batch at a time, until nothing is left; each outcome is written as it comes. */
export async function deliverDue(db: Db, send: Send, opts: { batch?: number; maxBatches?: number } = {}): Promise<DeliveryStats> {
  const stats: DeliveryStats = { sent: 0, retrying: 0, failed: 0 };
  for (let n = 0; n < (opts.maxBatches ?? 100); n++) {
    const batch = await claim(db, opts.batch ?? 20);
    if (!batch.length) break;
    await Promise.all(
      batch.map(async (d) => {
        try {
          await send(d.kind, d.target, d.secret, d.message as OutgoingMessage);
          await db.update(deliveries).set({ state: "sent", sentAt: sql`now()`, lastError: null }).where(eq(deliveries.id, d.id));
          stats.sent++;
        } catch (e) {
          const error = String((e as Error).message ?? e).slice(0, 500);
          const failed = d.attempts >= MAX_ATTEMPTS;
          await db
            .update(deliveries)
            .set({
              state: failed ? "failed" : "pending",
              lastError: error,
              nextAttemptAt: sql`now() + make_interval(mins => ${backoffMinutes(d.attempts)})`,
            })
            .where(eq(deliveries.id, d.id));
          if (failed) stats.failed++;
          else stats.retrying++;
        }
      }),
    );
  }
  return stats;
}
