import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm } from "antd";
import { ApiError, api } from "../api/client.js";
import { useT } from "../i18n/index.js";

/** Deactivate or reactivate a record, after a confirmation; the server's refusal is shown as it is. */
export function ActiveToggle({
  path,
  record,
  size = "small",
}: {
  path: string;
  record: { id: string; name: string; active: boolean; version: number };
  size?: "small" | "middle";
}) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const toggle = async () => {
    try {
      await api.post(`${path}/${record.id}/active`, { active: !record.active, version: record.version });
      message.success(t("common.saved"));
      await queryClient.invalidateQueries();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t("error.network"));
    }
  };
  return (
    <Popconfirm
      title={t(record.active ? "common.confirmDeactivate" : "common.confirmActivate", { name: record.name })}
      onConfirm={toggle}
      okText={t(record.active ? "common.deactivate" : "common.activate")}
      cancelText={t("common.cancel")}
    >
      <Button size={size} danger={record.active} type="link" data-testid="toggle-active">
        {t(record.active ? "common.deactivate" : "common.activate")}
      </Button>
    </Popconfirm>
  );
}
