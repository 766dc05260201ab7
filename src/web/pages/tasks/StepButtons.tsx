import { App, Button, type ButtonProps, Input, Modal, Space } from "antd";
import { useState } from "react";
import { TASK_STEPS, type TaskAction } from "../../../domain/task-states.js";
import type { TaskOut } from "../../../schemas/tasks.js";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";

const PRIMARY: TaskAction[] = ["accept", "verify", "request_completion", "assign"];

/** The steps the reader may take now; those that need a reason ask for it first. */
export function StepButtons({ task, onDone }: { task: TaskOut; onDone(t: TaskOut): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<TaskAction | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const send = async (action: TaskAction, why: string | null) => {
    setBusy(true);
    try {
      const next = await api.post<TaskOut>(`/api/tasks/${task.id}/steps`, { action, reason: why, version: task.version });
      message.success(t(`taskAction.${action}.done`));
      setAsking(null);
      setReason("");
      onDone(next);
    } catch (e) {
      message.error(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network"));
    } finally {
      setBusy(false);
    }
  };
  const press = (action: TaskAction) => {
    if (TASK_STEPS[action].reason) setAsking(action);
    else
      Modal.confirm({
        title: t(`taskAction.${action}`),
        content: t(`taskAction.${action}.confirm`),
        okText: t("common.confirm"),
        cancelText: t("common.cancel"),
        onOk: () => send(action, null),
      });
  };
  if (!task.abilities.actions.length) return null;
  return (
    <>
      <Space wrap>
        {task.abilities.actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? "primary" : "default"}
            danger={a === "cancel" || a === "return"}
            onClick={() => press(a)}
            data-testid={`step-${a}`}
          >
            {t(`taskAction.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!asking}
        title={asking ? t(`taskAction.${asking}`) : ""}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        okButtonProps={{ disabled: !reason.trim(), "data-testid": "step-confirm" } as ButtonProps}
        onOk={() => asking && send(asking, reason.trim())}
        onCancel={() => setAsking(null)}
      >
        <Input.TextArea
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={asking ? t(`taskAction.${asking}.reason`) : ""}
          maxLength={1000}
          data-testid="step-reason"
        />
      </Modal>
    </>
  );
}
