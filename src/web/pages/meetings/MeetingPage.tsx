import { EditOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Collapse, Descriptions, Empty, List, Space, Spin, Table, Tag, Typography } from "antd";
import { Link, useNavigate, useParams } from "react-router";
import type { MeetingOut } from "../../../schemas/meetings.js";
import { api } from "../../api/client.js";
import { useSession } from "../../api/session.js";
import { useT } from "../../i18n/index.js";
import { Instructions } from "../supervision/Instructions.js";
import { RepeatLinks } from "./RepeatLinks.js";
import { SourceText } from "./SourceText.js";

export function MeetingPage() {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const roles = useSession().session?.user.roles ?? [];
  const canEdit = roles.includes("coordinator") || roles.includes("admin");
  const meeting = useQuery({ queryKey: ["meeting", id], queryFn: () => api.get<MeetingOut>(`/api/meetings/${id}`) });
  if (meeting.isLoading) return <Spin />;
  if (meeting.isError || !meeting.data)
    return <Alert type="error" showIcon title={meeting.error?.message ?? t("common.loadFailed")} />;
  const m = meeting.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card
        extra={
          canEdit && (
            <Button icon={<EditOutlined />} onClick={() => navigate(`/meetings/${m.id}/edit`)} data-testid="edit-meeting">
              {t("common.edit")}
            </Button>
          )
        }
      >
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="meeting-title">
          {m.title}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t("meeting.heldOn")}>{m.heldOn ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("meeting.kind")}>
            <Tag>{t(`meeting.kind.${m.kind}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t("meeting.organizer")}>{m.organizer ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("meeting.presiders")}>{m.presiders.join("、") || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("meeting.speakers")}>{m.speakers.join("、") || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("meeting.attendees")}>{m.attendees.join("、") || "—"}</Descriptions.Item>
          <Descriptions.Item label={t("meeting.unit")}>{m.unitName}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t("meeting.studied")}>
        <List
          size="small"
          dataSource={m.studied}
          locale={{ emptyText: t("common.none") }}
          renderItem={(s) => (
            <List.Item>
              {s.text}
              {s.linkedMeetingId && (
                <Link to={`/meetings/${s.linkedMeetingId}`} style={{ marginLeft: 8 }}>
                  → {s.linkedMeetingTitle}
                </Link>
              )}
            </List.Item>
          )}
        />
        {m.conveyedBy.length > 0 && (
          <>
            <Typography.Text strong>{t("meeting.conveyedBy")}</Typography.Text>
            <List
              size="small"
              dataSource={m.conveyedBy}
              renderItem={(c) => (
                <List.Item>
                  <Link to={`/meetings/${c.id}`}>{c.title}</Link> {c.heldOn}
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
      <Card size="small" title={`${t("meeting.directives")} (${m.directives.length})`}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={m.directives}
          locale={{ emptyText: <Empty description={t("common.empty")} /> }}
          data-testid="meeting-directives"
          columns={[
            { title: "#", dataIndex: "ordinal", width: 50 },
            {
              title: t("directive.text"),
              dataIndex: "text",
              render: (v, d) => (
                <>
                  {v}
                  <RepeatLinks repeats={d.repeats} />
                </>
              ),
            },
            {
              title: t("directive.topic"),
              dataIndex: "topic",
              width: 120,
              render: (v) => <Tag color="blue">{t(`topic.${v as "other"}`)}</Tag>,
            },
          ]}
        />
      </Card>
      {m.sourceText && (
        <Collapse
          items={[
            {
              key: "source",
              label: t("meeting.source"),
              children: (
                <SourceText text={m.sourceText} spans={m.directives.map((d) => ({ start: d.sourceStart, end: d.sourceEnd }))} />
              ),
            },
          ]}
        />
      )}
      <Instructions subjectType="meeting" subjectId={m.id} />
    </Space>
  );
}
