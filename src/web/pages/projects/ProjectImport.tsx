import { InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Modal, Progress, Result, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";

interface Problem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

/**
 * Imports a project library or monthly investment workbook: the file goes up with a progress bar;
 * the end shows what was done, or every bad row and why (nothing is imported then).
 */
export function ProjectImport({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const client = useQueryClient();
  const [sent, setSent] = useState<number | null>(null);
  const [done, setDone] = useState<{ created: number; updated: number; reports: number } | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
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
      const body = e instanceof ApiError ? (e.body as { problems?: Problem[] } | null) : null;
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
      {problems && (
        <Table<Problem>
          rowKey={(p) => `${p.sheet}-${p.row}-${p.column}`}
          size="small"
          style={{ marginTop: 12 }}
          dataSource={problems}
          pagination={problems.length > 10 ? { pageSize: 10 } : false}
          data-testid="project-import-problems"
          columns={[
            { title: t("project.sheet"), dataIndex: "sheet", width: 120 },
            { title: t("project.row"), dataIndex: "row", width: 70 },
            { title: t("project.column"), dataIndex: "column", width: 140 },
            { title: t("project.cell"), dataIndex: "value", width: 140, ellipsis: true },
            { title: t("project.reason"), dataIndex: "reason" },
          ]}
        />
      )}
    </Modal>
  );
}
