import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Spin, Typography } from "antd";
import type { SupervisionSettingsOut } from "../../../schemas/supervision.js";
import { api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useT } from "../../i18n/index.js";

type Values = Omit<SupervisionSettingsOut, "defaults" | "canEdit">;
const NUMBERS = ["reportReminderDays", "urgeAfterDays", "blueAfterDays", "yellowAfterDays", "redAfterDays", "replyDays"] as const;

/** The reminder days and the escalation ladder: admins set them, everyone may read them. */
export function SupervisionSettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { data, isLoading } = useQuery({
    queryKey: ["/api/settings/supervision"],
    queryFn: () => api.get<SupervisionSettingsOut>("/api/settings/supervision"),
  });
  const save = useMutation({
    mutationFn: (v: Values) => api.put<SupervisionSettingsOut>("/api/settings/supervision", v),
    onSuccess: (next) => {
      client.setQueryData(["/api/settings/supervision"], next);
      message.success(t("supervisionSettings.saved"));
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, t("common.loadFailed"));
      if (rest) message.error(rest);
    },
  });
  if (isLoading || !data) return <Spin />;
  const { defaults, canEdit, ...values } = data;
  return (
    <Card title={t("nav.supervisionSettings")} style={{ maxWidth: 760 }}>
      <Typography.Paragraph>{t("supervisionSettings.intro")}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon title={t("supervisionSettings.readOnly")} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={values} disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="dueReminderDays"
          label={t("supervisionSettings.dueReminderDays")}
          extra={t("lightSettings.default", { value: defaults.dueReminderDays.join(", ") })}
          normalize={(v: (string | number)[]) => v.map(Number).filter((n) => Number.isInteger(n) && n >= 0)}
          rules={[{ required: true, message: t("form.required") }]}
        >
          <Select mode="tags" tokenSeparators={[",", " ", "，"]} style={{ width: 240 }} data-testid="due-reminder-days" />
        </Form.Item>
        {NUMBERS.map((k) => (
          <Form.Item
            key={k}
            name={k}
            label={t(`supervisionSettings.${k}`)}
            extra={t("lightSettings.default", { value: defaults[k] })}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <InputNumber
              min={k === "reportReminderDays" ? 0 : 1}
              max={365}
              precision={0}
              addonAfter={t("lightSettings.days")}
              data-testid={`setting-${k}`}
            />
          </Form.Item>
        ))}
        {canEdit && (
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-supervision-settings">
              {t("common.save")}
            </Button>
            <Button onClick={() => form.setFieldsValue(defaults)}>{t("lightSettings.restore")}</Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
