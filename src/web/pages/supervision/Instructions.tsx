import { CheckOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, List, Space, Tag, Typography } from "antd";
import type { InstructionOut } from "../../../schemas/supervision.js";
import { api, type Page } from "../../api/client.js";
import { useAbility } from "../../api/session.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useT } from "../../i18n/index.js";
import { when } from "./labels.js";

type Subject = "task" | "meeting" | "campaign" | "bulletin";

/** Leaders' instructions (批示) on one subject: leaders write them; the units concerned acknowledge them. */
export function Instructions({ subjectType, subjectId }: { subjectType: Subject; subjectId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canWrite = useAbility("instruction.create");
  const [form] = Form.useForm<{ text: string }>();
  const key = ["/api/instructions", subjectType, subjectId];
  const { data } = useQuery({
    queryKey: key,
    queryFn: () => api.get<Page<InstructionOut>>("/api/instructions", { subjectType, subjectId, limit: 50 }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["/api/instructions"] });
  const write = useMutation({
    mutationFn: (v: { text: string }) => api.post<InstructionOut>("/api/instructions", { subjectType, subjectId, text: v.text }),
    onSuccess: () => {
      message.success(t("instruction.sent"));
      form.resetFields();
      refresh();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, t("common.loadFailed"));
      if (rest) message.error(rest);
    },
  });
  const acknowledge = useMutation({
    mutationFn: (id: string) => api.post<InstructionOut>(`/api/instructions/${id}/acknowledge`),
    onSuccess: () => {
      message.success(t("instruction.acknowledged"));
      refresh();
    },
  });
  const items = data?.items ?? [];
  if (!items.length && !canWrite) return null;
  return (
    <Card title={t("instruction.title")} size="small" data-testid="instructions">
      <List<InstructionOut>
        dataSource={items}
        locale={{ emptyText: t("instruction.empty") }}
        renderItem={(i) => (
          <List.Item
            key={i.id}
            data-testid="instruction"
            actions={
              i.canAcknowledge
                ? [
                    <Button
                      key="ack"
                      type="primary"
                      size="small"
                      icon={<CheckOutlined />}
                      loading={acknowledge.isPending}
                      onClick={() => acknowledge.mutate(i.id)}
                      data-testid="acknowledge"
                    >
                      {t("instruction.acknowledge")}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Typography.Text strong style={{ whiteSpace: "pre-line" }}>
                  {i.text}
                </Typography.Text>
              }
              description={
                <Space direction="vertical" size={4}>
                  <Typography.Text type="secondary">
                    {i.authorName} · {when(i.createdAt)}
                  </Typography.Text>
                  <Space wrap size={4}>
                    {i.units.map((u) => (
                      <Tag key={u.id} color={u.acknowledgedAt ? "green" : "default"}>
                        {u.name} · {u.acknowledgedAt ? t("instruction.acknowledged") : t("instruction.pending")}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {canWrite && (
        <Form form={form} layout="vertical" onFinish={(v) => write.mutate(v)} style={{ marginTop: 12 }}>
          <Form.Item name="text" label={t("instruction.write")} rules={[{ required: true, message: t("form.required") }]}>
            <Input.TextArea rows={3} maxLength={4000} showCount data-testid="instruction-text" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="instruction-submit">
            {t("instruction.submit")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
