import { UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Input, InputNumber, Space, Upload, type UploadFile } from "antd";
import { useEffect, useState } from "react";
import type { TaskOut } from "../../../schemas/tasks.js";
import { ApiError, api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { useT } from "../../i18n/index.js";

interface Uploaded {
  id: string;
  name: string;
}

/** A progress report (lead unit) or a note (co-unit), with photos, videos or documents as evidence. */
export function ReportForm({ task, kind, onDone }: { task: TaskOut; kind: "report" | "note"; onDone(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<UploadFile<Uploaded>[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The percent starts at where the task stands; after a report (or another's) it follows the task, unless being typed.
  useEffect(() => {
    if (!form.isFieldTouched("percent")) form.setFieldValue("percent", Math.round(task.progress));
  }, [task.progress, form]);
  const submit = async (v: { narrative: string; percent?: number | null; measuredValue?: number | null }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/tasks/${task.id}/reports`, {
        kind,
        narrative: v.narrative,
        percent: kind === "report" ? (v.percent ?? null) : null,
        measuredValue: kind === "report" ? (v.measuredValue ?? null) : null,
        attachmentIds: files.filter((f) => f.status === "done" && f.response).map((f) => f.response!.id),
      });
      message.success(t("report.sent"));
      form.resetFields();
      setFiles([]);
      onDone();
    } catch (e) {
      setError(applyServerErrors(form, e, t("error.network")));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid={`${kind}-form`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form.Item
        name="narrative"
        label={t(kind === "report" ? "report.narrative" : "report.note")}
        rules={[{ required: true, message: t("form.required") }]}
      >
        <Input.TextArea rows={3} maxLength={4000} data-testid={`${kind}-narrative`} />
      </Form.Item>
      {kind === "report" && (
        <Space wrap>
          <Form.Item name="percent" label={t("report.percent")}>
            <InputNumber min={0} max={100} addonAfter="%" data-testid="report-percent" />
          </Form.Item>
          {task.targetKind === "quantity" && (
            <Form.Item name="measuredValue" label={t("report.measured")}>
              <InputNumber addonAfter={task.targetUnit ?? undefined} data-testid="report-measured" />
            </Form.Item>
          )}
        </Space>
      )}
      <Form.Item label={t("report.attachments")} extra={t("report.attachmentsHint")}>
        <Upload<Uploaded>
          multiple
          fileList={files}
          onChange={({ fileList }) => setFiles(fileList)}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              onSuccess?.(await api.upload<Uploaded>("/api/attachments", file as File));
            } catch (e) {
              const msg = e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network");
              message.error(`${(file as File).name}: ${msg}`);
              onError?.(e as Error);
            }
          }}
          accept=".jpg,.jpeg,.png,.gif,.webp,.mp4,.mov,.webm,.pdf,.docx,.xlsx"
        >
          <Button icon={<UploadOutlined />} data-testid="report-upload">
            {t("report.upload")}
          </Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid={`${kind}-submit`}>
        {t(kind === "report" ? "report.submit" : "report.submitNote")}
      </Button>
    </Form>
  );
}
