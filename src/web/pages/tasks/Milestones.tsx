import { App, Button, Timeline, Typography } from "antd";
import { useState } from "react";
import type { TaskOut } from "../../../schemas/tasks.js";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";

/** A task's milestones by date: green when done, red when overdue; the lead unit or the office marks them done today or undoes it. */
export function Milestones({ task, onChange }: { task: TaskOut; onChange: (next: TaskOut) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const mark = async (id: string, doneOn: string | null) => {
    setBusy(id);
    try {
      onChange(await api.post<TaskOut>(`/api/milestones/${id}/done`, { doneOn }));
    } catch (e) {
      message.error(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(null);
    }
  };
  if (!task.milestones.length) return null;
  return (
    <>
      <Typography.Title level={5}>{t("task.milestones")}</Typography.Title>
      <Timeline
        data-testid="milestones"
        items={task.milestones.map((m) => ({
          color: m.doneOn ? "green" : m.dueOn < today ? "red" : "blue",
          content: (
            <span data-testid="milestone" data-done={m.doneOn ? "yes" : "no"}>
              {m.dueOn} {m.title}
              {m.doneOn && (
                <Typography.Text type="success" style={{ marginLeft: 8 }}>
                  {t("milestone.doneOn", { date: m.doneOn })}
                </Typography.Text>
              )}
              {task.abilities.milestones && (
                <Button
                  size="small"
                  type="link"
                  loading={busy === m.id}
                  onClick={() => mark(m.id, m.doneOn ? null : today)}
                  data-testid="milestone-toggle"
                >
                  {m.doneOn ? t("milestone.undo") : t("milestone.markDone")}
                </Button>
              )}
            </span>
          ),
        }))}
      />
    </>
  );
}
