/**
 * Supervision rules: when a task earns a reminder, and how late work climbs the ladder
 * reminder (提醒) → urge notice (催办) → supervision notice (督办单) blue → yellow → red →
 * listed in the next bulletin. Pure: dates are ISO strings in local time.
 */
import { addDays, type Cadence, daysBetween, periodOf } from "./reporting-periods.js";

export const NOTICE_KINDS = ["reminder", "urge", "supervision"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_GRADES = ["blue", "yellow", "red"] as const;
export type NoticeGrade = (typeof NOTICE_GRADES)[number];
export const CHANNEL_KINDS = ["email", "dingtalk", "wecom", "feishu"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const DELIVERY_STATES = ["pending", "sent", "failed"] as const;
export const INSTRUCTION_SUBJECTS = ["task", "meeting", "campaign", "bulletin"] as const;
export type InstructionSubject = (typeof INSTRUCTION_SUBJECTS)[number];

/** Why the jobs issued a notice: a deadline near, a report due, days late, or an earlier notice unanswered. */
export type NoticeReason =
  | { type: "due"; days: number; dueOn: string }
  | { type: "report"; period: string; end: string }
  | { type: "late"; days: number; dueOn: string }
  | { type: "unanswered"; number: number; replyBy: string }
  | { type: "project_warning"; kind: string; level: string; code: string; name: string };

export interface SupervisionSettings {
  /** Days before a deadline on which the lead unit is reminded (the nearest one not yet passed is sent). */
  dueReminderDays: number[];
  /** Days before a reporting period ends on which a missing report is reminded. */
  reportReminderDays: number;
  /** Days late at which each rung is reached: urge notice, then supervision notices blue, yellow, red. */
  urgeAfterDays: number;
  blueAfterDays: number;
  yellowAfterDays: number;
  redAfterDays: number;
  /** Days a unit has to reply to an urge or supervision notice. */
  replyDays: number;
}

export const DEFAULT_SUPERVISION_SETTINGS: SupervisionSettings = {
  dueReminderDays: [7, 3, 1],
  reportReminderDays: 3,
  urgeAfterDays: 1,
  blueAfterDays: 5,
  yellowAfterDays: 10,
  redAfterDays: 20,
  replyDays: 3,
};

/** Rungs of the ladder, lowest first; "listed" is the bulletin, not a notice. */
export const RUNGS = ["urge", "blue", "yellow", "red"] as const;
export type Rung = (typeof RUNGS)[number];

export const rungNotice = (rung: Rung): { kind: NoticeKind; grade: NoticeGrade | null } =>
  rung === "urge" ? { kind: "urge", grade: null } : { kind: "supervision", grade: rung };

export const rungOf = (kind: NoticeKind, grade: NoticeGrade | null): Rung | null =>
  kind === "urge" ? "urge" : kind === "supervision" ? (grade ?? "blue") : null;

/** What the sweep knows of a running task. */
export interface LateTask {
  id: string;
  dueOn: string;
  startOn: string;
  cadence: Cadence;
  lastReportOn: string | null;
}

/**
 * The rung a late task should stand on today by days late, when that is higher than the highest
 * rung already issued for it since it went late (by the ladder, by hand or by escalation); else null.
 */
export function rungDue(task: LateTask, today: string, s: SupervisionSettings, issued: Rung | null): Rung | null {
  const late = daysBetween(task.dueOn, today);
  if (late <= 0 || late < s.urgeAfterDays) return null;
  const byDays: Rung =
    late >= s.redAfterDays ? "red" : late >= s.yellowAfterDays ? "yellow" : late >= s.blueAfterDays ? "blue" : "urge";
  if (issued && RUNGS.indexOf(issued) >= RUNGS.indexOf(byDays)) return null;
  return byDays;
}

/** The rung above, for a notice that went unanswered; null above red (what is left goes into the bulletin). */
export const nextRung = (rung: Rung): Rung | null => RUNGS[RUNGS.indexOf(rung) + 1] ?? null;

/** The deadline reminder due today: the nearest configured day not yet passed, or null. */
export function dueReminder(task: LateTask, today: string, s: SupervisionSettings): number | null {
  const left = daysBetween(today, task.dueOn);
  if (left < 0) return null;
  const days = [...s.dueReminderDays].filter((d) => d >= left).sort((a, b) => a - b);
  return days.length ? days[0] : null;
}

/** The report reminder due today: the current period, when it ends soon and its report is not in. */
export function reportReminder(task: LateTask, today: string, s: SupervisionSettings): { period: string; end: string } | null {
  const period = periodOf(today, task.cadence);
  if (period.end > task.dueOn || period.end < task.startOn) return null;
  if (daysBetween(today, period.end) > s.reportReminderDays) return null;
  if (task.lastReportOn && task.lastReportOn >= period.start) return null;
  return { period: period.key, end: period.end };
}

/** The reply date of a notice issued today. */
export const replyByFrom = (today: string, s: SupervisionSettings) => addDays(today, s.replyDays);

/** Checks settings an admin typed; returns the field that is wrong, or null. */
export function supervisionSettingsProblem(s: SupervisionSettings): { field: keyof SupervisionSettings; reason: string } | null {
  if (!s.dueReminderDays.length || s.dueReminderDays.some((d) => !Number.isInteger(d) || d < 0 || d > 90))
    return { field: "dueReminderDays", reason: "days_range" };
  if (!(s.urgeAfterDays >= 1 && s.urgeAfterDays < s.blueAfterDays)) return { field: "blueAfterDays", reason: "ladder_order" };
  if (!(s.blueAfterDays < s.yellowAfterDays)) return { field: "yellowAfterDays", reason: "ladder_order" };
  if (!(s.yellowAfterDays < s.redAfterDays)) return { field: "redAfterDays", reason: "ladder_order" };
  return null;
}
