import { InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Modal, Progress, Result, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError, api } from "../../api/client.js";
import { type ImportProblem, ImportProblems } from "../../components/ImportProblems.js";
import { useT } from "../../i18n/index.js";

/**
 * Imports a project library or monthly investment workbook: the file goes up with a progress bar;
 * the end shows what was done, or every bad row and why (nothing is imported then).
 */
export function ProjectImport({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const client = useQueryClient();
  const [sent, setSent] = useState<number | null>(null);
  const [done, setDone] = useState<{ created: number; updated: number; reports: number } | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setSent(null);
    setDone(null);
    setProblems(null);
    setError(null);
  };
  const upload = async (file: File) => {
    reset();
    setSent(0);
    try {
      const result = await api.upload<{ created: number; updated: number; reports: number }>(
        "/api/project-imports",
        file,
        (s, total) => setSent(Math.floor((s / Math.max(total, 1)) * 90)),
      );
      setDone(result);
      client.invalidateQueries({ queryKey: ["/api/projects"] });
    } catch (e) {
      const body = e instanceof ApiError ? (e.body as { problems?: ImportProblem[] } | null) : null;
      if (body?.problems?.length) setProblems(body.problems);
      setError(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network"));
    } finally {
      setSent(null);
    }
    return false;
  };
  return (
    <Modal
      open={open}
      width={860}
      title={t("project.import")}
      footer={null}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("project.importHelp")}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => upload(f as File)}
        data-testid="project-import-drop"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t("project.importDrop")}</p>
      </Upload.Dragger>
      {sent !== null && <Progress percent={sent} status="active" style={{ marginTop: 12 }} />}
      {done && (
        <Result status="success" title={t("project.imported", done)} data-testid="project-import-done" style={{ padding: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {problems && <ImportProblems problems={problems} testId="project-import-problems" />}
    </Modal>
  );
}
