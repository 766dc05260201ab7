/**
 * The life of a task (DESIGN.md): draft → assigned → accepted (signed for) → in progress →
 * completion requested → closed (verified); also returned (by the lead unit) and cancelled.
 * Who may take each step is said here by side: the assigning office or the lead unit. Pure.
 */
export const TASK_STATES = [
  "draft",
  "assigned",
  "accepted",
  "in_progress",
  "completion_requested",
  "closed",
  "returned",
  "cancelled",
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const OPEN_STATES: readonly TaskState[] = ["assigned", "accepted", "in_progress", "completion_requested", "returned"];

/** The side that takes a step: the office that assigned the task, or the unit that leads it. */
export type Side = "office" | "lead";

export const TASK_ACTIONS = [
  "assign",
  "accept",
  "return",
  "start",
  "request_completion",
  "verify",
  "send_back",
  "cancel",
  "reopen",
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

interface Step {
  from: readonly TaskState[];
  to: TaskState;
  by: Side;
  /** A reason must be given (returning, sending back, cancelling, reopening). */
  reason: boolean;
}

export const TASK_STEPS: Record<TaskAction, Step> = {
  assign: { from: ["draft", "returned"], to: "assigned", by: "office", reason: false },
  accept: { from: ["assigned"], to: "accepted", by: "lead", reason: false },
  return: { from: ["assigned"], to: "returned", by: "lead", reason: true },
  start: { from: ["accepted"], to: "in_progress", by: "lead", reason: false },
  request_completion: { from: ["accepted", "in_progress"], to: "completion_requested", by: "lead", reason: true },
  verify: { from: ["completion_requested"], to: "closed", by: "office", reason: false },
  send_back: { from: ["completion_requested"], to: "in_progress", by: "office", reason: true },
  cancel: {
    from: ["draft", "assigned", "accepted", "in_progress", "completion_requested", "returned"],
    to: "cancelled",
    by: "office",
    reason: true,
  },
  reopen: { from: ["closed", "cancelled"], to: "in_progress", by: "office", reason: true },
};

export type StepRefusal = "state" | "side" | "reason";

/** The state after `action`, or why the step is refused. */
export function nextState(
  state: TaskState,
  action: TaskAction,
  sides: readonly Side[],
  reason: string | null | undefined,
): { ok: true; state: TaskState } | { ok: false; refusal: StepRefusal } {
  const step = TASK_STEPS[action];
  if (!step.from.includes(state)) return { ok: false, refusal: "state" };
  if (!sides.includes(step.by)) return { ok: false, refusal: "side" };
  if (step.reason && !reason?.trim()) return { ok: false, refusal: "reason" };
  return { ok: true, state: step.to };
}

/** The steps a person on these sides may take now, for the buttons on a task page. */
export function availableActions(state: TaskState, sides: readonly Side[]): TaskAction[] {
  return TASK_ACTIONS.filter((a) => TASK_STEPS[a].from.includes(state) && sides.includes(TASK_STEPS[a].by));
}

/** Whether the lead unit may report progress: once it has signed for the task and until it is closed. */
export const acceptsReports = (state: TaskState) =>
  state === "accepted" || state === "in_progress" || state === "completion_requested";
