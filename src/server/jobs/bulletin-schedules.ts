import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { bulletinSchedules, bulletins, units } from "../../db/schema.js";
import { addDays } from "../../domain/reporting-periods.js";
import { generateBulletin } from "../commands/generate-bulletin.js";
import { publishBulletin } from "../commands/publish-bulletin.js";
import { systemContext } from "../context.js";
import { HttpError } from "../errors.js";
import { announce, type OutboxOptions } from "../notify/notify.js";

/** The month before the one `today` falls in: first and last day. */
export function previousMonth(today: string): { from: string; to: string; key: string } {
  const to = addDays(`${today.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to, key: to.slice(0, 7) };
}

/**
 * Makes each active schedule's bulletin for last month, once (keyed by schedule and month): a
 * draft the office is told of, or published at once. A month with nothing to report is skipped.
 */
export async function runScheduledBulletins(db: Db, outbox: OutboxOptions, today: string): Promise<number> {
  const month = previousMonth(today);
  const schedules = await db
    .select({ s: bulletinSchedules, issuerName: units.name })
    .from(bulletinSchedules)
    .innerJoin(units, eq(units.id, bulletinSchedules.issuerUnitId))
    .where(eq(bulletinSchedules.active, true));
  let made = 0;
  for (const { s, issuerName } of schedules) {
    const scheduleKey = `schedule:${s.id}:${month.key}`;
    const [done] = await db
      .select({ id: bulletins.id })
      .from(bulletins)
      .where(and(isNotNull(bulletins.scheduleKey), eq(bulletins.scheduleKey, scheduleKey)));
    if (done) continue;
    const ctx = systemContext("bulletin-schedule");
    try {
      await db.transaction(async (tx) => {
        const bulletin = await generateBulletin(
          ctx,
          {
            issuerUnitId: s.issuerUnitId,
            issuerName,
            regionId: s.regionId,
            campaignId: s.campaignId,
            periodFrom: month.from,
            periodTo: month.to,
            locale: "zh-CN",
            scheduleKey,
          },
          tx,
        );
        if (s.autoPublish) await publishBulletin(ctx, { bulletin, outbox }, tx);
        else
          await announce(tx, outbox, {
            unitIds: [s.issuerUnitId],
            kind: "bulletin.drafted",
            entityType: "bulletin",
            entityId: bulletin.id,
            data: { number: bulletin.number, title: bulletin.title },
          });
      });
      made++;
    } catch (e) {
      // Nothing to report for the month (or made meanwhile by another pass): not an error.
      if (!(e instanceof HttpError && e.statusCode === 400)) throw e;
    }
  }
  return made;
}
