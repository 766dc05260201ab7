import { UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Empty, InputNumber, Row, Space, Table, Tag, Typography, Upload } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import type { ProjectRegionsOut, ProjectSummaryOut } from "../../../schemas/projects.js";
import { ApiError, api, type Page } from "../../api/client.js";
import { useAbility, useSession } from "../../api/session.js";
import { EChart, registerMap } from "../../components/EChart.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useI18n } from "../../i18n/index.js";
import { pct, wan } from "./parts.js";

interface RegionMap {
  generated: boolean;
  geojson: { features: { properties: { code: string; name: string } }[] };
}

/** Investment by region against the year's plan: a map coloured by completion, a bar chart and the table. */
export function RegionView() {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const isAdmin = useAbility("settings.update");
  const [regionId, setRegionId] = useState<string | undefined>(session?.user.regionId);
  const [year, setYear] = useState(dayjs().year());
  const view = useQuery({
    queryKey: ["/api/projects/regions", regionId, year],
    queryFn: () => api.get<ProjectRegionsOut>("/api/projects/regions", { regionId, year }),
  });
  const map = useQuery({
    queryKey: ["/api/regions/map", regionId],
    queryFn: () =>
      api
        .get<RegionMap>(`/api/regions/${regionId}/map`)
        .catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
    enabled: Boolean(regionId),
  });
  const name = (a: { name: string; nameEn: string | null }) => (locale === "en" && a.nameEn ? a.nameEn : a.name);
  const mapName = map.data ? `region-${regionId}` : null;
  useMemo(() => {
    if (map.data && mapName) registerMap(mapName, map.data.geojson);
  }, [map.data, mapName]);
  const areas = view.data?.areas ?? [];
  // The larger projects of the region that have a location, as points on the map.
  const located = useQuery({
    queryKey: ["/api/projects", "map", regionId],
    queryFn: () =>
      api.get<Page<ProjectSummaryOut>>("/api/projects", { regionId, limit: 200, sort: "totalInvestment", order: "desc" }),
    enabled: Boolean(regionId),
  });
  const points = (located.data?.items ?? []).filter((p) => p.longitude !== null && p.latitude !== null);
  const parts = areas.filter((a) => !a.own);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="region-view">
      <Space wrap>
        <div style={{ width: 220 }}>
          <RemoteSelect
            path="/api/regions"
            value={regionId}
            onChange={(v) => setRegionId(v ?? session?.user.regionId)}
            initialLabel={session?.user.regionName}
          />
        </div>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} addonBefore={t("project.year")} />
        {isAdmin && regionId && (
          <Upload
            accept=".json,.geojson"
            showUploadList={false}
            beforeUpload={async (file) => {
              try {
                await api.put(`/api/regions/${regionId}/map`, JSON.parse(await file.text()));
                message.success(t("project.mapUploaded"));
                client.invalidateQueries({ queryKey: ["/api/regions/map", regionId] });
              } catch (e) {
                message.error(
                  e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("project.mapUnreadable"),
                );
              }
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t("project.uploadMap")}</Button>
          </Upload>
        )}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("project.regionMap")}>
            {mapName && map.data ? (
              <>
                <EChart
                  testId="region-map"
                  height={380}
                  option={{
                    tooltip: {
                      trigger: "item",
                      formatter: (p: { seriesType: string; name: string }) => {
                        if (p.seriesType === "scatter") return p.name;
                        const a = areas.find((x) => x.name === p.name);
                        return a
                          ? `${name(a)}<br/>${t("project.annualCompletion")}: ${pct(a.completion)}<br/>${t("project.invested")}: ${wan(a.invested)}`
                          : p.name;
                      },
                    },
                    visualMap: {
                      min: 0,
                      max: 100,
                      left: 0,
                      bottom: 0,
                      seriesIndex: 0,
                      text: ["100%", "0%"],
                      calculable: true,
                      inRange: { color: ["#cf1322", "#faad14", "#52c41a"] },
                    },
                    geo: { map: mapName, roam: true, label: { show: true, fontSize: 11 }, itemStyle: { borderColor: "#fff" } },
                    series: [
                      {
                        type: "map",
                        geoIndex: 0,
                        data: map.data.geojson.features.map((f) => ({
                          name: f.properties.name,
                          value: byCode.get(f.properties.code)?.completion ?? null,
                        })),
                      },
                      {
                        type: "scatter",
                        coordinateSystem: "geo",
                        symbolSize: 7,
                        itemStyle: { color: "#1d39c4", borderColor: "#fff", borderWidth: 1 },
                        data: points.map((p) => ({ name: `${p.code} ${p.name}`, value: [p.longitude, p.latitude] })),
                      },
                    ],
                  }}
                />
                {map.data.generated && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("project.mapGenerated")}
                  </Typography.Text>
                )}
              </>
            ) : (
              <Empty description={t("project.noMap")} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("project.byRegion")}>
            <EChart
              testId="region-bars"
              height={380}
              option={{
                tooltip: { trigger: "axis" },
                legend: { bottom: 0 },
                grid: { left: 70, right: 16, top: 16, bottom: 90 },
                xAxis: { type: "category", data: parts.map(name), axisLabel: { interval: 0, rotate: parts.length > 6 ? 30 : 0 } },
                yAxis: { type: "value" },
                series: [
                  {
                    name: t("project.annualPlan"),
                    type: "bar",
                    data: parts.map((a) => a.planned),
                    itemStyle: { color: "#bfbfbf" },
                  },
                  {
                    name: t("project.yearToDate"),
                    type: "bar",
                    data: parts.map((a) => a.invested),
                    itemStyle: { color: "#b71c1c" },
                  },
                ],
              }}
            />
          </Card>
        </Col>
      </Row>
      {view.error && <Alert type="error" showIcon title={t("common.loadFailed")} />}
      <Table
        rowKey="id"
        size="small"
        loading={view.isFetching}
        pagination={false}
        dataSource={areas}
        scroll={{ x: 900 }}
        data-testid="region-table"
        columns={[
          {
            title: t("project.region"),
            key: "name",
            render: (_v, a) => (a.own ? `${name(a)}（${t("project.ownLevel")}）` : name(a)),
          },
          { title: t("nav.projects"), dataIndex: "projects", align: "right", width: 90 },
          { title: t("project.totalInvestment"), dataIndex: "totalInvestment", align: "right", width: 150, render: wan },
          { title: t("project.annualPlan"), dataIndex: "planned", align: "right", width: 140, render: wan },
          { title: t("project.yearToDate"), dataIndex: "invested", align: "right", width: 160, render: wan },
          { title: t("project.annualCompletion"), dataIndex: "completion", align: "right", width: 130, render: pct },
          {
            title: t("project.warning"),
            key: "warnings",
            width: 180,
            render: (_v, a) => (
              <Space size={2}>
                {a.warnings.red > 0 && <Tag color="red">{a.warnings.red}</Tag>}
                {a.warnings.yellow > 0 && <Tag color="gold">{a.warnings.yellow}</Tag>}
                {a.warnings.blue > 0 && <Tag color="blue">{a.warnings.blue}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
