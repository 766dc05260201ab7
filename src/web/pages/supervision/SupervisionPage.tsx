import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Row, Spin, Statistic, Table } from "antd";
import { useNavigate } from "react-router";
import type { DashboardOut } from "../../../schemas/supervision.js";
import { api } from "../../api/client.js";
import { EChart } from "../../components/EChart.js";
import { useT } from "../../i18n/index.js";

const LIGHT_COLORS = { green: "#52c41a", yellow: "#faad14", red: "#f5222d" };
const RUNG_COLORS = ["#8c8c8c", "#fa8c16", "#1677ff", "#faad14", "#f5222d", "#820014"];

/** The supervision cockpit: lights, lights by unit, the escalation pipeline, how units respond, and the trend. */
export function SupervisionPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data, isLoading, error } = useQuery({
    queryKey: ["/api/supervision/dashboard"],
    queryFn: () => api.get<DashboardOut>("/api/supervision/dashboard"),
  });
  if (isLoading) return <Spin />;
  if (error || !data) return <Alert type="error" showIcon title={t("common.loadFailed")} />;
  const lights = (["green", "yellow", "red"] as const).map((l) => ({
    name: t(`supervision.light.${l}`),
    value: data.lights[l],
    itemStyle: { color: LIGHT_COLORS[l] },
  }));
  const rungs = (["reminder", "urge", "blue", "yellow", "red", "listed"] as const).map((k) => t(`supervision.pipeline.${k}`));
  const units = [...data.byUnit].reverse();
  return (
    <Row gutter={[16, 16]} data-testid="supervision-dashboard">
      <Col span={24}>
        <Card
          title={t("supervision.dashboard")}
          extra={
            <Button type="link" onClick={() => navigate("/notices")}>
              {t("supervision.toNotices")}
            </Button>
          }
        >
          <Row gutter={16}>
            {(["green", "yellow", "red"] as const).map((l) => (
              <Col xs={8} key={l}>
                <Statistic title={t(`supervision.light.${l}`)} value={data.lights[l]} valueStyle={{ color: LIGHT_COLORS[l] }} />
              </Col>
            ))}
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t("supervision.lights")} size="small">
          <EChart
            testId="chart-lights"
            option={{
              tooltip: { trigger: "item" },
              legend: { bottom: 0 },
              series: [{ type: "pie", radius: ["40%", "70%"], label: { formatter: "{c}" }, data: lights }],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Card title={t("supervision.pipeline")} size="small">
          <EChart
            testId="chart-pipeline"
            option={{
              tooltip: {},
              grid: { left: 40, right: 16, top: 16, bottom: 40 },
              xAxis: { type: "category", data: rungs },
              yAxis: { type: "value", minInterval: 1 },
              series: [
                {
                  type: "bar",
                  data: (["reminder", "urge", "blue", "yellow", "red", "listed"] as const).map((k, i) => ({
                    value: data.pipeline[k],
                    itemStyle: { color: RUNG_COLORS[i] },
                  })),
                },
              ],
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t("supervision.byUnit")} size="small">
          <EChart
            testId="chart-units"
            height={Math.max(300, units.length * 26 + 60)}
            option={{
              tooltip: { trigger: "axis" },
              legend: { bottom: 0 },
              grid: { left: 120, right: 16, top: 8, bottom: 40 },
              xAxis: { type: "value", minInterval: 1 },
              yAxis: { type: "category", data: units.map((u) => u.unit), axisLabel: { width: 110, overflow: "truncate" } },
              series: (["green", "yellow", "red"] as const).map((l) => ({
                name: t(`supervision.light.${l}`),
                type: "bar",
                stack: "lights",
                itemStyle: { color: LIGHT_COLORS[l] },
                data: units.map((u) => u[l]),
              })),
            }}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t("supervision.trend")} size="small">
          <EChart
            testId="chart-trend"
            option={{
              tooltip: { trigger: "axis" },
              legend: { bottom: 0 },
              grid: { left: 40, right: 16, top: 16, bottom: 60 },
              xAxis: { type: "category", data: data.trend.map((m) => m.month) },
              yAxis: { type: "value", minInterval: 1 },
              series: (["issued", "replied", "supervision", "closed"] as const).map((k) => ({
                name: t(`supervision.trend.${k}`),
                type: k === "closed" ? "bar" : "line",
                data: data.trend.map((m) => m[k]),
              })),
            }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t("supervision.responses")} size="small">
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={data.responses}
            locale={{ emptyText: t("notice.empty") }}
            scroll={{ x: 600 }}
            columns={[
              { title: t("bulletin.unit"), dataIndex: "unit" },
              {
                title: t("supervision.notices"),
                dataIndex: "notices",
                width: 100,
                align: "right",
                sorter: (a, b) => a.notices - b.notices,
              },
              { title: t("supervision.replied"), dataIndex: "replied", width: 100, align: "right" },
              {
                title: t("supervision.avgReplyHours"),
                dataIndex: "avgReplyHours",
                width: 170,
                align: "right",
                render: (v) => (v === null ? "—" : v),
                sorter: (a, b) => (a.avgReplyHours ?? 1e9) - (b.avgReplyHours ?? 1e9),
              },
              {
                title: t("supervision.unanswered"),
                dataIndex: "unanswered",
                width: 110,
                align: "right",
                sorter: (a, b) => a.unanswered - b.unanswered,
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
