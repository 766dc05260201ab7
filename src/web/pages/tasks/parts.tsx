import { Badge, Progress, Tag, Tooltip } from "antd";
import type { TaskSummaryOut } from "../../../schemas/tasks.js";
import { useT } from "../../i18n/index.js";

const LIGHT_COLORS = { green: "#2e7d32", yellow: "#f9a825", red: "#c62828" } as const;
const STATE_COLORS: Record<TaskSummaryOut["state"], string> = {
  draft: "default",
  assigned: "blue",
  accepted: "cyan",
  in_progress: "processing",
  completion_requested: "purple",
  closed: "success",
  returned: "warning",
  cancelled: "default",
};

/** The light as a coloured dot with its word, and why in a tooltip. */
export function LightTag({ task }: { task: Pick<TaskSummaryOut, "light" | "lightReasons" | "lightOverridden"> }) {
  const t = useT();
  if (!task.light) return <span style={{ color: "#999" }}>—</span>;
  const reasons = task.lightReasons.map((r) => t(`light.reason.${r}` as "light.reason.overdue")).join("; ");
  return (
    <Tooltip title={reasons || t("light.onTrack")}>
      <span data-testid="light" data-light={task.light}>
        <Badge color={LIGHT_COLORS[task.light]} text={t(`light.${task.light}`)} />
        {task.lightOverridden ? " *" : ""}
      </span>
    </Tooltip>
  );
}

export function TaskStateTag({ state }: { state: TaskSummaryOut["state"] }) {
  const t = useT();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="task-state" data-state={state}>
      {t(`taskState.${state}`)}
    </Tag>
  );
}

export function ProgressCell({ task }: { task: Pick<TaskSummaryOut, "progress" | "light"> }) {
  const color = task.light ? LIGHT_COLORS[task.light] : undefined;
  return <Progress percent={Math.round(task.progress)} size="small" strokeColor={color} style={{ minWidth: 100, margin: 0 }} />;
}

export const targetText = (
  task: Pick<TaskSummaryOut, "targetKind" | "targetValue" | "targetUnit" | "measuredValue">,
  t: ReturnType<typeof useT>,
) => {
  if (task.targetKind === "quantity")
    return `${task.measuredValue ?? 0} / ${task.targetValue ?? "—"} ${task.targetUnit ?? ""}`.trim();
  if (task.targetKind === "outcome") return t("task.targetOutcome");
  return "—";
};
