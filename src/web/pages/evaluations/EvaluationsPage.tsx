import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { SchemeOut } from "../../../schemas/evaluations.js";
import { api } from "../../api/client.js";
import { useAbility } from "../../api/session.js";
import { useT } from "../../i18n/index.js";
import { SchemeForm } from "./SchemeForm.js";

type Summary = Pick<SchemeOut, "id" | "name" | "period" | "peerKind" | "ownerUnit" | "active" | "periods">;

/** Mutual learning and competition (比学赶超): the schemes and their latest results. */
export function EvaluationsPage() {
  const t = useT();
  const canCreate = useAbility("evaluation.create");
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ["/api/evaluations"], queryFn: () => api.get<{ items: Summary[] }>("/api/evaluations") });
  const items = list.data?.items ?? [];
  return (
    <Card
      title={t("eval.schemes")}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="scheme-new">
            {t("eval.new")}
          </Button>
        )
      }
    >
      <Table<Summary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: t("eval.empty") }}
        data-testid="scheme-table"
        columns={[
          {
            title: t("eval.name"),
            key: "name",
            sorter: (a, b) => a.name.localeCompare(b.name),
            render: (_, s) => <Link to={`/evaluations/${s.id}`}>{s.name}</Link>,
          },
          { title: t("eval.period"), key: "period", width: 100, render: (_, s) => t(`eval.period.${s.period}`) },
          { title: t("eval.peerKind"), key: "kind", width: 100, render: (_, s) => t(`eval.peerKind.${s.peerKind}`) },
          { title: t("eval.owner"), key: "owner", render: (_, s) => s.ownerUnit.name },
          {
            title: t("eval.results"),
            key: "latest",
            render: (_, s) =>
              s.periods[0] ? (
                <Tag color={s.periods[0].state === "published" ? "green" : "default"}>
                  {s.periods[0].period} · {t(`eval.state.${s.periods[0].state as "draft"}`)}
                </Tag>
              ) : (
                "—"
              ),
          },
          {
            title: t("ind.status"),
            key: "active",
            width: 100,
            render: (_, s) => (s.active ? t("ind.active") : t("common.inactive")),
          },
        ]}
      />
      <SchemeForm editing={null} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
