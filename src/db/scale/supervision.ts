/**
 * The supervision that late work has drawn: an urge notice the day after each running task's
 * deadline passed and a blue supervision notice two weeks later (under the same keys the daily
 * ladder uses, so a later pass issues nothing twice), read and answered in part, in the inboxes of
 * the lead units' people; and the last months' bulletins of each city and the province, made and
 * published by the application's own commands.
 */
import { sql } from "drizzle-orm";
import { addDays } from "../../domain/reporting-periods.js";
import { generateBulletin } from "../../server/commands/generate-bulletin.js";
import { publishBulletin } from "../../server/commands/publish-bulletin.js";
import { HttpError } from "../../server/errors.js";
import { actingAs } from "../demo-supervision.js";
import { day, draw, type Fill, idOf, run } from "./fill.js";

const RUNNING = "('assigned', 'accepted', 'in_progress', 'returned')";

export async function fillNotices(f: Fill): Promise<{ notices: number; notifications: number }> {
  await run(f, "drop table if exists scale_notices");
  await run(
    f,
    `create unlogged table scale_notices as
    select ${idOf(f, "notice", "t.t * 10 + k")} as id, t.t * 10 + k as key, t.id as task_id, t.owner_unit_id, t.lead_unit_id, t.due_on,
      case k when 1 then 'urge' else 'supervision' end::notice_kind as kind, case k when 2 then 'blue' end::notice_grade as grade,
      case k when 1 then 'urge' else 'blue' end as rung,
      (t.due_on + case k when 1 then 1 else 15 end) as issued_on, ${draw(f, "t.t * 10 + k", 71)} as r
    from scale_tasks t cross join generate_series(1, 2) k
    where t.state in ${RUNNING} and t.due_on + case k when 1 then 1 else 15 end <= ${day(f)}`,
  );
  await run(f, "analyze scale_notices");
  const notices = await run(
    f,
    `insert into notices (id, kind, grade, created_by_name, from_unit_id, to_unit_id, body, reason, reply_by, dedupe_key, created_at,
      read_at, read_by_name, replied_at, replied_by_name, reply_text, reply_plan)
    select n.id, n.kind, n.grade, 'system', n.owner_unit_id, n.lead_unit_id, '',
      jsonb_build_object('type', 'late', 'days', n.issued_on - n.due_on, 'dueOn', n.due_on::text), n.issued_on + 3,
      'ladder:' || n.task_id || ':' || n.due_on::text || ':' || n.rung, n.issued_on::timestamptz + interval '8 hours',
      case when n.r % 3 > 0 then n.issued_on::timestamptz + interval '10 hours' end, case when n.r % 3 > 0 then '联络员' end,
      case when n.r % 3 = 2 then n.issued_on::timestamptz + interval '2 days' end, case when n.r % 3 = 2 then '联络员' end,
      case when n.r % 3 = 2 then '已召开专题会研究，正在倒排工期加快推进。' end, case when n.r % 3 = 2 then '下月底前完成。' end
    from scale_notices n order by n.key`,
  );
  await run(f, "insert into notice_tasks (notice_id, task_id) select id, task_id from scale_notices order by key");
  const notifications = await run(
    f,
    `insert into notifications (user_id, kind, entity_type, entity_id, data, created_at, read_at)
    select s.id, 'notice.issued', 'notice', n.id,
      jsonb_build_object('number', x.number, 'kind', n.kind, 'grade', n.grade, 'fromUnit', o.name, 'tasks',
        jsonb_build_array(jsonb_build_object('number', t.number, 'title', t.title)), 'projects', '[]'::jsonb,
        'replyBy', x.reply_by, 'body', '', 'reason', x.reason),
      x.created_at, x.read_at
    from scale_notices n join notices x on x.id = n.id join tasks t on t.id = n.task_id join units o on o.id = n.owner_unit_id
    join users s on s.unit_id = n.lead_unit_id and s.active
    order by n.key, s.username`,
  );
  await run(
    f,
    `update notices set recipients = c.n from (select entity_id, count(*) as n from notifications
      where entity_id in (select id from scale_notices) group by entity_id) c where c.entity_id = notices.id`,
  );
  return { notices, notifications };
}

/** Bulletins of the last months for every city office and the province's, published to the units they cover. */
export async function fillBulletins(f: Fill): Promise<number> {
  const { rows: cityOffices } = (await f.db.execute(
    sql.raw(`select distinct on (x.id) s.username, x.id as "unitId", x.name as "unitName", x.region_id as "regionId"
      from users s join units x on x.id = s.unit_id join regions r on r.id = x.region_id
      where 'coordinator' = any(s.roles) and s.active and r.level in ('province', 'city') order by x.id, s.username`),
  )) as unknown as { rows: { username: string; unitId: string; unitName: string; regionId: string }[] };
  cityOffices.sort((a, b) => a.username.localeCompare(b.username));
  const seen = new Set<string>();
  let made = 0;
  for (const office of cityOffices) {
    if (seen.has(office.unitId)) continue;
    seen.add(office.unitId);
    const ctx = await actingAs(f.db, office.username);
    for (let back = f.sizes.bulletinMonths; back >= 1; back--) {
      const monthEnd = addDays(`${addMonths(f.today.slice(0, 7), 1 - back)}-01`, -1);
      const from = `${monthEnd.slice(0, 7)}-01`;
      try {
        await f.db.transaction(async (tx) => {
          const bulletin = await generateBulletin(
            ctx,
            {
              issuerUnitId: office.unitId,
              issuerName: office.unitName,
              regionId: office.regionId,
              campaignId: null,
              periodFrom: from,
              periodTo: monthEnd,
              locale: "zh-CN",
              scheduleKey: `scale:${office.unitId}:${from}`,
            },
            tx,
          );
          await publishBulletin(ctx, { bulletin, outbox: { mail: false, publicUrl: "http://localhost:3000" } }, tx);
        });
        made++;
      } catch (e) {
        // An empty month or one already made: nothing to publish.
        if (!(e instanceof HttpError) && !String(e).includes("bulletins_schedule_key")) throw e;
      }
    }
  }
  return made;
}

/** "2026-11" plus n months. */
function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}
