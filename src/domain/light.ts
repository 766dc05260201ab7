import { daysBetween } from "./reporting-periods.js";
import type { TaskState } from "./task-states.js";

/**
 * The light of a task (DESIGN.md): green on track; yellow at risk (deadline near and progress
 * behind the straight line, or a report overdue); red overdue or seriously behind. Computed,
 * never typed in; a coordinator's override with a reason wins. Pure.
 */
export const LIGHTS = ["green", "yellow", "red"] as const;
export type Light = (typeof LIGHTS)[number];

export interface LightSettings {
  /** The deadline counts as near this many days before it. */
  nearDays: number;
  /** Percentage points behind the straight line from start to due date that put a task at risk. */
  behindPoints: number;
  /** Percentage points behind that count as seriously behind. */
  seriouslyBehindPoints: number;
  /** Days after a period ends before its missing report counts as overdue. */
  reportGraceDays: number;
}

export const DEFAULT_LIGHT_SETTINGS: LightSettings = {
  nearDays: 30,
  behindPoints: 15,
  seriouslyBehindPoints: 40,
  reportGraceDays: 5,
};

export type LightReason = "overdue" | "seriously_behind" | "behind_near_deadline" | "report_overdue" | "override";

export interface LightInput {
  state: TaskState;
  startOn: string;
  dueOn: string;
  /** 0–100. */
  progress: number;
  /** The end of the last period whose report has not come in, if any. */
  missingReportPeriodEnd: string | null;
  override: Light | null;
}

/** Where the straight line from start (0%) to due date (100%) stands today. */
export function expectedProgress(startOn: string, dueOn: string, today: string): number {
  const span = daysBetween(startOn, dueOn);
  if (span <= 0) return today >= dueOn ? 100 : 0;
  const elapsed = Math.min(Math.max(daysBetween(startOn, today), 0), span);
  return Math.round((elapsed / span) * 100);
}

/** The light and why; null for tasks that are not running (drafts, closed, cancelled). */
export function computeLight(
  task: LightInput,
  today: string,
  settings: LightSettings = DEFAULT_LIGHT_SETTINGS,
): { light: Light; reasons: LightReason[] } | null {
  if (task.state === "draft" || task.state === "closed" || task.state === "cancelled") return null;
  if (task.override) return { light: task.override, reasons: ["override"] };
  const red: LightReason[] = [];
  const yellow: LightReason[] = [];
  const gap = expectedProgress(task.startOn, task.dueOn, today) - task.progress;
  if (today > task.dueOn && task.state !== "completion_requested") red.push("overdue");
  if (gap >= settings.seriouslyBehindPoints) red.push("seriously_behind");
  if (gap >= settings.behindPoints && daysBetween(today, task.dueOn) <= settings.nearDays) yellow.push("behind_near_deadline");
  if (task.missingReportPeriodEnd && daysBetween(task.missingReportPeriodEnd, today) > settings.reportGraceDays)
    yellow.push("report_overdue");
  if (red.length) return { light: "red", reasons: [...red, ...yellow] };
  if (yellow.length) return { light: "yellow", reasons: yellow };
  return { light: "green", reasons: [] };
}
