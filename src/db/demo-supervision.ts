import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { addDays } from "../domain/reporting-periods.js";
import type { Actor } from "../domain/scope.js";
import { timeZone, todayIso } from "../server/clock.js";
import { createInstruction } from "../server/commands/create-instruction.js";
import { generateBulletin } from "../server/commands/generate-bulletin.js";
import { issueNotice } from "../server/commands/issue-notice.js";
import { publishBulletin } from "../server/commands/publish-bulletin.js";
import { replyNotice } from "../server/commands/reply-notice.js";
import { type ActingContext, systemContext } from "../server/context.js";
import { HttpError } from "../server/errors.js";
import { superviseProjects, superviseTasks } from "../server/jobs/supervise.js";
import type { OutboxOptions } from "../server/notify/notify.js";
import { loadNotice } from "../server/queries/notices.js";
import type { Db, Queryable } from "./connection.js";
import { regions, tasks, units, users } from "./schema.js";

/** The demo is seeded before any server runs: inboxes only, nothing to send. */
const DEMO_OUTBOX: OutboxOptions = { mail: false, publicUrl: "http://localhost:3000" };

export async function actingAs(tx: Queryable, username: string): Promise<ActingContext> {
  const [u] = await tx
    .select({ user: users, regionId: units.regionId, regionPath: regions.path })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(users.username, username));
  const actor: Actor = {
    id: u.user.id,
    username: u.user.username,
    displayName: u.user.displayName,
    roles: u.user.roles,
    unitId: u.user.unitId,
    regionId: u.regionId,
    regionPath: u.regionPath,
  };
  return { ...systemContext("demo-seed"), actor, locale: "zh-CN" };
}

/**
 * Supervision in the demo: a pass of the ladder for today (reminders, urge and supervision
 * notices for late tasks), an urge notice the 发改委 has answered and one it has not, a leader's
 * instruction, and last month's bulletin published to the units.
 */
export async function seedDemoSupervision(tx: Queryable): Promise<void> {
  const today = todayIso();
  // A few passes in the past, so the dashboard has a history: each pass's notices are dated its
  // day (now() is one instant inside this transaction, so they are easy to find), and about half
  // of them were answered within a day or two.
  const tz = timeZone();
  for (const back of [80, 50, 25, 0]) {
    const day = addDays(today, -back);
    await superviseTasks(tx as Db, DEMO_OUTBOX, day);
    if (!back) {
      await superviseProjects(tx as Db, DEMO_OUTBOX, day);
      break;
    }
    const at = sql`((${day}::date + time '09:00') at time zone ${tz})`;
    await tx.execute(sql`update notifications set created_at = ${at} where created_at = now()`);
    await tx.execute(sql`update notices set created_at = ${at},
        replied_at = case when kind <> 'reminder' and number % 2 = 0 then ${at} + make_interval(hours => (6 + (number % 5) * 9)::int) end,
        replied_by_name = case when kind <> 'reminder' and number % 2 = 0 then '承办人' end,
        reply_text = case when kind <> 'reminder' and number % 2 = 0 then '前期要素保障滞后，已召开专题会研究解决。' end,
        reply_plan = case when kind <> 'reminder' and number % 2 = 0 then '倒排工期，两周内追回进度，每周报送一次进展。' end,
        read_at = case when number % 3 <> 0 then ${at} + interval '2 hours' end
      where created_at = now()`);
  }
  const coordinator = await actingAs(tx, "coordinator");
  const reporter = await actingAs(tx, "reporter");
  const running = await tx
    .select()
    .from(tasks)
    .where(
      and(eq(tasks.leadUnitId, reporter.actor.unitId), inArray(tasks.state, ["assigned", "accepted", "in_progress", "returned"])),
    )
    .orderBy(asc(tasks.number))
    .limit(3);
  if (running.length) {
    const answered = await issueNotice(
      coordinator,
      {
        kind: "urge",
        grade: null,
        fromUnitId: coordinator.actor.unitId,
        toUnitId: reporter.actor.unitId,
        taskIds: [running[0].id],
        body: "该项工作进度滞后于序时进度，请说明原因并报送下一步推进计划。",
        replyBy: addDays(today, 3),
        outbox: DEMO_OUTBOX,
      },
      tx,
    );
    if (answered)
      await replyNotice(
        reporter,
        {
          notice: await loadNotice(tx, answered.id),
          explanation: "前期用地报批时间较长，影响了开工进度。",
          plan: "本月内完成用地报批，下月上旬开工，月底前追回序时进度。",
          outbox: DEMO_OUTBOX,
        },
        tx,
      );
    await issueNotice(
      coordinator,
      {
        kind: "supervision",
        grade: "yellow",
        fromUnitId: coordinator.actor.unitId,
        toUnitId: reporter.actor.unitId,
        taskIds: [(running[1] ?? running[0]).id],
        body: "以上事项已列入市委市政府重点督办，请于期限内书面报告办理情况。",
        replyBy: addDays(today, 5),
        outbox: DEMO_OUTBOX,
      },
      tx,
    );
    const leader = await actingAs(tx, "leader");
    await createInstruction(
      leader,
      {
        subjectType: "task",
        subjectId: running[0].id,
        subjectTitle: running[0].title,
        text: "请发改委主要负责同志亲自协调，倒排工期，确保年底前完成。",
        unitIds: [running[0].leadUnitId],
        outbox: DEMO_OUTBOX,
      },
      tx,
    );
  }
  // Last month's bulletin, published; a quarter if last month had nothing to say.
  const [office] = await tx.select().from(units).where(eq(units.id, coordinator.actor.unitId));
  const monthEnd = addDays(`${today.slice(0, 7)}-01`, -1);
  for (const from of [`${monthEnd.slice(0, 7)}-01`, addDays(monthEnd, -90)]) {
    try {
      const bulletin = await generateBulletin(
        coordinator,
        {
          issuerUnitId: office.id,
          issuerName: office.name,
          regionId: office.regionId,
          campaignId: null,
          periodFrom: from,
          periodTo: monthEnd,
          locale: "zh-CN",
        },
        tx,
      );
      await publishBulletin(coordinator, { bulletin, outbox: DEMO_OUTBOX }, tx);
      return;
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
    }
  }
}
