import { useQuery } from "@tanstack/react-query";
import { Empty, Input, Select, Space, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { MonthFiguresOut } from "../../../schemas/indicators.js";
import { api } from "../../api/client.js";
import { useSession } from "../../api/session.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useI18n } from "../../i18n/index.js";
import { fmt, indicatorName, type Light, LightTag, pct1, targetText, unitOf } from "./parts.js";

export const GROUPS = [
  "overall",
  "industry",
  "investment",
  "consumption",
  "foreign_trade",
  "fiscal",
  "finance",
  "energy",
  "prices",
  "employment",
  "other",
] as const;
const LIGHT_RANK: Record<Light, number> = { behind: 0, close: 1, ahead: 2 };
type Row = MonthFiguresOut["items"][number];

/** Every indicator's figure for the city in a month, against its target: the table an analyst reads first. */
export function MonthFigures() {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const [month, setMonth] = useState<string>();
  const [regionId, setRegionId] = useState<string | undefined>(session?.user.regionId);
  const [group, setGroup] = useState<string>();
  const [q, setQ] = useState("");
  const figures = useQuery({
    queryKey: ["/api/indicator-figures", month, regionId, group],
    queryFn: () => api.get<MonthFiguresOut>("/api/indicator-figures", { month, regionId, group }),
  });
  const data = figures.data;
  const needle = q.trim().toLowerCase();
  const rows = (data?.items ?? []).filter(
    (r) => !needle || `${r.indicator.code} ${r.indicator.nameZh} ${r.indicator.nameEn}`.toLowerCase().includes(needle),
  );
  const link = (r: Row) => `/indicators/${r.indicator.id}?month=${data?.month ?? ""}&regionId=${regionId ?? ""}`;
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        <Select
          style={{ width: 140 }}
          value={data?.month}
          onChange={setMonth}
          options={(data?.months ?? []).map((m) => ({ value: m, label: m }))}
          placeholder={t("ind.month")}
          data-testid="figures-month"
        />
        <div style={{ width: 200 }}>
          <RemoteSelect
            path="/api/regions"
            value={regionId}
            onChange={(v) => setRegionId(v ?? session?.user.regionId)}
            initialLabel={session?.user.regionName}
          />
        </div>
        <Select
          allowClear
          style={{ width: 150 }}
          value={group}
          onChange={setGroup}
          placeholder={t("ind.allGroups")}
          options={GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
        />
        <Input.Search allowClear style={{ width: 220 }} placeholder={t("ind.search")} onChange={(e) => setQ(e.target.value)} />
      </Space>
      <Table<Row>
        rowKey={(r) => r.indicator.id}
        size="middle"
        loading={figures.isLoading}
        dataSource={rows}
        scroll={{ x: 1000 }}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: true } : false}
        locale={{ emptyText: <Empty description={t("ind.empty")} /> }}
        data-testid="figures-table"
        columns={[
          {
            title: t("ind.name"),
            key: "name",
            fixed: "left",
            width: 240,
            render: (_, r) => <Link to={link(r)}>{indicatorName(r.indicator, locale)}</Link>,
          },
          { title: t("ind.measureUnit"), key: "unit", width: 110, render: (_, r) => unitOf(r.indicator, locale) },
          { title: t("ind.month"), dataIndex: "period", width: 90 },
          {
            title: t("ind.value"),
            key: "value",
            align: "right",
            width: 130,
            render: (_, r) => fmt(r.city.value, r.indicator.decimals, locale),
          },
          {
            title: t("ind.growth"),
            key: "growth",
            align: "right",
            width: 120,
            sorter: (a, b) => (a.city.growth ?? -1e9) - (b.city.growth ?? -1e9),
            render: (_, r) =>
              r.city.growth == null ? (
                r.city.change == null ? (
                  "—"
                ) : (
                  <Tooltip title={t("ind.change")}>{`${pct1(r.city.change)} pt`}</Tooltip>
                )
              ) : r.city.growthPublished ? (
                <Tooltip title={t("ind.published")}>
                  <Typography.Text underline>{pct1(r.city.growth)}</Typography.Text>
                </Tooltip>
              ) : (
                pct1(r.city.growth)
              ),
          },
          {
            title: t("ind.target"),
            key: "target",
            width: 140,
            render: (_, r) => targetText(r.city.target, r.indicator.decimals, unitOf(r.indicator, locale), locale, t),
          },
          {
            title: t("ind.completion"),
            key: "completion",
            align: "right",
            width: 110,
            render: (_, r) => pct1(r.city.completion),
          },
          { title: t("ind.needed"), key: "needed", align: "right", width: 130, render: (_, r) => pct1(r.city.neededGrowth) },
          {
            title: t("ind.status"),
            key: "light",
            width: 120,
            sorter: (a, b) => (a.city.light ? LIGHT_RANK[a.city.light] : 9) - (b.city.light ? LIGHT_RANK[b.city.light] : 9),
            render: (_, r) => <LightTag light={r.city.light} />,
          },
          {
            title: t("ind.region"),
            key: "reported",
            width: 150,
            render: (_, r) => (
              <Typography.Text type={r.city.reported < r.city.expected ? "warning" : "secondary"}>
                {r.city.summed ? t("ind.reported", { reported: r.city.reported, expected: r.city.expected }) : "—"}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Space>
  );
}
