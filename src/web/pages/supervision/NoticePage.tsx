import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Form, Input, List, Space, Spin, Typography } from "antd";
import { useEffect, useRef } from "react";
import { Link, useParams } from "react-router";
import type { NoticeOut } from "../../../schemas/supervision.js";
import { api } from "../../api/client.js";
import { useSession } from "../../api/session.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useT } from "../../i18n/index.js";
import { NoticeKindTag, NoticeStateTag, noticeText, when } from "./labels.js";

function ReplyForm({ notice, onReplied }: { notice: NoticeOut; onReplied(n: NoticeOut): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ explanation: string; plan: string }>();
  const reply = useMutation({
    mutationFn: (body: { explanation: string; plan: string }) => api.post<NoticeOut>(`/api/notices/${notice.id}/reply`, body),
    onSuccess: (n) => {
      message.success(t("notice.replied"));
      onReplied(n);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, t("common.loadFailed"));
      if (rest) message.error(rest);
    },
  });
  return (
    <Card title={t("notice.replyTitle")} size="small" data-testid="reply-form">
      <Form form={form} layout="vertical" onFinish={(v) => reply.mutate(v)}>
        <Form.Item name="explanation" label={t("notice.explanation")} rules={[{ required: true, message: t("form.required") }]}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="plan" label={t("notice.plan")} rules={[{ required: true, message: t("form.required") }]}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={reply.isPending} data-testid="reply-submit">
          {t("notice.replySubmit")}
        </Button>
      </Form>
    </Card>
  );
}

/** One notice: what it asks, about which tasks, who read it when, the reply, and where it escalated. */
export function NoticePage() {
  const t = useT();
  const { id } = useParams();
  const client = useQueryClient();
  const { session } = useSession();
  const key = ["/api/notices", id];
  const { data: notice, isLoading, error } = useQuery({ queryKey: key, queryFn: () => api.get<NoticeOut>(`/api/notices/${id}`) });
  const ours = notice && session?.user.unitId === notice.toUnit.id;
  // Opening a notice sent to one's own unit records that the unit has read it.
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (!notice || !ours || notice.readAt || marked.current === notice.id) return;
    marked.current = notice.id;
    api.post(`/api/notices/${notice.id}/read`).then(() => client.invalidateQueries({ queryKey: ["/api/notices", notice.id] }));
  }, [notice, ours, client]);
  if (isLoading) return <Spin />;
  if (error || !notice) return <Alert type="error" title={t("common.loadFailed")} />;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Breadcrumb
        items={[{ title: <Link to="/notices">{t("nav.notices")}</Link> }, { title: `${t("notice.number")} ${notice.number}` }]}
      />
      <Card
        title={
          <Space wrap>
            <NoticeKindTag kind={notice.kind} grade={notice.grade} />
            <span data-testid="notice-title">
              {t("notice.number")} {notice.number}
            </span>
            <NoticeStateTag state={notice.state} />
          </Space>
        }
      >
        {notice.recipients === 0 && (
          <Alert type="warning" showIcon title={t("notice.noRecipients")} style={{ marginBottom: 12 }} />
        )}
        <Typography.Paragraph style={{ fontSize: 16, whiteSpace: "pre-line" }} data-testid="notice-body">
          {noticeText(notice, t)}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={t("notice.from")}>{notice.fromUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t("notice.to")}>{notice.toUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t("notice.issuedBy")}>
            {notice.automatic ? t("notice.automatic") : notice.createdByName}
          </Descriptions.Item>
          <Descriptions.Item label={t("notice.issuedAt")}>{when(notice.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t("notice.replyBy")}>{notice.replyBy ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("notice.readAt")}>
            {notice.readAt ? `${when(notice.readAt)} · ${notice.readByName}` : t("notice.unread")}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {notice.projects.length > 0 && (
        <Card title={t("notice.projects")} size="small">
          <List
            dataSource={notice.projects}
            renderItem={(p) => (
              <List.Item>
                <Link to={`/projects/${p.id}`}>
                  {p.code} {p.name}
                </Link>
              </List.Item>
            )}
          />
        </Card>
      )}
      {(notice.tasks.length > 0 || notice.projects.length === 0) && (
        <Card title={t("notice.tasks")} size="small">
          <List
            dataSource={notice.tasks}
            renderItem={(task) => (
              <List.Item>
                <Link to={`/tasks/${task.id}`}>
                  #{task.number} {task.title}
                </Link>
                <Typography.Text type="secondary">{task.dueOn}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      )}
      {notice.escalatedToId && (
        <Alert
          type="warning"
          showIcon
          title={t("notice.escalatedTo")}
          action={<Link to={`/notices/${notice.escalatedToId}`}>{t("notice.viewEscalation")}</Link>}
        />
      )}
      {notice.repliedAt && (
        <Card title={t("notice.replied")} size="small" data-testid="notice-reply">
          <Typography.Text type="secondary">
            {t("notice.repliedBy", { name: notice.repliedByName ?? "", at: when(notice.repliedAt) })}
          </Typography.Text>
          <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
            <Descriptions.Item label={t("notice.explanation")}>{notice.replyText}</Descriptions.Item>
            <Descriptions.Item label={t("notice.plan")}>{notice.replyPlan}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {notice.canReply && <ReplyForm notice={notice} onReplied={(n) => client.setQueryData(key, n)} />}
    </Space>
  );
}
