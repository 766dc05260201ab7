import { useQuery } from "@tanstack/react-query";
import { Card, Col, DatePicker, Descriptions, Empty, Row, Space, Statistic, Table, Tabs, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { useParams, useSearchParams } from "react-router";
import type { FiguresOut, RegionFigureOut } from "../../../schemas/indicators.js";
import { api } from "../../api/client.js";
import { useAbility, useSession } from "../../api/session.js";
import { EChart } from "../../components/EChart.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useI18n } from "../../i18n/index.js";
import { fmt, indicatorName, LIGHT_COLOURS, LightTag, pct1, regionName, targetText, unitOf } from "./parts.js";
import { TargetsEditor } from "./TargetsEditor.js";
import { ValuesGrid } from "./ValuesGrid.js";

/** One indicator for a month: the city against its target, the trend, and each region ranked. */
export function IndicatorPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { session } = useSession();
  const canTarget = useAbility("indicator.target");
  const [search, setSearch] = useSearchParams();
  const month = search.get("month") || undefined;
  const regionId = search.get("regionId") || session?.user.regionId;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    setSearch(next, { replace: true });
  };
  const figures = useQuery({
    queryKey: ["/api/indicators", id, "figures", month, regionId],
    queryFn: () => api.get<FiguresOut>(`/api/indicators/${id}/figures`, { month, regionId }),
  });
  const f = figures.data;
  const i = f?.indicator;
  const level = i ? !i.additive && i.accumulation === "period" : false;
  const unit = i ? unitOf(i, locale) : "";
  const trend = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        grid: { left: 48, right: 16, top: 24, bottom: 32 },
        xAxis: { type: "category", data: f.trend.map((p) => p.period) },
        yAxis: { type: "value", scale: true, axisLabel: { formatter: level ? "{value}" : "{value}%" } },
        series: [{ type: "line", smooth: true, data: f.trend.map((p) => (p.value == null ? null : Number(pct1(p.value)))) }],
      },
    [f, level],
  );
  const bars = useMemo(
    () =>
      f && {
        tooltip: { trigger: "axis" },
        grid: { left: 48, right: 16, top: 24, bottom: 48 },
        xAxis: { type: "category", data: f.parts.map((p) => regionName(p.region, locale)), axisLabel: { rotate: 30 } },
        yAxis: { type: "value", axisLabel: { formatter: level ? "{value}" : "{value}%" } },
        series: [
          {
            type: "bar",
            data: f.parts.map((p) => ({
              value: level ? p.value : p.growth == null ? null : Number(pct1(p.growth)),
              itemStyle: { color: p.light ? LIGHT_COLOURS[p.light] : "#8c8c8c" },
            })),
          },
        ],
      },
    [f, level, locale],
  );
  if (figures.isError) return <Empty description={t("common.loadFailed")} />;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="indicator-page">
      <Card
        loading={figures.isLoading}
        title={i ? `${indicatorName(i, locale)}（${unit}）` : ""}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={f ? dayjs(`${f.month}-01`) : null}
              onChange={(d) => set({ month: d?.format("YYYY-MM") })}
            />
            <div style={{ width: 200 }}>
              <RemoteSelect
                path="/api/regions"
                value={regionId}
                onChange={(v) => set({ regionId: v ?? undefined })}
                initialLabel={f ? f.city.region.name : session?.user.regionName}
              />
            </div>
          </Space>
        }
      >
        {f && i && (
          <>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
              <Descriptions.Item label={t("ind.code")}>{i.code}</Descriptions.Item>
              <Descriptions.Item label={t("ind.periodKind")}>{t(`ind.periodKind.${i.periodKind}`)}</Descriptions.Item>
              <Descriptions.Item label={t("ind.accumulation")}>{t(`ind.accumulation.${i.accumulation}`)}</Descriptions.Item>
              <Descriptions.Item label={t("ind.source")}>{i.sourceUnit?.name ?? "—"}</Descriptions.Item>
            </Descriptions>
            <Row gutter={[16, 16]} style={{ marginTop: 12 }} data-testid="indicator-city">
              <Col xs={12} md={6} lg={4}>
                <Statistic
                  title={`${regionName(f.city.region, locale)} · ${f.period}`}
                  value={fmt(f.city.value, i.decimals, locale)}
                  suffix={unit}
                />
              </Col>
              <Col xs={12} md={6} lg={4}>
                {level ? (
                  <Statistic title={t("ind.change")} value={pct1(f.city.change)} />
                ) : (
                  <Statistic title={t("ind.growth")} value={pct1(f.city.growth)} />
                )}
              </Col>
              <Col xs={12} md={6} lg={4}>
                <Statistic title={t("ind.target")} value={targetText(f.city.target, i.decimals, unit, locale, t)} />
              </Col>
              <Col xs={12} md={6} lg={4}>
                <Statistic title={t("ind.completion")} value={pct1(f.city.completion)} />
              </Col>
              <Col xs={12} md={6} lg={4}>
                <Statistic title={t("ind.needed")} value={pct1(f.city.neededGrowth)} />
              </Col>
              <Col xs={12} md={6} lg={4}>
                <div style={{ color: "rgba(0,0,0,.45)", marginBottom: 8 }}>{t("ind.status")}</div>
                <LightTag light={f.city.light} />
                {f.city.summed && (
                  <Typography.Text type="secondary" style={{ display: "block", marginTop: 4 }}>
                    {t("ind.reported", { reported: f.city.reported, expected: f.city.expected })}
                  </Typography.Text>
                )}
              </Col>
            </Row>
          </>
        )}
      </Card>
      {f && i && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={level ? t("ind.trendLevel") : t("ind.trend")}>
              {trend && <EChart option={trend} height={260} testId="indicator-trend" />}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={level ? t("ind.regions") : t("ind.regionsGrowth")}>
              {bars && <EChart option={bars} height={260} testId="indicator-regions-chart" />}
            </Card>
          </Col>
        </Row>
      )}
      {f && i && (
        <Card size="small" title={t("ind.regions")}>
          <Table<RegionFigureOut>
            rowKey={(p) => p.region.id}
            size="small"
            dataSource={f.parts}
            pagination={f.parts.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 1000 }}
            data-testid="indicator-regions"
            columns={[
              {
                title: t("ind.rank"),
                dataIndex: "rank",
                width: 60,
                sorter: (a, b) => (a.rank ?? 999) - (b.rank ?? 999),
                defaultSortOrder: "ascend",
              },
              { title: t("ind.region"), key: "region", width: 140, render: (_, p) => regionName(p.region, locale) },
              {
                title: level ? t("ind.value") : t("ind.ytdValue"),
                key: "v",
                align: "right",
                render: (_, p) => fmt(p.value, i.decimals, locale),
              },
              ...(level
                ? [
                    {
                      title: t("ind.change"),
                      key: "c",
                      align: "right" as const,
                      render: (_: unknown, p: RegionFigureOut) => pct1(p.change),
                    },
                  ]
                : [
                    {
                      title: t("ind.growth"),
                      key: "g",
                      align: "right" as const,
                      render: (_: unknown, p: RegionFigureOut) => pct1(p.growth),
                    },
                    {
                      title: t("ind.periodValue"),
                      key: "pv",
                      align: "right" as const,
                      render: (_: unknown, p: RegionFigureOut) => fmt(p.periodValue, i.decimals, locale),
                    },
                    {
                      title: t("ind.periodGrowth"),
                      key: "pg",
                      align: "right" as const,
                      render: (_: unknown, p: RegionFigureOut) => pct1(p.periodGrowth),
                    },
                    {
                      title: t("ind.share"),
                      key: "s",
                      align: "right" as const,
                      render: (_: unknown, p: RegionFigureOut) => pct1(p.share),
                    },
                    {
                      title: t("ind.pull"),
                      key: "p",
                      align: "right" as const,
                      render: (_: unknown, p: RegionFigureOut) => pct1(p.pull),
                    },
                  ]),
              { title: t("ind.target"), key: "t", render: (_, p) => targetText(p.target, i.decimals, unit, locale, t) },
              { title: t("ind.status"), key: "l", render: (_, p) => <LightTag light={p.light} /> },
            ]}
          />
        </Card>
      )}
      {i && (
        <Card size="small">
          <Tabs
            items={[
              { key: "values", label: t("ind.values"), children: <ValuesGrid indicator={i} regionId={regionId} /> },
              ...(canTarget
                ? [{ key: "targets", label: t("ind.targets"), children: <TargetsEditor indicator={i} regionId={regionId} /> }]
                : []),
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
