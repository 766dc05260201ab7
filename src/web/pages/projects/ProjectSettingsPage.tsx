import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Spin, Typography } from "antd";
import { NODE_KINDS, PROJECT_CATEGORIES } from "../../../domain/projects.js";
import type { ProjectSettingsIn } from "../../../schemas/projects.js";
import { api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useT } from "../../i18n/index.js";

type Out = ProjectSettingsIn & { defaults: ProjectSettingsIn; canEdit: boolean };
const MARGINS = ["paceMarginPoints", "nodeYellowDays", "nodeRedDays", "reportDays"] as const;

/** The project warning margins and each category's node schedule: admins set them, everyone reads them. */
export function ProjectSettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<ProjectSettingsIn>();
  const { data } = useQuery({ queryKey: ["/api/settings/projects"], queryFn: () => api.get<Out>("/api/settings/projects") });
  const save = useMutation({
    mutationFn: (v: ProjectSettingsIn) => api.put<Out>("/api/settings/projects", v),
    onSuccess: (next) => {
      client.setQueryData(["/api/settings/projects"], next);
      client.invalidateQueries({ queryKey: ["/api/projects"] });
      message.success(t("projectSettings.saved"));
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, t("common.loadFailed"));
      if (rest) message.error(rest);
    },
  });
  if (!data) return <Spin />;
  const { defaults, canEdit, ...values } = data;
  return (
    <Card title={t("nav.projectSettings")} style={{ maxWidth: 820 }}>
      <Typography.Paragraph>{t("projectSettings.intro")}</Typography.Paragraph>
      {!canEdit && <Alert type="info" showIcon title={t("supervisionSettings.readOnly")} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={values} disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
        <Space wrap size="large">
          {MARGINS.map((k) => (
            <Form.Item
              key={k}
              name={["warnings", k]}
              label={t(`projectSettings.${k}`)}
              extra={t("lightSettings.default", { value: defaults.warnings[k] })}
              rules={[{ required: true, message: t("form.required") }]}
            >
              <InputNumber min={1} max={730} data-testid={`project-setting-${k}`} />
            </Form.Item>
          ))}
        </Space>
        <Typography.Title level={5}>{t("projectSettings.nodes")}</Typography.Title>
        {PROJECT_CATEGORIES.map((c) => (
          <Form.Item
            key={c}
            name={["nodeTemplates", c]}
            label={t(`projectCategory.${c}`)}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <Select mode="multiple" options={NODE_KINDS.map((k) => ({ value: k, label: t(`node.${k}`) }))} />
          </Form.Item>
        ))}
        {canEdit && (
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-project-settings">
              {t("common.save")}
            </Button>
            <Button onClick={() => form.setFieldsValue(defaults)}>{t("lightSettings.restore")}</Button>
          </Space>
        )}
      </Form>
    </Card>
  );
}
