import { EditOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Image,
  List,
  Row,
  Space,
  Spin,
  Statistic,
  Steps,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { ProjectOut } from "../../../schemas/projects.js";
import { api } from "../../api/client.js";
import { EChart } from "../../components/EChart.js";
import { useT } from "../../i18n/index.js";
import { ProjectForm } from "./ProjectForm.js";
import { ProjectReportForm } from "./ProjectReportForm.js";
import { pct, WarningTag, wan, warningText } from "./parts.js";

function Media({ media }: { media: ProjectOut["reports"][number]["media"] }) {
  if (!media.length) return null;
  return (
    <Space wrap style={{ marginTop: 8 }} data-testid="project-media">
      {media.map((m) =>
        m.kind === "photo" ? (
          <Image
            key={m.id}
            src={`/api/attachments/${m.id}`}
            alt={m.name}
            width={160}
            height={110}
            style={{ objectFit: "cover" }}
          />
        ) : (
          // biome-ignore lint/a11y/useMediaCaption: site videos have no captions
          <video key={m.id} src={`/api/attachments/${m.id}`} controls width={240} preload="metadata" />
        ),
      )}
    </Space>
  );
}

/** One project: what it is, where its money and nodes stand, its warnings, and its monthly reports with photos and videos. */
export function ProjectPage() {
  const t = useT();
  const { id } = useParams();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const key = ["/api/projects", id];
  const { data: p, isLoading, error } = useQuery({ queryKey: key, queryFn: () => api.get<ProjectOut>(`/api/projects/${id}`) });
  if (isLoading) return <Spin />;
  if (error || !p) return <Alert type="error" showIcon title={t("common.loadFailed")} />;
  const set = (next: ProjectOut) => {
    client.setQueryData(key, next);
    client.invalidateQueries({ queryKey: ["/api/projects"], refetchType: "none" });
  };
  const s = p.status;
  const open = p.warnings.filter((w) => !w.clearedOn);
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Breadcrumb items={[{ title: <Link to="/projects">{t("nav.projects")}</Link> }, { title: p.code }]} />
      {editing && <ProjectForm project={p} onClose={() => setEditing(false)} onSaved={set} />}
      <Card
        title={
          <Space wrap>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
            <span data-testid="project-heading">{p.name}</span>
            <Tag>{t(`projectStage.${p.stage}`)}</Tag>
            <WarningTag level={p.warningLevel} />
          </Space>
        }
        extra={
          p.abilities.update && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-project">
              {t("common.edit")}
            </Button>
          )
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t("project.region")}>{p.region.name}</Descriptions.Item>
          <Descriptions.Item label={t("project.leadUnit")}>{p.leadUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t("project.owner")}>{p.ownerName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("project.category")}>
            {t(`projectCategory.${p.category}`)}
            {p.fundType && (
              <Tag color="purple" style={{ marginLeft: 8 }}>
                {t(`fundType.${p.fundType}`)}
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t("project.level")}>{t(`projectLevel.${p.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t("project.responsibleLeader")}>{p.responsibleLeader ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("project.totalInvestment")}>{wan(p.totalInvestment)}</Descriptions.Item>
          <Descriptions.Item label={t("project.invested")}>{wan(p.invested)}</Descriptions.Item>
          <Descriptions.Item label={t("project.address")}>
            {p.address ?? "—"}
            {p.longitude !== null && p.latitude !== null && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                ({p.longitude.toFixed(4)}, {p.latitude.toFixed(4)})
              </Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
        {p.description && <Typography.Paragraph style={{ marginTop: 12 }}>{p.description}</Typography.Paragraph>}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card
            title={`${t("project.status")} · ${s.period ? t("project.asOf", { period: s.period }) : "—"}`}
            size="small"
            data-testid="project-status"
          >
            <Row gutter={[16, 16]}>
              <Col span={12}>
                <Statistic title={t("project.yearToDate")} value={wan(s.yearToDate)} />
              </Col>
              <Col span={12}>
                <Statistic title={t("project.annualPlan")} value={wan(s.annualPlan)} />
              </Col>
              <Col span={12}>
                <Statistic
                  title={t("project.annualCompletion")}
                  value={pct(s.annualCompletion)}
                  valueStyle={{ color: s.paceGap !== null && s.paceGap > 10 ? "#cf1322" : undefined }}
                />
              </Col>
              <Col span={12}>
                <Statistic title={t("project.timeElapsed")} value={pct(s.timeElapsed)} />
              </Col>
              <Col span={12}>
                <Statistic title={t("project.totalCompletion")} value={pct(s.totalCompletion)} />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t("project.curve")} size="small">
            <EChart
              testId="project-curve"
              height={260}
              option={{
                tooltip: { trigger: "axis" },
                legend: { bottom: 0 },
                grid: { left: 60, right: 16, top: 16, bottom: 50 },
                xAxis: { type: "category", data: p.curve.map((c) => c.period.slice(5)) },
                yAxis: { type: "value" },
                series: [
                  {
                    name: t("project.curveMonthly"),
                    type: "bar",
                    data: p.curve.map((c) => c.amount),
                    itemStyle: { color: "#91caff" },
                  },
                  {
                    name: t("project.curveActual"),
                    type: "line",
                    data: p.curve.map((c) => c.cumulative),
                    itemStyle: { color: "#b71c1c" },
                  },
                  {
                    name: t("project.curvePlanned"),
                    type: "line",
                    data: p.curve.map((c) => c.planned),
                    lineStyle: { type: "dashed" },
                    itemStyle: { color: "#8c8c8c" },
                  },
                ],
              }}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t("project.nodes")} size="small">
        <Steps
          size="small"
          current={p.nodes.length}
          data-testid="project-nodes"
          items={p.nodes.map((n) => {
            const late = !n.reachedOn && n.plannedOn !== null && n.plannedOn < new Date().toISOString().slice(0, 10);
            return {
              title: t(`node.${n.kind}`),
              status: n.reachedOn ? "finish" : late ? "error" : "wait",
              description: (
                <Space direction="vertical" size={0} style={{ fontSize: 12 }}>
                  <span>
                    {t("project.plannedOn")} {n.plannedOn ?? "—"}
                  </span>
                  <span>
                    {t("project.reachedOn")} {n.reachedOn ?? t("project.notReached")}
                  </span>
                </Space>
              ),
            };
          })}
        />
      </Card>
      <Card title={t("project.warningHistory")} size="small" data-testid="project-warnings">
        {p.warnings.length ? (
          <Timeline
            items={p.warnings.map((w) => ({
              color: w.clearedOn ? "gray" : w.level === "red" ? "red" : w.level === "yellow" ? "orange" : "blue",
              content: (
                <Space direction="vertical" size={0}>
                  <Space wrap>
                    <WarningTag level={w.level} />
                    <Typography.Text delete={Boolean(w.clearedOn)}>{warningText(w, t)}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {w.history.map((h) => `${h.on} ${t(`warningLevel.${h.level as "red"}`)}`).join(" → ")}
                    {w.clearedOn ? ` → ${w.clearedOn} ${t("project.clearedOn")}` : ` · ${t("project.open")}`}
                  </Typography.Text>
                </Space>
              ),
            }))}
          />
        ) : (
          <Empty description={t("project.noWarnings")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
        {open.length === 0 && p.warnings.length > 0 && (
          <Typography.Text type="success">{t("project.noWarnings")}</Typography.Text>
        )}
      </Card>
      {p.abilities.report && (
        <Card title={t("project.report")} size="small">
          <ProjectReportForm project={p} onDone={set} />
        </Card>
      )}
      <Card title={t("project.reports")} size="small">
        <List
          dataSource={p.reports}
          pagination={p.reports.length > 12 ? { pageSize: 12, size: "small" } : false}
          locale={{ emptyText: t("project.noReports") }}
          data-testid="project-reports"
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Space direction="vertical" size={2} style={{ width: "100%" }}>
                <Space wrap>
                  <Typography.Text strong>{r.period}</Typography.Text>
                  <Tag color="blue">{wan(r.amount)}</Tag>
                  <Typography.Text type="secondary">
                    {r.submittedByName} · {r.submittedAt.slice(0, 10)}
                  </Typography.Text>
                </Space>
                <Typography.Text>{r.narrative}</Typography.Text>
                <Media media={r.media} />
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {(p.tasks.length > 0 || p.directives.length > 0) && (
        <Card title={t("project.links")} size="small">
          <List
            size="small"
            dataSource={[
              ...p.tasks.map((x) => ({ key: x.id, node: <Link to={`/tasks/${x.id}`}>{`#${x.number} ${x.title}`}</Link> })),
              ...p.directives.map((d) => ({
                key: d.id,
                node: <Link to={`/meetings/${d.meetingId}`}>{`${d.text} — ${d.meetingTitle}`}</Link>,
              })),
            ]}
            renderItem={(x) => <List.Item key={x.key}>{x.node}</List.Item>}
          />
        </Card>
      )}
    </Space>
  );
}
