import { InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Modal, Progress, Result, Space, Table, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { LEDGER_COLUMNS } from "../../../domain/ledger.js";
import type { ImportJobOut } from "../../../schemas/ledgers.js";
import { ApiError, api } from "../../api/client.js";
import { useI18n } from "../../i18n/index.js";

type Problem = Extract<NonNullable<ImportJobOut["result"]>, { ok: false }>["problems"][number];

/** Upload is the first fifth of the bar; then reading, checking and writing share the rest. */
const SPAN = { uploading: [0, 20], reading: [20, 40], checking: [40, 60], writing: [60, 100] } as const;

function percentOf(phase: keyof typeof SPAN, done: number, total: number) {
  const [from, to] = SPAN[phase];
  return Math.floor(from + (total > 0 ? (done / total) * (to - from) : 0));
}

/**
 * Imports a work ledger: the file goes up with a progress bar, the server reads, checks and writes
 * it while the bar follows; the end shows what was done, or every bad row and why.
 */
export function LedgerImport({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState<{ sent: number; total: number } | null>(null);
  const [job, setJob] = useState<ImportJobOut | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Follow a running job until it ends.
  useEffect(() => {
    if (!job || job.phase === "done" || job.phase === "failed") return;
    const timer = setTimeout(async () => {
      try {
        setJob(await api.get<ImportJobOut>(`/api/ledger-imports/${job.id}`));
      } catch (e) {
        setError(e instanceof ApiError ? e.message : String(e));
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [job]);

  useEffect(() => {
    if (job?.result?.ok) queryClient.invalidateQueries({ queryKey: ["/api/tasks"] });
  }, [job, queryClient]);

  const reset = () => {
    setUploading(null);
    setJob(null);
    setError(null);
  };
  // A running import goes on when the dialog closes; reopening shows its progress.
  const close = () => {
    if (!running) reset();
    onClose();
  };
  const start = async (file: File) => {
    reset();
    setUploading({ sent: 0, total: file.size });
    try {
      setJob(await api.upload<ImportJobOut>("/api/ledger-imports", file, (sent, total) => setUploading({ sent, total })));
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : String(e));
    }
    setUploading(null);
  };
  const columnName = (key: string | null) => LEDGER_COLUMNS.find((c) => c.key === key)?.[locale] ?? "";
  const running = uploading || (job && job.phase !== "done" && job.phase !== "failed");
  const percent = uploading
    ? percentOf("uploading", uploading.sent, uploading.total)
    : job && job.phase !== "done" && job.phase !== "failed"
      ? percentOf(job.phase, job.done, job.total)
      : 100;
  const phase: keyof typeof SPAN = uploading
    ? "uploading"
    : job && job.phase in SPAN
      ? (job.phase as keyof typeof SPAN)
      : "writing";
  const result = job?.result;

  return (
    <Modal
      open={open}
      title={t("ledger.import")}
      width={760}
      onCancel={close}
      footer={
        <Space>
          {(result || error) && <Button onClick={reset}>{t("ledger.again")}</Button>}
          <Button type="primary" onClick={close} data-testid="ledger-close">
            {t("common.close")}
          </Button>
        </Space>
      }
    >
      {!running && !result && !error && (
        <>
          <Typography.Paragraph type="secondary">{t("ledger.importHelp")}</Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              start(file);
              return false;
            }}
            data-testid="ledger-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("ledger.drop")}</p>
          </Upload.Dragger>
        </>
      )}
      {running && (
        <div data-testid="ledger-progress">
          <Progress percent={percent} status="active" />
          <Typography.Text type="secondary">
            {t(`ledger.phase.${phase}`)}
            {job && job.total > 0 && job.phase !== "reading" ? ` ${job.done} / ${job.total}` : ""}
          </Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} data-testid="ledger-error" />}
      {result?.ok && (
        <Result
          status="success"
          title={t("ledger.imported")}
          subTitle={t("ledger.importedCounts", {
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
          })}
          data-testid="ledger-result"
        />
      )}
      {result && !result.ok && (
        <>
          <Alert
            type="error"
            showIcon
            title={t("ledger.rejected", { count: new Set(result.problems.map((p) => p.row)).size })}
            description={t("ledger.rejectedHelp")}
            style={{ marginBottom: 12 }}
            data-testid="ledger-rejected"
          />
          <Table<Problem>
            size="small"
            rowKey={(p) => `${p.row}-${p.column}-${p.reason}`}
            dataSource={result.problems}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            data-testid="ledger-problems"
            columns={[
              { title: t("ledger.row"), dataIndex: "row", width: 70, render: (r: number) => r || "—" },
              { title: t("ledger.column"), dataIndex: "column", width: 130, render: columnName },
              { title: t("ledger.value"), dataIndex: "value", width: 160, ellipsis: true },
              { title: t("ledger.reason"), dataIndex: "message" },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
