import { BranchesOutlined, BulbOutlined, NotificationOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { LIGHTS } from "../../../domain/light.js";
import type { TaskOut, TaskSummaryOut } from "../../../schemas/tasks.js";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";
import { Instructions } from "../supervision/Instructions.js";
import { TaskNotices } from "../supervision/TaskNotices.js";
import { UrgeModal } from "../supervision/UrgeModal.js";
import { Milestones } from "./Milestones.js";
import { LightTag, ProgressCell, TaskStateTag, targetText } from "./parts.js";
import { ReportForm } from "./ReportForm.js";
import { ReportList } from "./ReportList.js";
import { StepButtons } from "./StepButtons.js";

function LightOverride({ task, onDone }: { task: TaskOut; onDone(t: TaskOut): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [light, setLight] = useState<string | null>(task.lightOverridden ? task.light : null);
  const [reason, setReason] = useState(task.lightOverrideReason ?? "");
  const save = async () => {
    try {
      onDone(await api.post<TaskOut>(`/api/tasks/${task.id}/light`, { light, reason: reason || null, version: task.version }));
      message.success(t("common.saved"));
      setOpen(false);
    } catch (e) {
      message.error(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network"));
    }
  };
  return (
    <>
      <Button size="small" icon={<BulbOutlined />} onClick={() => setOpen(true)} data-testid="light-override">
        {t("light.override")}
      </Button>
      <Modal open={open} title={t("light.override")} onOk={save} onCancel={() => setOpen(false)} okText={t("common.save")}>
        <Space direction="vertical" style={{ width: "100%" }}>
          <Select
            style={{ width: 200 }}
            value={light ?? "auto"}
            onChange={(v) => setLight(v === "auto" ? null : v)}
            options={[{ value: "auto", label: t("light.auto") }, ...LIGHTS.map((l) => ({ value: l, label: t(`light.${l}`) }))]}
          />
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t("light.overrideReason")}
          />
        </Space>
      </Modal>
    </>
  );
}

/** One task: where it came from, who does it, its reports and evidence, its parts and its history. */
export function TaskPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ["task", id], queryFn: () => api.get<TaskOut>(`/api/tasks/${id}`) });
  const [urging, setUrging] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["task", id] });
  const replace = (next: TaskOut) => {
    queryClient.setQueryData(["task", id], next);
    queryClient.invalidateQueries({ queryKey: ["/api/tasks"] });
  };
  if (query.isLoading) return <Spin />;
  if (!query.data) return <Alert type="error" showIcon title={t("common.loadFailed")} />;
  const task = query.data;
  const a = task.abilities;
  return (
    <Space direction="vertical" style={{ width: "100%" }} size="middle">
      <Breadcrumb
        items={[
          { title: <Link to="/tasks">{t("nav.tasks")}</Link> },
          ...task.path.map((p) => ({ title: <Link to={`/tasks/${p.id}`}>{`#${p.number} ${p.title}`}</Link> })),
          { title: `#${task.number}` },
        ]}
      />
      <Card
        title={
          <Space wrap>
            <Typography.Text type="secondary">#{task.number}</Typography.Text>
            <span data-testid="task-heading">{task.title}</span>
            <TaskStateTag state={task.state} />
            <LightTag task={task} />
          </Space>
        }
        extra={<StepButtons task={task} onDone={replace} />}
      >
        <Row gutter={24}>
          <Col xs={24} lg={16}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t("task.leadUnit")}>{task.leadUnit.name}</Descriptions.Item>
              <Descriptions.Item label={t("task.coUnits")}>{task.coUnits.map((u) => u.name).join("、") || "—"}</Descriptions.Item>
              <Descriptions.Item label={t("task.responsibleLeader")}>{task.responsibleLeader ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("task.owner")}>{task.ownerUnit.name}</Descriptions.Item>
              <Descriptions.Item label={t("task.span")}>
                {task.startOn} ~ <Typography.Text strong>{task.dueOn}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("task.cadence")}>{t(`cadence.${task.cadence}`)}</Descriptions.Item>
              <Descriptions.Item label={t("task.target")}>{targetText(task, t)}</Descriptions.Item>
              <Descriptions.Item label={t("task.weight")}>{task.weight}</Descriptions.Item>
              {task.campaignName && (
                <Descriptions.Item label={t("task.campaign")}>
                  <Link to={`/campaigns/${task.campaignId}`}>{task.campaignName}</Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t("task.progress")} span={2}>
                <ProgressCell task={task} />
              </Descriptions.Item>
            </Descriptions>
            {task.description && (
              <Typography.Paragraph style={{ marginTop: 12, whiteSpace: "pre-wrap" }}>{task.description}</Typography.Paragraph>
            )}
            {task.lightOverrideReason && (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                title={`${t("light.overridden")}: ${task.lightOverrideReason}`}
              />
            )}
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Title level={5}>{t("task.directives")}</Typography.Title>
            <List
              size="small"
              dataSource={task.directives}
              locale={{ emptyText: t("task.noDirectives") }}
              renderItem={(d) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Typography.Text>{d.text}</Typography.Text>
                    <Link to={`/meetings/${d.meetingId}`}>
                      {d.meetingTitle}
                      {d.heldOn ? ` (${d.heldOn})` : ""}
                    </Link>
                  </Space>
                </List.Item>
              )}
            />
            <Milestones task={task} onChange={replace} />
            <Space wrap>
              {a.overrideLight && <LightOverride task={task} onDone={replace} />}
              {a.overrideLight && (
                <Button size="small" icon={<NotificationOutlined />} onClick={() => setUrging(true)} data-testid="urge">
                  {t("notice.urge")}
                </Button>
              )}
              {a.decompose && (
                <Button
                  size="small"
                  icon={<BranchesOutlined />}
                  onClick={() => navigate(`/tasks/new?parentId=${task.id}`)}
                  data-testid="decompose"
                >
                  {t("task.decompose")}
                </Button>
              )}
            </Space>
          </Col>
        </Row>
      </Card>
      <UrgeModal taskIds={[task.id]} open={urging} onClose={() => setUrging(false)} />
      <Instructions subjectType="task" subjectId={task.id} />
      <Card>
        <Tabs
          items={[
            {
              key: "reports",
              label: `${t("task.reports")} (${task.reports.length})`,
              children: (
                <Space direction="vertical" style={{ width: "100%" }} size="large">
                  {a.report && (
                    <Card size="small" title={t("report.new", { period: task.currentPeriod })}>
                      <ReportForm task={task} kind="report" onDone={refresh} />
                    </Card>
                  )}
                  {a.note && (
                    <Card size="small" title={t("report.newNote")}>
                      <ReportForm task={task} kind="note" onDone={refresh} />
                    </Card>
                  )}
                  <ReportList reports={task.reports} canReview={a.review} onChange={refresh} />
                </Space>
              ),
            },
            {
              key: "children",
              label: `${t("task.children")} (${task.children.length})`,
              children: (
                <Table<TaskSummaryOut>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={task.children}
                  locale={{ emptyText: t("task.noChildren") }}
                  columns={[
                    { title: "#", dataIndex: "number", width: 70 },
                    { title: t("task.title"), dataIndex: "title", render: (v, c) => <Link to={`/tasks/${c.id}`}>{v}</Link> },
                    { title: t("task.leadUnit"), dataIndex: ["leadUnit", "name"], width: 140 },
                    { title: t("task.weight"), dataIndex: "weight", width: 70 },
                    { title: t("task.state"), dataIndex: "state", width: 110, render: (s) => <TaskStateTag state={s} /> },
                    {
                      title: t("task.progress"),
                      dataIndex: "progress",
                      width: 150,
                      render: (_v, c) => <ProgressCell task={c} />,
                    },
                  ]}
                />
              ),
            },
            {
              key: "notices",
              label: t("notice.ofTask"),
              children: <TaskNotices taskId={task.id} />,
            },
            {
              key: "history",
              label: t("task.history"),
              children: (
                <Timeline
                  data-testid="task-history"
                  items={task.events.map((e) => ({
                    content: (
                      <Space direction="vertical" size={0}>
                        <Space wrap>
                          <Typography.Text strong>{t(`taskEvent.${e.kind}` as "taskEvent.created")}</Typography.Text>
                          {e.toState && <Tag>{t(`taskState.${e.toState}`)}</Tag>}
                          <Typography.Text type="secondary">
                            {e.actorName} · {new Date(e.at).toLocaleString()}
                          </Typography.Text>
                        </Space>
                        {e.kind === "deadline" && e.data && (
                          <Typography.Text>{`${String(e.data.from)} → ${String(e.data.to)}`}</Typography.Text>
                        )}
                        {e.kind.startsWith("milestone") && e.data && <Typography.Text>{String(e.data.title)}</Typography.Text>}
                        {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
                      </Space>
                    ),
                  }))}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
