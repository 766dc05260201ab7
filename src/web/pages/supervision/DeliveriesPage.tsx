import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { DeliveryOut } from "../../../schemas/supervision.js";
import { api } from "../../api/client.js";
import { Pager, useCursorPages } from "../../components/paging.js";
import { useT } from "../../i18n/index.js";
import { when } from "./labels.js";

const STATE_COLORS = { pending: "processing", sent: "success", failed: "error" } as const;

/** The outbox for admins: every e-mail and robot message, what went, what waits to be tried again, what failed and why. */
export function DeliveriesPage() {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [state, setState] = useState<DeliveryOut["state"]>();
  const [kind, setKind] = useState<DeliveryOut["kind"]>();
  const pages = useCursorPages<DeliveryOut>("/api/deliveries", { state, kind, limit: 25 });
  const extra = pages.query.data as
    | { counts?: { pending: number; sent: number; failed: number }; mailConfigured?: boolean }
    | undefined;
  const retry = useMutation({
    mutationFn: (id: number) => api.post(`/api/deliveries/${id}/retry`),
    onSuccess: () => {
      message.success(t("deliveries.retried"));
      client.invalidateQueries({ queryKey: ["/api/deliveries"] });
    },
  });
  return (
    <Card
      title={t("deliveries.title")}
      extra={extra?.counts && <Typography.Text type="secondary">{t("deliveries.counts", extra.counts)}</Typography.Text>}
    >
      {extra && !extra.mailConfigured && (
        <Alert type="info" showIcon title={t("deliveries.mailOff")} style={{ marginBottom: 12 }} />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t("common.status")}
          value={state}
          onChange={setState}
          style={{ width: 140 }}
          options={(["pending", "sent", "failed"] as const).map((s) => ({ value: s, label: t(`deliveries.state.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t("deliveries.channel")}
          value={kind}
          onChange={setKind}
          style={{ width: 180 }}
          options={(["email", "dingtalk", "wecom", "feishu"] as const).map((k) => ({ value: k, label: t(`channel.kind.${k}`) }))}
        />
      </Space>
      <Table<DeliveryOut>
        rowKey="id"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 1600 }}
        locale={{ emptyText: t("deliveries.empty") }}
        columns={[
          { title: t("deliveries.channel"), dataIndex: "kind", width: 150, render: (k) => t(`channel.kind.${k as "email"}`) },
          { title: t("deliveries.target"), dataIndex: "target", width: 220, ellipsis: true },
          { title: t("deliveries.subject"), dataIndex: "subject", width: 320, ellipsis: true },
          { title: t("bulletin.unit"), dataIndex: "unit", width: 140 },
          {
            title: t("common.status"),
            dataIndex: "state",
            width: 100,
            render: (s: DeliveryOut["state"]) => <Tag color={STATE_COLORS[s]}>{t(`deliveries.state.${s}`)}</Tag>,
          },
          { title: t("deliveries.attempts"), dataIndex: "attempts", width: 90, align: "right" },
          {
            title: t("deliveries.lastError"),
            dataIndex: "lastError",
            width: 240,
            render: (e: string | null, d) =>
              e ? (
                <Space direction="vertical" size={0}>
                  <Typography.Text type="danger" ellipsis style={{ maxWidth: 230 }}>
                    {e}
                  </Typography.Text>
                  {d.state === "pending" && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("deliveries.nextAttempt")}: {when(d.nextAttemptAt)}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                "—"
              ),
          },
          { title: t("deliveries.sentAt"), dataIndex: "sentAt", width: 150, render: when },
          {
            title: t("common.actions"),
            key: "actions",
            width: 110,
            fixed: "right",
            render: (_v, d) =>
              d.state === "failed" && (
                <Button size="small" onClick={() => retry.mutate(d.id)}>
                  {t("deliveries.retry")}
                </Button>
              ),
          },
        ]}
      />
      <Pager pages={pages} />
    </Card>
  );
}
