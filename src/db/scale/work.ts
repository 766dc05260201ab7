/**
 * Meetings held by the offices over three years, twelve directives each, five tasks per
 * directive assigned to units within the office's reach, with co-units and ten reports a task.
 * States, lights and report dates agree with the deadlines: what is past due and still running
 * is red, what was reported last may await review.
 */
import { DIRECTIVE_TOPICS, MEETING_KINDS } from "../../domain/meetings.js";
import { day, draw, type Fill, idOf, pickFrom, run } from "./fill.js";

const DEPLOYMENTS = [
  "加快推进重大项目建设，确保按期开工",
  "扎实做好稳外贸稳外资工作",
  "全力抓好安全生产和防汛防台",
  "深化营商环境优化提升行动",
  "推动制造业高质量发展",
  "加快数字经济核心产业培育",
  "抓好粮食生产和耕地保护",
  "推进城乡风貌整治提升",
  "落实减税降费各项政策",
  "强化生态环境问题整改",
  "扩大有效投资和促进消费",
  "加强基层社会治理",
  "推进共同富裕示范区建设",
  "抓好民生实事项目",
  "加快科技创新平台建设",
  "做好招商引资和项目落地",
  "推进水利工程建设",
  "深化国企改革",
  "推动文旅融合发展",
  "加强食品药品安全监管",
];
const TASK_STATES_RUNNING = [
  "assigned",
  "accepted",
  "in_progress",
  "in_progress",
  "in_progress",
  "completion_requested",
  "returned",
];

export async function fillWork(f: Fill): Promise<{ meetings: number; directives: number; tasks: number; reports: number }> {
  const s = f.sizes;
  const offices = "(select row_number() over (order by n) as m, * from scale_offices where pool_size > 0)";
  await run(f, "drop table if exists scale_meetings");
  await run(
    f,
    `create unlogged table scale_meetings as
    select g, ${idOf(f, "meeting", "g")} as id, o.n as office_n, o.id as unit_id, o.pool_size,
      ${day(f)} - ${draw(f, "g", 21)}::int % 1095 as held_on
    from generate_series(1, ${s.meetings}) g
    join ${offices} o on o.m = 1 + (g - 1) % (select count(*) from scale_offices where pool_size > 0)`,
  );
  const meetings = await run(
    f,
    `insert into meetings (id, title, kind, held_on, unit_id, organizer, lang, source_text)
    select m.id, to_char(m.held_on, 'YYYY年FMMM月') || '第' || m.g || '次工作推进会', ${pickFrom(MEETING_KINDS, draw(f, "m.g", 22), "::meeting_kind")},
      m.held_on, m.unit_id, u.name, 'zh', ''
    from scale_meetings m join units u on u.id = m.unit_id order by m.g`,
  );
  const directives = await run(
    f,
    `insert into directives (id, meeting_id, ordinal, text, topic)
    select ${idOf(f, "directive", "m.g * 100 + k")}, m.id, k,
      ${pickFrom(DEPLOYMENTS, draw(f, "m.g * 100 + k", 23))} || '，第' || k || '项部署。',
      ${pickFrom(DIRECTIVE_TOPICS, draw(f, "m.g * 100 + k", 24), "::directive_topic")}
    from scale_meetings m cross join generate_series(1, ${s.directivesPerMeeting}) k order by m.g, k`,
  );
  // Task t belongs to meeting (t-1) / per-meeting + 1; its lead unit is drawn from the office's pool.
  const perMeeting = s.directivesPerMeeting * s.tasksPerDirective;
  await run(f, "drop table if exists scale_tasks");
  await run(
    f,
    `create unlogged table scale_tasks as
    select t, ${idOf(f, "task", "t")} as id, m.id as meeting_id, m.unit_id as owner_unit_id, m.office_n, m.pool_size,
      ${idOf(f, "directive", `m.g * 100 + 1 + ((t - 1) / ${s.tasksPerDirective}) % ${s.directivesPerMeeting}`)} as directive_id,
      m.held_on + 7 as start_on, m.held_on + 97 + ${draw(f, "t", 31)}::int % 450 as due_on,
      ${draw(f, "t", 32)} as r
    from generate_series(1, ${s.meetings * perMeeting}) t
    join scale_meetings m on m.g = (t - 1) / ${perMeeting} + 1`,
  );
  await run(f, "analyze scale_tasks");
  await run(f, "alter table scale_tasks add column state task_state, add column lead_unit_id uuid");
  await run(
    f,
    `update scale_tasks set
      state = case when due_on < ${day(f)} - 60 and r % 100 < 94 then 'closed' when due_on < ${day(f)} and r % 100 < 60 then 'closed'
        when r % 50 = 0 then 'cancelled'
        else ${pickFrom(TASK_STATES_RUNNING, "r / 50")} end::task_state,
      lead_unit_id = (select p.id from scale_pool p where p.office_n = scale_tasks.office_n and p.k = 1 + ${draw(f, "t", 33)} % scale_tasks.pool_size)`,
  );
  // Each office runs one special action; every tenth task of its meetings belongs to it.
  await run(
    f,
    `insert into campaigns (id, name, description, unit_id, start_on, end_on, cadence)
    select ${idOf(f, "campaign", "o.n")}, '百日攻坚专项行动', '重点工作百日攻坚', o.id, ${day(f)} - 365, ${day(f)} + 180, 'monthly'
    from scale_offices o where o.pool_size > 0 order by o.n`,
  );
  const tasks = await run(
    f,
    `insert into tasks (id, title, path, owner_unit_id, lead_unit_id, responsible_leader, start_on, due_on, cadence, progress, state, light, closed_at, campaign_id)
    select t.id, ${pickFrom(DEPLOYMENTS, draw(f, "t.t", 34))} || '（' || t.t || '）', '/' || t.id || '/', t.owner_unit_id, t.lead_unit_id,
      ${pickFrom(["张副市长", "李副市长", "王秘书长", "陈副县长", "刘主任"], "t.r / 7")}, t.start_on, t.due_on, 'monthly',
      case when t.state = 'closed' then 100 else (t.r / 13) % 100 end,
      t.state,
      case when t.state in ('closed', 'cancelled') then null when t.due_on < ${day(f)} then 'red'
        when t.due_on < ${day(f)} + 15 or (t.r / 17) % 6 = 0 then 'yellow' else 'green' end::light,
      case when t.state = 'closed' then (t.due_on - ((t.r / 19) % 30)::int)::timestamptz end,
      case when t.t % 10 = 0 then ${idOf(f, "campaign", "t.office_n")} end
    from scale_tasks t order by t.t`,
  );
  await run(
    f,
    `insert into campaign_lead_units (campaign_id, unit_id)
    select distinct campaign_id, lead_unit_id from tasks where campaign_id in (select ${idOf(f, "campaign", "n")} from scale_offices)`,
  );
  await run(f, "insert into task_directives (task_id, directive_id) select id, directive_id from scale_tasks order by t");
  await run(
    f,
    `insert into task_co_units (task_id, unit_id)
    select t.id, p.id from scale_tasks t join scale_pool p on p.office_n = t.office_n and p.k = 1 + ${draw(f, "t.t", 35)} % t.pool_size
    where t.t % 3 = 0 and p.id <> t.lead_unit_id`,
  );
  // Monthly reports from the month after the start, never after today; the last may await review.
  const reports = await run(
    f,
    `insert into progress_reports (id, task_id, unit_id, kind, period, narrative, percent, submitted_by_name, submitted_at, review, reviewed_at)
    select ${idOf(f, "report", "t.t * 100 + k")}, t.id, t.lead_unit_id, 'report', to_char(t.start_on + 30 * k, 'YYYY-MM'),
      ${pickFrom(["按计划推进，本月完成既定节点", "已完成方案编制，正在组织实施", "受天气影响略有滞后，正在追赶进度", "主体工作已完成，进入验收阶段", "已协调解决要素保障问题"], draw(f, "t.t * 100 + k", 36))},
      least(100, k * 10 + (t.r / 23) % 10), '联络员', (t.start_on + 30 * k)::timestamptz + interval '9 hours',
      case when k = ${s.reportsPerTask} and t.t % 7 = 0 then 'pending' when k = ${s.reportsPerTask} and t.t % 23 = 0 then 'returned' else 'accepted' end::review_state,
      case when k = ${s.reportsPerTask} and t.t % 7 = 0 then null else (t.start_on + 30 * k + 2)::timestamptz end
    from scale_tasks t cross join generate_series(1, ${s.reportsPerTask}) k
    where t.state not in ('assigned', 'cancelled') and t.start_on + 30 * k <= ${day(f)}
    order by t.t, k`,
  );
  // Fresh tables have no statistics yet; without them the planner loops where it should hash.
  await run(f, "analyze tasks");
  await run(f, "analyze progress_reports");
  await run(
    f,
    `update tasks set last_report_on = r.last, pending_reports = r.pending
    from (select task_id, max(submitted_at)::date as last, count(*) filter (where review = 'pending') as pending
      from progress_reports where task_id in (select id from scale_tasks) group by task_id) r
    where r.task_id = tasks.id`,
  );
  return { meetings, directives, tasks, reports };
}
