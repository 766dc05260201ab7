import { useQuery } from "@tanstack/react-query";
import { Alert, Card, DatePicker, Input, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { AuditOut } from "../../schemas/audit.js";
import { api } from "../api/client.js";
import { Pager, useCursorPages } from "../components/paging.js";
import { useI18n } from "../i18n/index.js";

/**
 * The fields that differ between before and after, for a readable diff. When both sides were recorded, only the
 * fields of the record after the change count: a "before" may also carry names looked up for display.
 */
function changes(before: unknown, after: unknown) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const all = before && after ? Object.keys(a) : [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const keys = all.filter((k) => !["updatedAt", "version"].includes(k));
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, before: b[k], after: a[k] }));
}

/** A readable name for the record an event is about, from what it recorded. */
function recordName(e: AuditOut): string {
  const r = (e.after ?? e.before ?? {}) as Record<string, unknown>;
  return String(r.name ?? r.title ?? r.displayName ?? r.username ?? "");
}

const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

export function AuditPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState<{ actor?: string; action?: string; entityType?: string; from?: string; to?: string }>(
    {},
  );
  const facets = useQuery({
    queryKey: ["audit-facets"],
    queryFn: () => api.get<{ actions: string[]; entityTypes: string[] }>("/api/audit/facets"),
  });
  const pages = useCursorPages<AuditOut>("/api/audit", { ...filters, limit: 25 });

  return (
    <Card title={t("audit.title")}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("audit.actor")}
          onSearch={(actor) => setFilters({ ...filters, actor })}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          showSearch
          placeholder={t("audit.action")}
          style={{ width: 200 }}
          value={filters.action}
          onChange={(action) => setFilters({ ...filters, action })}
          options={(facets.data?.actions ?? []).map((a) => ({ value: a, label: a }))}
          data-testid="audit-action"
        />
        <Select
          allowClear
          placeholder={t("audit.entityType")}
          style={{ width: 140 }}
          value={filters.entityType}
          onChange={(entityType) => setFilters({ ...filters, entityType })}
          options={(facets.data?.entityTypes ?? []).map((a) => ({ value: a, label: a }))}
        />
        <DatePicker.RangePicker
          showTime
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            setFilters({ ...filters, from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() })
          }
        />
      </Space>
      {pages.query.isError && <Alert type="error" showIcon title={pages.query.error.message} />}
      <Table<AuditOut>
        rowKey="id"
        size="middle"
        loading={pages.query.isFetching}
        dataSource={pages.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("common.empty") }}
        expandable={{
          expandedRowRender: (e) => {
            const rows = changes(e.before, e.after);
            return rows.length ? (
              <Table
                size="small"
                rowKey="field"
                pagination={false}
                dataSource={rows}
                columns={[
                  { title: t("audit.field"), dataIndex: "field", width: 160 },
                  {
                    title: t("audit.before"),
                    dataIndex: "before",
                    width: "42%",
                    render: (v) => (
                      <Typography.Text delete type="secondary">
                        {show(v)}
                      </Typography.Text>
                    ),
                  },
                  {
                    title: t("audit.after"),
                    dataIndex: "after",
                    width: "42%",
                    render: (v) => <Typography.Text>{show(v)}</Typography.Text>,
                  },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{t("audit.noChanges")}</Typography.Text>
            );
          },
        }}
        columns={[
          { title: t("audit.at"), dataIndex: "at", width: 180, render: (v: string) => new Date(v).toLocaleString(locale) },
          { title: t("audit.actor"), dataIndex: "actorName" },
          {
            title: t("audit.action"),
            dataIndex: "action",
            render: (a: string) => (
              <Tag color={a.includes("failed") ? "red" : a.includes("deactivate") ? "orange" : "blue"}>{a}</Tag>
            ),
          },
          { title: t("audit.entityType"), dataIndex: "entityType" },
          { title: t("audit.record"), key: "record", render: (_, e) => recordName(e) || "—" },
          {
            title: t("audit.entityId"),
            dataIndex: "entityId",
            ellipsis: true,
            render: (v) => (
              <Typography.Text code copyable={!!v}>
                {v ?? "—"}
              </Typography.Text>
            ),
          },
          { title: t("audit.ip"), dataIndex: "ip" },
        ]}
      />
      <Pager pages={pages} />
    </Card>
  );
}
