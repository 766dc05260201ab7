import { FullscreenOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Col, ConfigProvider, Empty, List, Row, Select, Space, Spin, Typography, theme } from "antd";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import type { CockpitOut } from "../../../schemas/cockpit.js";
import { ApiError, api } from "../../api/client.js";
import { EChart, registerMap } from "../../components/EChart.js";
import { useI18n, useT } from "../../i18n/index.js";
import { fmt, indicatorName, LIGHT_COLOURS, pct1, regionName, unitOf } from "../indicators/parts.js";
import { CockpitFlags } from "./CockpitFlags.js";
import { MUTED, PANEL } from "./style.js";

type Headline = CockpitOut["headlines"][number];
interface RegionMap {
  geojson: { features: { properties: { code: string; name: string } }[] };
}

/**
 * The leaders' screen (驾驶舱): the headline figures with their trend and light, the regions on a
 * map and ranked by a chosen indicator, and the work in the red. Refreshes itself as figures arrive;
 * legible on a wall screen and on a phone.
 */
export function CockpitPage() {
  const { t, locale } = useI18n();
  const [month, setMonth] = useState<string>();
  const [mapIndicatorId, setMapIndicatorId] = useState<string>();
  const screen = useRef<HTMLDivElement>(null);
  const data = useQuery({
    queryKey: ["/api/cockpit", month, mapIndicatorId],
    queryFn: () => api.get<CockpitOut>("/api/cockpit", { month, mapIndicatorId }),
    refetchInterval: 60_000,
  });
  const c = data.data;
  const map = useQuery({
    queryKey: ["/api/regions/map", c?.city.id],
    queryFn: () =>
      api
        .get<RegionMap>(`/api/regions/${c?.city.id}/map`)
        .catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    enabled: Boolean(c?.city.id),
  });
  const mapName = map.data && c ? `cockpit-${c.city.id}` : null;
  useMemo(() => {
    if (map.data && mapName) registerMap(mapName, map.data.geojson);
  }, [map.data, mapName]);
  const chosen = c?.headlines.find((h) => h.indicator.id === c.mapIndicatorId) ?? c?.headlines[0];
  const level = chosen ? !chosen.indicator.additive && chosen.indicator.accumulation === "period" : false;
  const figureOf = (p: Headline["parts"][number]) => (level ? p.value : p.growth == null ? null : Number(pct1(p.growth)));
  const regionsById = new Map((c?.regions ?? []).map((r) => [r.id, r]));
  const ranked = chosen ? [...chosen.parts].filter((p) => p.rank != null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)) : [];
  const values = ranked.map(figureOf).filter((v): v is number => v != null);

  // The map's outline names places in Chinese; labels follow the reader's language.
  const shownName = new Map((c?.regions ?? []).map((r) => [r.name, regionName(r, locale)]));
  const byCode = new Map(chosen?.parts.map((p) => [regionsById.get(p.regionId)?.code, p]));
  const mapOption = chosen &&
    map.data &&
    mapName && {
      tooltip: { trigger: "item" },
      visualMap: {
        min: Math.min(0, ...values),
        max: Math.max(1, ...values),
        left: 0,
        bottom: 0,
        calculable: true,
        textStyle: { color: MUTED },
        inRange: {
          color: chosen.indicator.better === "lower" ? ["#52c41a", "#faad14", "#f5222d"] : ["#f5222d", "#faad14", "#52c41a"],
        },
      },
      series: [
        {
          type: "map",
          map: mapName,
          label: { show: true, color: "#fff", fontSize: 11, formatter: (p: { name: string }) => shownName.get(p.name) ?? p.name },
          itemStyle: { borderColor: "#0b1526", areaColor: "#274060" },
          data: map.data.geojson.features.map((f) => {
            const p = byCode.get(f.properties.code);
            return { name: f.properties.name, value: p ? figureOf(p) : null };
          }),
        },
      ],
    };
  const rankOption = chosen && {
    grid: { left: 80, right: 40, top: 8, bottom: 24 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "value", axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: "#1f3a5f" } } },
    yAxis: {
      type: "category",
      inverse: true,
      axisLabel: { color: "#dbe7f7" },
      data: ranked.map((p) => regionName(regionsById.get(p.regionId) ?? { name: "" }, locale)),
    },
    series: [
      {
        type: "bar",
        label: { show: true, position: "right", color: "#dbe7f7" },
        data: ranked.map((p) => ({ value: figureOf(p), itemStyle: { color: p.light ? LIGHT_COLOURS[p.light] : "#4e7ab5" } })),
      },
    ],
  };
  if (data.isLoading) return <Spin size="large" style={{ display: "block", marginTop: "20vh" }} />;
  if (!c) return <Empty description={t("common.loadFailed")} />;
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div
        ref={screen}
        style={{ background: "#0b1526", color: "#dbe7f7", padding: 16, minHeight: "calc(100vh - 120px)", borderRadius: 8 }}
        data-testid="cockpit"
      >
        <Row justify="space-between" align="middle" gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col>
            <Typography.Title level={3} style={{ margin: 0, color: "#fff" }}>
              {t("cockpit.title")} · {regionName(c.city, locale)}
            </Typography.Title>
          </Col>
          <Col>
            <Space wrap>
              <Select
                style={{ width: 130 }}
                value={c.month}
                onChange={setMonth}
                options={c.months.map((m) => ({ value: m, label: m }))}
                data-testid="cockpit-month"
              />
              <Select
                style={{ width: 220 }}
                value={c.mapIndicatorId ?? undefined}
                onChange={setMapIndicatorId}
                options={c.headlines.map((h) => ({ value: h.indicator.id, label: indicatorName(h.indicator, locale) }))}
                data-testid="cockpit-map-indicator"
              />
              <Button icon={<FullscreenOutlined />} onClick={() => screen.current?.requestFullscreen?.()}>
                {t("cockpit.fullscreen")}
              </Button>
            </Space>
          </Col>
        </Row>
        {!c.headlines.length && <Empty description={t("cockpit.noHeadlines")} />}
        <Row gutter={[12, 12]}>
          {c.headlines.map((h) => (
            <Col key={h.indicator.id} flex="1 0 160px">
              <Tile h={h} />
            </Col>
          ))}
        </Row>
        <CockpitFlags flags={c.flags} />
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={12}>
            <div style={PANEL}>
              <Typography.Text style={{ color: MUTED }}>{chosen ? indicatorName(chosen.indicator, locale) : ""}</Typography.Text>
              {mapOption ? (
                <EChart option={mapOption} height={360} testId="cockpit-map" />
              ) : (
                <Empty description={t("cockpit.noMap")} />
              )}
            </div>
          </Col>
          <Col xs={24} lg={12}>
            <div style={PANEL}>
              <Typography.Text style={{ color: MUTED }}>{t("cockpit.ranking")}</Typography.Text>
              {rankOption && <EChart option={rankOption} height={360} testId="cockpit-ranking" />}
            </div>
          </Col>
        </Row>
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={24} lg={12}>
            <RedList
              title={t("cockpit.redTasks")}
              total={c.redTasks.total}
              items={c.redTasks.items.map((x) => ({
                key: x.id,
                to: `/tasks/${x.id}`,
                text: `#${x.number} ${x.title}`,
                note: `${x.leadUnit} · ${x.dueOn}`,
              }))}
              testId="cockpit-red-tasks"
            />
          </Col>
          <Col xs={24} lg={12}>
            <RedList
              title={t("cockpit.redProjects")}
              total={c.redProjects.total}
              items={c.redProjects.items.map((x) => ({
                key: x.id,
                to: `/projects/${x.id}`,
                text: `${x.code} ${x.name}`,
                note: x.region,
              }))}
              testId="cockpit-red-projects"
            />
          </Col>
        </Row>
      </div>
    </ConfigProvider>
  );
}

function Tile({ h }: { h: Headline }) {
  const { t, locale } = useI18n();
  const level = !h.indicator.additive && h.indicator.accumulation === "period";
  const spark = {
    grid: { left: 0, right: 0, top: 4, bottom: 0 },
    xAxis: { type: "category", show: false, data: h.trend.map((p) => p.period) },
    yAxis: { type: "value", show: false, scale: true },
    series: [
      {
        type: "line",
        smooth: true,
        symbol: "none",
        lineStyle: { color: h.light ? LIGHT_COLOURS[h.light] : "#4e7ab5", width: 2 },
        data: h.trend.map((p) => (p.value == null ? null : Number(pct1(p.value)))),
      },
    ],
  };
  return (
    <div style={{ ...PANEL, borderTop: `3px solid ${h.light ? LIGHT_COLOURS[h.light] : "#4e7ab5"}` }} data-testid="cockpit-tile">
      <Link to={`/indicators/${h.indicator.id}`} style={{ color: MUTED, fontSize: 13 }}>
        {indicatorName(h.indicator, locale)}
      </Link>
      <div style={{ fontSize: 24, fontWeight: 600, color: "#fff", lineHeight: 1.4 }}>
        {fmt(h.value, h.indicator.decimals, locale)}
      </div>
      <div style={{ fontSize: 12, color: MUTED }}>{unitOf(h.indicator, locale)}</div>
      <div style={{ fontSize: 14, color: h.light ? LIGHT_COLOURS[h.light] : "#dbe7f7" }}>
        {level ? `${pct1(h.change)} pt` : `${pct1(h.growth)}%`}
        <span style={{ color: MUTED, marginLeft: 8, fontSize: 12 }}>
          {h.light ? t(`ind.light.${h.light}`) : t("ind.noTarget")}
          {h.reported < h.expected ? ` · ${t("ind.reported", { reported: h.reported, expected: h.expected })}` : ""}
        </span>
      </div>
      <EChart option={spark} height={44} />
    </div>
  );
}

function RedList({
  title,
  total,
  items,
  testId,
}: {
  title: string;
  total: number;
  items: { key: string; to: string; text: string; note: string }[];
  testId: string;
}) {
  const t = useT();
  return (
    <div style={PANEL} data-testid={testId}>
      <Space style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Text style={{ color: "#ff7875", fontWeight: 600 }}>{title}</Typography.Text>
        <Typography.Text style={{ color: MUTED }}>{t("cockpit.more", { count: total })}</Typography.Text>
      </Space>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t("cockpit.noRed") }}
        renderItem={(x) => (
          <List.Item style={{ borderColor: "#1f3a5f" }}>
            <Link to={x.to} style={{ color: "#dbe7f7" }}>
              {x.text}
            </Link>
            <Typography.Text style={{ color: MUTED, fontSize: 12 }}>{x.note}</Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
