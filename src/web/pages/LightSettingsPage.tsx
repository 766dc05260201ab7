import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Space, Typography } from "antd";
import { useEffect } from "react";
import { ApiError, api } from "../api/client.js";
import { useT } from "../i18n/index.js";
import { LightTag } from "./tasks/parts.js";

interface Thresholds {
  nearDays: number;
  behindPoints: number;
  seriouslyBehindPoints: number;
  reportGraceDays: number;
}
type LightSettings = Thresholds & { defaults: Thresholds; updatedAt: string | null; canEdit: boolean };

const FIELDS = [
  { name: "nearDays", min: 1, max: 365, unit: "lightSettings.days" },
  { name: "behindPoints", min: 1, max: 100, unit: "lightSettings.points" },
  { name: "seriouslyBehindPoints", min: 1, max: 100, unit: "lightSettings.points" },
  { name: "reportGraceDays", min: 0, max: 60, unit: "lightSettings.days" },
] as const;

/** The thresholds of the light: what makes a task yellow or red. Everyone reads them; admins change them. */
export function LightSettingsPage() {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Thresholds>();
  const query = useQuery({ queryKey: ["/api/settings/light"], queryFn: () => api.get<LightSettings>("/api/settings/light") });
  const data = query.data;
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  const save = useMutation({
    mutationFn: (values: Thresholds) => api.put<LightSettings>("/api/settings/light", values),
    onSuccess: (saved) => {
      queryClient.setQueryData(["/api/settings/light"], saved);
      queryClient.invalidateQueries({ queryKey: ["/api/tasks"] });
      message.success(t("lightSettings.saved"));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields.length)
        form.setFields(e.fields.map((f) => ({ name: f.field as keyof Thresholds, errors: [f.message] })));
    },
  });
  const submit = (values: Thresholds) =>
    modal.confirm({
      title: t("lightSettings.confirm"),
      content: t("lightSettings.confirmHelp"),
      okText: t("common.save"),
      cancelText: t("common.cancel"),
      onOk: () => save.mutateAsync(values),
    });
  const values = Form.useWatch([], form) ?? data;
  return (
    <Card title={t("nav.lightSettings")} loading={query.isLoading}>
      <Typography.Paragraph type="secondary">{t("lightSettings.intro")}</Typography.Paragraph>
      {values && (
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} data-testid="light-rules">
          <Descriptions.Item label={<LightTag task={{ light: "red", lightReasons: [], lightOverridden: false }} />}>
            {t("lightSettings.redRule", { serious: values.seriouslyBehindPoints ?? "" })}
          </Descriptions.Item>
          <Descriptions.Item label={<LightTag task={{ light: "yellow", lightReasons: [], lightOverridden: false }} />}>
            {t("lightSettings.yellowRule", {
              behind: values.behindPoints ?? "",
              near: values.nearDays ?? "",
              grace: values.reportGraceDays ?? "",
            })}
          </Descriptions.Item>
          <Descriptions.Item label={<LightTag task={{ light: "green", lightReasons: [], lightOverridden: false }} />}>
            {t("lightSettings.greenRule")}
          </Descriptions.Item>
        </Descriptions>
      )}
      {data && !data.canEdit && <Alert type="info" showIcon title={t("lightSettings.readOnly")} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 8 }}
        wrapperCol={{ span: 12 }}
        onFinish={submit}
        disabled={!data?.canEdit}
      >
        {FIELDS.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={t(`lightSettings.${f.name}`)}
            extra={data ? t("lightSettings.default", { value: data.defaults[f.name] }) : undefined}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <InputNumber min={f.min} max={f.max} precision={0} addonAfter={t(f.unit)} data-testid={`light-${f.name}`} />
          </Form.Item>
        ))}
        {data?.canEdit && (
          <Form.Item wrapperCol={{ offset: 8 }}>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="light-save">
                {t("common.save")}
              </Button>
              <Button onClick={() => form.setFieldsValue(data.defaults)}>{t("lightSettings.restore")}</Button>
            </Space>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
