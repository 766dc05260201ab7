import { InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Input, Progress, Space, Tabs, Typography, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { DraftOut, MeetingOut } from "../../../schemas/meetings.js";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";
import { type Draft, DraftReview } from "./DraftReview.js";

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",")[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

const message = (e: unknown, fallback: string) =>
  e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : fallback;

/** Paste or upload reports; each is read into a draft, reviewed, then confirmed one by one. */
export function MeetingImportPage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message: toast } = App.useApp();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [queue, setQueue] = useState<(DraftOut & { key: string })[]>([]);
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const readPasted = async () => {
    setProblems([]);
    try {
      const draft = await api.post<DraftOut>("/api/meetings/draft", { text });
      setQueue([{ ...draft, key: "pasted" }]);
    } catch (e) {
      setProblems([message(e, t("error.network"))]);
    }
  };

  const readFiles = async () => {
    setProblems([]);
    const drafts: (DraftOut & { key: string })[] = [];
    const errors: string[] = [];
    setReading({ done: 0, total: files.length });
    for (const [i, f] of files.entries()) {
      try {
        const contentBase64 = await toBase64(f.originFileObj as File);
        const draft = await api.post<DraftOut>("/api/meetings/draft-file", { fileName: f.name, contentBase64 });
        drafts.push({ ...draft, key: `${f.uid}` });
      } catch (e) {
        errors.push(`${f.name}: ${message(e, t("error.network"))}`);
      }
      setReading({ done: i + 1, total: files.length });
    }
    setReading(null);
    setProblems(errors);
    setQueue(drafts);
  };

  const confirm = async (draft: Draft) => {
    setSaving(true);
    setSaveError(null);
    try {
      const meeting = await api.post<MeetingOut>("/api/meetings", draft);
      toast.success(`${t("import.saved")}: ${meeting.title}`);
      await queryClient.invalidateQueries();
      const rest = queue.slice(1);
      setQueue(rest);
      if (!rest.length) navigate(`/meetings/${meeting.id}`);
    } catch (e) {
      setSaveError(message(e, t("error.network")));
    } finally {
      setSaving(false);
    }
  };

  if (queue.length) {
    const current = queue[0];
    return (
      <Space direction="vertical" style={{ width: "100%" }}>
        {queue.length > 1 && (
          <Alert
            type="info"
            title={t("import.queue", { count: queue.length - 1 })}
            action={
              <Button size="small" onClick={() => setQueue(queue.slice(1))}>
                {t("import.next")}
              </Button>
            }
          />
        )}
        <DraftReview
          key={current.key}
          initial={current.draft}
          duplicateOf={current.duplicateOf}
          busy={saving}
          error={saveError}
          onConfirm={confirm}
        />
      </Space>
    );
  }

  return (
    <Card title={t("meeting.import")}>
      {problems.map((p) => (
        <Alert key={p} type="error" showIcon title={p} style={{ marginBottom: 8 }} />
      ))}
      <Tabs
        items={[
          {
            key: "paste",
            label: t("import.paste"),
            children: (
              <Space direction="vertical" style={{ width: "100%" }}>
                <Input.TextArea
                  rows={14}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  placeholder={t("import.placeholder")}
                  data-testid="report-text"
                />
                <Button type="primary" disabled={!text.trim()} onClick={readPasted} data-testid="read-report">
                  {t("import.read")}
                </Button>
              </Space>
            ),
          },
          {
            key: "upload",
            label: t("import.upload"),
            children: (
              <Space direction="vertical" style={{ width: "100%" }}>
                <Upload.Dragger
                  multiple
                  accept=".txt,.html,.htm,.docx"
                  fileList={files}
                  beforeUpload={() => false}
                  onChange={({ fileList }) => setFiles(fileList)}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <Typography.Text>{t("import.upload")}</Typography.Text>
                </Upload.Dragger>
                {reading && <Progress percent={Math.round((100 * reading.done) / reading.total)} />}
                <Button type="primary" disabled={!files.length || !!reading} onClick={readFiles}>
                  {t("import.read")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
