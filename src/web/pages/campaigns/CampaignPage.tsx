import { EditOutlined, PlusOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Descriptions, Progress, Result, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { LIGHTS } from "../../../domain/light.js";
import type { CampaignOut, CampaignSummaryOut } from "../../../schemas/campaigns.js";
import { ApiError, api } from "../../api/client.js";
import { useAbility } from "../../api/session.js";
import { useT } from "../../i18n/index.js";
import { Instructions } from "../supervision/Instructions.js";
import { CampaignForm } from "./CampaignForm.js";

type UnitRow = CampaignOut["units"][number];
const LIGHT_COLORS = { green: "green", yellow: "gold", red: "red" } as const;

/** One campaign: its period and lead units, its sub-campaigns, and each lead unit's tasks, lights, progress and reports. */
export function CampaignPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canCreate = useAbility("campaign.create");
  const [editing, setEditing] = useState<"edit" | "child" | null>(null);
  const query = useQuery({ queryKey: ["/api/campaigns", id], queryFn: () => api.get<CampaignOut>(`/api/campaigns/${id}`) });
  if (query.error instanceof ApiError && query.error.status === 404)
    return <Result status="404" title={t("campaign.notFound")} extra={<Link to="/campaigns">{t("nav.campaigns")}</Link>} />;
  const c = query.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        loading={query.isLoading}
        title={<span data-testid="campaign-heading">{c?.name}</span>}
        extra={
          c && (
            <Space wrap>
              <Button
                icon={<UnorderedListOutlined />}
                onClick={() => navigate(`/tasks?campaignId=${c.id}`)}
                data-testid="campaign-tasks"
              >
                {t("campaign.viewTasks")}
              </Button>
              {canCreate && (
                <Button icon={<PlusOutlined />} onClick={() => setEditing("child")}>
                  {t("campaign.addChild")}
                </Button>
              )}
              {c.canEdit && (
                <Button icon={<EditOutlined />} onClick={() => setEditing("edit")}>
                  {t("common.edit")}
                </Button>
              )}
            </Space>
          )
        }
      >
        {c && (
          <>
            <CampaignForm
              open={editing !== null}
              onClose={() => setEditing(null)}
              campaign={editing === "edit" ? c : undefined}
              parent={editing === "child" ? c : undefined}
              onSaved={(saved) =>
                editing === "child" ? navigate(`/campaigns/${saved.id}`) : queryClient.setQueryData(["/api/campaigns", id], saved)
              }
            />
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t("campaign.office")}>{c.unit.name}</Descriptions.Item>
              <Descriptions.Item label={t("campaign.period")}>
                {c.startOn} ~ {c.endOn}
              </Descriptions.Item>
              <Descriptions.Item label={t("campaign.cadence")}>{t(`cadence.${c.cadence}`)}</Descriptions.Item>
              {c.parent && (
                <Descriptions.Item label={t("campaign.parent")}>
                  <Link to={`/campaigns/${c.parent.id}`}>{c.parent.name}</Link>
                </Descriptions.Item>
              )}
              {c.meeting && (
                <Descriptions.Item label={t("campaign.source")}>
                  <Link to={`/meetings/${c.meeting.id}`}>{c.meeting.title}</Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t("campaign.leadUnits")}>
                {c.leadUnits.map((u) => u.name).join("、") || "—"}
              </Descriptions.Item>
            </Descriptions>
            {c.description && <Typography.Paragraph>{c.description}</Typography.Paragraph>}
            {c.children.length > 0 && (
              <>
                <Typography.Title level={5}>{t("campaign.children")}</Typography.Title>
                <Table<CampaignSummaryOut>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={c.children}
                  style={{ marginBottom: 16 }}
                  data-testid="campaign-children"
                  columns={[
                    {
                      title: t("campaign.name"),
                      dataIndex: "name",
                      render: (n, ch) => <Link to={`/campaigns/${ch.id}`}>{n}</Link>,
                    },
                    {
                      title: t("campaign.leadUnits"),
                      dataIndex: "leadUnits",
                      render: (units: CampaignSummaryOut["leadUnits"]) => units.map((u) => u.name).join("、"),
                    },
                    { title: t("campaign.taskCount"), dataIndex: "taskCount", width: 90, align: "right" },
                  ]}
                />
              </>
            )}
            <Typography.Title level={5}>
              {t("campaign.byUnit")}
              {c.period && (
                <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: "normal", marginLeft: 8 }}>
                  {t("campaign.reportPeriod", { period: c.period })}
                </Typography.Text>
              )}
            </Typography.Title>
            <Table<UnitRow>
              rowKey={(r) => r.unit.id}
              size="small"
              pagination={false}
              dataSource={c.units}
              scroll={{ x: 800 }}
              locale={{ emptyText: t("campaign.noTasks") }}
              data-testid="campaign-units"
              columns={[
                {
                  title: t("task.leadUnit"),
                  dataIndex: ["unit", "name"],
                  render: (name, r) => <Link to={`/tasks?campaignId=${c.id}&unitId=${r.unit.id}`}>{name}</Link>,
                },
                { title: t("campaign.taskCount"), dataIndex: "tasks", width: 70, align: "right" },
                { title: t("campaign.open"), dataIndex: "open", width: 70, align: "right" },
                { title: t("campaign.closed"), dataIndex: "closed", width: 70, align: "right" },
                {
                  title: t("task.light"),
                  key: "lights",
                  width: 190,
                  render: (_v, r) =>
                    LIGHTS.filter((l) => r.lights[l]).map((l) => (
                      <Tag key={l} color={LIGHT_COLORS[l]}>
                        {t(`light.${l}`)} {r.lights[l]}
                      </Tag>
                    )),
                },
                {
                  title: t("task.progress"),
                  dataIndex: "progress",
                  width: 160,
                  render: (p: number) => <Progress percent={Math.round(p)} size="small" />,
                },
                {
                  title: t("campaign.reports"),
                  key: "reports",
                  width: 110,
                  render: (_v, r) => (
                    <Typography.Text type={r.reportsIn < r.reportsDue ? "danger" : undefined}>
                      {r.reportsIn} / {r.reportsDue}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </>
        )}
      </Card>
      {c && <Instructions subjectType="campaign" subjectId={c.id} />}
    </Space>
  );
}
