import { randomUUID } from "node:crypto";
import { asc, eq, inArray } from "drizzle-orm";
import { addDays, periodOf } from "../domain/reporting-periods.js";
import type { TaskState } from "../domain/task-states.js";
import { todayIso } from "../server/clock.js";
import { refreshLights } from "../server/commands/task-upkeep.js";
import type { Queryable } from "./connection.js";
import { random } from "./demo-random.js";
import { recountPendingReports } from "./pending-reports.js";
import {
  campaignLeadUnits,
  campaigns,
  directives,
  meetings,
  milestones,
  progressReports,
  taskCoUnits,
  taskDirectives,
  taskEvents,
  tasks,
  units,
} from "./schema.js";

/** A small seeded generator, so the demo is the same on every machine. */

const TONGXIANG_ACTIONS = [
  "稳企业专项行动",
  "扩大有效投资专项行动",
  "政策高效承接专项行动",
  "稳外贸专项行动",
  "促消费专项行动",
  "创新引领专项行动",
  "城市品质提升专项行动",
  "全域土地综合整治专项行动",
  "安全生产专项行动",
  "民生保障专项行动",
];
const JIAXING_ACTIONS = ["项目攻坚百日行动", "工业稳增长百日行动", "外贸稳拓百日行动", "消费提振百日行动", "助企纾困百日行动"];

/** States in the share a city's ledger usually shows. */
const STATES: [TaskState, number][] = [
  ["assigned", 0.1],
  ["accepted", 0.08],
  ["in_progress", 0.52],
  ["completion_requested", 0.08],
  ["closed", 0.15],
  ["returned", 0.04],
  ["cancelled", 0.03],
];

/**
 * Tasks from the seed meetings' directives, across the demo units, with a year of monthly
 * reports, in every state and light; the ten special actions of Tongxiang and Jiaxing's
 * hundred-day actions as campaigns. Dates are relative to today, so the lights mean something.
 * Written as rows (demo data, marked by the "demo-seed" actor), then lights computed as the app does.
 */
export async function generateDemoTasks(tx: Queryable, officeUnitId: string, seed = 20260527): Promise<number> {
  const rnd = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const today = todayIso();
  const pool = await tx
    .select({ id: units.id, kind: units.kind })
    .from(units)
    .where(inArray(units.kind, ["department", "government", "zone"]));
  const leads = pool.filter((u) => u.id !== officeUnitId).map((u) => u.id);
  if (!leads.length) return 0;
  const deployed = await tx
    .select({ id: directives.id, text: directives.text, meetingTitle: meetings.title, ordinal: directives.ordinal })
    .from(directives)
    .innerJoin(meetings, eq(meetings.id, directives.meetingId))
    .orderBy(asc(meetings.heldOn), asc(directives.ordinal));

  const start = addDays(today, -330);
  const parents = [
    { name: "桐乡市十项专项行动", actions: TONGXIANG_ACTIONS, match: /special action/i },
    { name: "嘉兴市“十大百日攻坚行动”", actions: JIAXING_ACTIONS, match: /project|industr|foreign trade|consum|enterprise/i },
  ];
  const actionIds: { id: string; match: RegExp }[] = [];
  for (const p of parents) {
    const [parent] = await tx
      .insert(campaigns)
      .values({ name: p.name, unitId: officeUnitId, startOn: start, endOn: addDays(today, 120), cadence: "monthly" })
      .returning();
    for (const name of p.actions) {
      const [child] = await tx
        .insert(campaigns)
        .values({ name, parentId: parent.id, unitId: officeUnitId, startOn: start, endOn: addDays(today, 120) })
        .returning();
      const chosen = [...new Set([pick(leads), pick(leads)])];
      await tx.insert(campaignLeadUnits).values(chosen.map((unitId) => ({ campaignId: child.id, unitId })));
      actionIds.push({ id: child.id, match: p.match });
    }
  }

  const taskRows: (typeof tasks.$inferInsert)[] = [];
  const coRows: { taskId: string; unitId: string }[] = [];
  const linkRows: { taskId: string; directiveId: string }[] = [];
  const eventRows: (typeof taskEvents.$inferInsert)[] = [];
  const reportRows: (typeof progressReports.$inferInsert)[] = [];
  const milestoneRows: (typeof milestones.$inferInsert)[] = [];
  for (const [i, d] of deployed.entries()) {
    // Some directives have no task yet: the gaps "what became of what we decided" shows.
    if (i % 5 === 4) continue;
    const id = randomUUID();
    const lead = pick(leads);
    const co = pick(leads);
    const roll = rnd();
    let acc = 0;
    const state =
      STATES.find(([, share]) => {
        acc += share;
        return roll < acc;
      })?.[0] ?? "in_progress";
    const startOn = addDays(today, -Math.floor(200 + rnd() * 160));
    const dueOn = addDays(today, Math.floor(-40 + rnd() * 260));
    const span = Math.max(1, (Date.parse(dueOn) - Date.parse(startOn)) / 864e5);
    const expected = Math.min(1, (Date.parse(today) - Date.parse(startOn)) / 864e5 / span);
    // Most keep pace; some fall behind, a few far behind.
    const pace = rnd() < 0.7 ? 0.9 + rnd() * 0.2 : rnd() < 0.6 ? 0.6 : 0.25;
    const progress =
      state === "closed" ? 100 : ["assigned", "returned"].includes(state) ? 0 : Math.min(100, Math.round(expected * pace * 100));
    const action = actionIds.find((a) => a.match.test(d.text) && rnd() < 0.5);
    // The first clause of the directive, as offices title a task.
    const clause = d.text.replace(/^(It is necessary to|We must|we must|it is necessary to|要)\s*/, "").split(/[,，;；。]/)[0];
    const title = clause.length > 80 ? `${clause.slice(0, 78)}…` : clause;
    taskRows.push({
      id,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      description: `${d.meetingTitle}（演示数据）`,
      path: `/${id}/`,
      ownerUnitId: officeUnitId,
      leadUnitId: lead,
      campaignId: action?.id ?? null,
      responsibleLeader: pick(["李市长", "张副市长", "王副市长", "陈秘书长"]),
      startOn,
      dueOn,
      state,
      progress,
      targetKind: i % 3 === 0 ? "quantity" : "outcome",
      targetValue: i % 3 === 0 ? 10 * (1 + (i % 5)) : null,
      targetUnit: i % 3 === 0 ? "个" : null,
      measuredValue: i % 3 === 0 ? Math.round((progress / 100) * 10 * (1 + (i % 5))) : null,
      lastReportOn: null,
      closedAt: state === "closed" ? new Date().toISOString() : null,
    });
    // Two milestones at a third and two thirds of the span, done when the work had got that far.
    for (const [n, title] of ["完成实施方案", "完成主体工作"].entries()) {
      const milestoneDue = addDays(startOn, Math.round((span * (n + 1)) / 3));
      const reached = progress >= ((n + 1) * 100) / 3 && milestoneDue <= today;
      milestoneRows.push({ taskId: id, ordinal: n + 1, title, dueOn: milestoneDue, doneOn: reached ? milestoneDue : null });
    }
    if (co !== lead) coRows.push({ taskId: id, unitId: co });
    linkRows.push({ taskId: id, directiveId: d.id });
    eventRows.push({ taskId: id, actorName: "demo-seed", kind: "created", toState: state });
    if (!["assigned", "returned", "cancelled"].includes(state)) {
      // Monthly reports from the start to last month; a task that is behind sometimes skipped one.
      for (let day = addDays(startOn, 30), n = 1; day < today; day = addDays(day, 30), n++) {
        if (pace < 0.5 && rnd() < 0.4) continue;
        const share = Math.min(1, (Date.parse(day) - Date.parse(startOn)) / 864e5 / span);
        const recent = addDays(day, 30) >= today;
        reportRows.push({
          taskId: id,
          unitId: lead,
          period: periodOf(day, "monthly").key,
          narrative: `第${n}次报送：${pick(["按计划推进，已完成阶段性目标", "克服要素制约，加快推进", "已召开专题协调会，推进中", "部分环节滞后，正在加紧整改"])}（演示数据）`,
          percent: Math.min(progress, Math.round(share * pace * 100)),
          submittedByName: "演示联络员",
          submittedAt: new Date(`${day}T09:00:00Z`).toISOString(),
          review: recent && state !== "closed" ? "pending" : "accepted",
        });
      }
    }
  }
  const chunk = <T>(rows: T[], n = 500) =>
    Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, i * n + n));
  for (const c of chunk(taskRows)) await tx.insert(tasks).values(c);
  for (const c of chunk(coRows)) await tx.insert(taskCoUnits).values(c);
  for (const c of chunk(linkRows)) await tx.insert(taskDirectives).values(c);
  for (const c of chunk(eventRows)) await tx.insert(taskEvents).values(c);
  for (const c of chunk(reportRows)) await tx.insert(progressReports).values(c);
  for (const c of chunk(milestoneRows)) await tx.insert(milestones).values(c);
  await recountPendingReports(tx);
  const all = await tx.select().from(tasks);
  await refreshLights(tx, all, today);
  return taskRows.length;
}
