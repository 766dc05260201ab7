import { DeleteOutlined, KeyOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Drawer, Form, Input, List, Popconfirm, Select, Typography } from "antd";
import type { ChannelOut } from "../../../schemas/supervision.js";
import { api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useT } from "../../i18n/index.js";

interface Values {
  kind: ChannelOut["kind"];
  target: string;
  secret?: string;
}

/** A unit's group robots (DingTalk, WeCom, Feishu) and shared mailbox, where its notices also go. */
export function ChannelsDrawer({ unit, onClose }: { unit: { id: string; name: string }; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const key = ["/api/units", unit.id, "channels"];
  const { data, isFetching } = useQuery({
    queryKey: key,
    queryFn: () => api.get<{ items: ChannelOut[] }>(`/api/units/${unit.id}/channels`),
  });
  const add = useMutation({
    mutationFn: (v: Values) => api.post<ChannelOut>(`/api/units/${unit.id}/channels`, { ...v, secret: v.secret || null }),
    onSuccess: () => {
      message.success(t("common.saved"));
      form.resetFields();
      client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, t("common.loadFailed"));
      if (rest) message.error(rest);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/units/${unit.id}/channels/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  return (
    <Drawer open title={`${t("channel.title")} · ${unit.name}`} size={520} onClose={onClose} destroyOnHidden>
      <List<ChannelOut>
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("channel.empty") }}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Popconfirm key="rm" title={t("channel.removeConfirm")} onConfirm={() => remove.mutate(c.id)}>
                <Button type="link" danger size="small" icon={<DeleteOutlined />}>
                  {t("channel.remove")}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <>
                  {t(`channel.kind.${c.kind}`)} {c.hasSecret && <KeyOutlined />}
                </>
              }
              description={
                <Typography.Text ellipsis style={{ maxWidth: 340 }}>
                  {c.target}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "dingtalk" }}
        onFinish={(v) => add.mutate(v)}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="kind" label={t("deliveries.channel")}>
          <Select
            options={(["dingtalk", "wecom", "feishu", "email"] as const).map((k) => ({
              value: k,
              label: t(`channel.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="target" label={t("channel.target")} rules={[{ required: true, message: t("form.required") }]}>
          <Input placeholder={kind === "email" ? "office@example.gov.cn" : "https://"} />
        </Form.Item>
        {(kind === "dingtalk" || kind === "feishu") && (
          <Form.Item name="secret" label={t("channel.secret")}>
            <Input.Password autoComplete="off" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t("channel.add")}
        </Button>
      </Form>
    </Drawer>
  );
}
