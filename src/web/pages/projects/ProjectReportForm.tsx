import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Space, Upload, type UploadFile } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { PROJECT_STAGES } from "../../../domain/projects.js";
import type { ProjectOut } from "../../../schemas/projects.js";
import { ApiError, api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useT } from "../../i18n/index.js";

interface Values {
  period: Dayjs;
  amount: number;
  narrative: string;
  stage?: ProjectOut["stage"];
  nodesReached?: { kind: ProjectOut["nodes"][number]["kind"]; reachedOn: Dayjs }[];
}

/** The lead unit's monthly report: investment, visible progress, photos and videos, nodes reached. */
export function ProjectReportForm({ project, onDone }: { project: ProjectOut; onDone(p: ProjectOut): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile<{ id: string }>[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = project.nodes.filter((n) => !n.reachedOn);
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<ProjectOut>(`/api/projects/${project.id}/reports`, {
        period: v.period.format("YYYY-MM"),
        amount: v.amount,
        narrative: v.narrative,
        stage: v.stage && v.stage !== project.stage ? v.stage : undefined,
        nodesReached: (v.nodesReached ?? [])
          .filter((n) => n?.kind && n.reachedOn)
          .map((n) => ({ kind: n.kind, reachedOn: n.reachedOn.format("YYYY-MM-DD") })),
        attachmentIds: files.filter((f) => f.status === "done" && f.response).map((f) => f.response!.id),
      });
      message.success(t("project.reported"));
      form.resetFields();
      setFiles([]);
      onDone(next);
    } catch (e) {
      setError(applyServerErrors(form, e, t("error.network")));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ period: dayjs(), stage: project.stage }}
      data-testid="project-report-form"
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Form.Item name="period" label={t("project.period")} rules={[{ required: true, message: t("form.required") }]}>
          <DatePicker picker="month" disabledDate={(d) => d.isAfter(dayjs(), "month")} />
        </Form.Item>
        <Form.Item name="amount" label={t("project.monthAmount")} rules={[{ required: true, message: t("form.required") }]}>
          <InputNumber min={0} style={{ width: 200 }} data-testid="project-report-amount" />
        </Form.Item>
        <Form.Item name="stage" label={t("project.stageAfter")}>
          <Select style={{ width: 140 }} options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`projectStage.${s}`) }))} />
        </Form.Item>
      </Space>
      <Form.Item name="narrative" label={t("project.narrative")} rules={[{ required: true, message: t("form.required") }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount data-testid="project-report-narrative" />
      </Form.Item>
      {open.length > 0 && (
        <Form.List name="nodesReached">
          {(fields, { add, remove }) => (
            <Form.Item label={t("project.nodesReached")}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, "kind"]} rules={[{ required: true, message: t("form.required") }]}>
                    <Select
                      style={{ width: 140 }}
                      options={open.map((n) => ({ value: n.kind, label: t(`node.${n.kind}`) }))}
                      data-testid="node-reached-kind"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, "reachedOn"]} rules={[{ required: true, message: t("form.required") }]}>
                    <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} data-testid="node-reached-on" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()} data-testid="add-node-reached">
                {t("project.addNode")}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      )}
      <Form.Item label={t("project.media")}>
        <Upload<{ id: string }>
          multiple
          fileList={files}
          listType="picture"
          onChange={({ fileList }) => setFiles(fileList)}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              onSuccess?.(await api.upload<{ id: string }>("/api/attachments", file as File));
            } catch (e) {
              const msg = e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network");
              message.error(`${(file as File).name}: ${msg}`);
              onError?.(e as Error);
            }
          }}
          accept=".jpg,.jpeg,.png,.gif,.webp,.mp4,.mov,.webm"
        >
          <Button icon={<UploadOutlined />} data-testid="project-report-upload">
            {t("project.upload")}
          </Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="project-report-submit">
        {t("project.reportSubmit")}
      </Button>
    </Form>
  );
}
