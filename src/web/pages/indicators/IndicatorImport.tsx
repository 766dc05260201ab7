import { InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, DatePicker, Modal, Progress, Result, Space, Table, Typography, Upload } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { ImportOut } from "../../../schemas/indicators.js";
import { ApiError, api, withQuery } from "../../api/client.js";
import { type ImportProblem, ImportProblems } from "../../components/ImportProblems.js";
import { useI18n } from "../../i18n/index.js";
import { indicatorName } from "./parts.js";

const counts = (r: ImportOut) => ({ total: r.total, fresh: r.fresh, revised: r.revised, unchanged: r.unchanged });

/**
 * Imports a statistics workbook in two steps: the file goes up (with a progress bar) to be read
 * and compared, the preview says what would be new or revised; importing sends it again to be
 * written whole. Any bad cell is listed and nothing is written.
 */
export function IndicatorImport({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportOut | null>(null);
  const [done, setDone] = useState<ImportOut | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setSent(null);
    setPreview(null);
    setDone(null);
    setProblems(null);
    setError(null);
  };
  const send = async (f: File, commit: boolean) => {
    setSent(0);
    setProblems(null);
    setError(null);
    try {
      const result = await api.upload<ImportOut>(
        withQuery("/api/indicator-imports", { commit: String(commit), period: month?.format("YYYY-MM") }),
        f,
        (s, total) => setSent(Math.floor((s / Math.max(total, 1)) * 90)),
      );
      if (commit) {
        setDone(result);
        setPreview(null);
        client.invalidateQueries({ queryKey: ["/api/indicator-figures"] });
        client.invalidateQueries({ queryKey: ["/api/indicators"] });
        client.invalidateQueries({ queryKey: ["/api/cockpit"] });
      } else setPreview(result);
    } catch (e) {
      const body = e instanceof ApiError ? (e.body as { problems?: ImportProblem[] } | null) : null;
      if (body?.problems?.length) setProblems(body.problems);
      setError(e instanceof ApiError ? e.fields.map((x) => x.message).join("; ") || e.message : t("error.network"));
    } finally {
      setSent(null);
    }
  };
  const close = () => {
    reset();
    setFile(null);
    onClose();
  };
  return (
    <Modal open={open} width={900} title={t("ind.import")} footer={null} onCancel={close} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t("ind.importHelp")}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>{t("ind.importMonth")}</Typography.Text>
        <DatePicker picker="month" value={month} onChange={setMonth} data-testid="import-month" />
      </Space>
      <Upload.Dragger
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(f) => {
          reset();
          setFile(f as File);
          send(f as File, false);
          return false;
        }}
        data-testid="indicator-import-drop"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t("ind.importDrop")}</p>
      </Upload.Dragger>
      {sent !== null && <Progress percent={sent} status="active" style={{ marginTop: 12 }} />}
      {preview && (
        <div data-testid="indicator-import-preview" style={{ marginTop: 12 }}>
          <Alert type="info" showIcon title={t("ind.previewSummary", counts(preview))} />
          <Table
            size="small"
            style={{ marginTop: 8 }}
            rowKey="name"
            pagination={false}
            dataSource={preview.sheets}
            columns={[
              { title: t("ind.sheet"), dataIndex: "name" },
              {
                title: t("ind.layout"),
                dataIndex: "layout",
                render: (l) => (l ? t(`ind.layout.${l}` as "ind.layout.regions_across") : "—"),
              },
              { title: t("ind.month"), dataIndex: "period" },
              { title: t("ind.cells"), dataIndex: "cells", align: "right" },
            ]}
          />
          <Table
            size="small"
            style={{ marginTop: 8 }}
            rowKey={(c) => `${c.indicator.id}-${c.region.id}-${c.period}`}
            dataSource={preview.changes}
            pagination={preview.changes.length > 10 ? { pageSize: 10 } : false}
            columns={[
              {
                title: t("ind.name"),
                key: "i",
                render: (_, c) => indicatorName({ ...c.indicator, measureUnit: "", measureUnitEn: "" }, locale),
              },
              { title: t("ind.region"), key: "r", render: (_, c) => c.region.name },
              { title: t("ind.month"), dataIndex: "period" },
              { title: t("ind.from"), dataIndex: "from", align: "right", render: (v) => v ?? "—" },
              { title: t("ind.to"), dataIndex: "to", align: "right" },
              { title: t("ind.reportedGrowth"), dataIndex: "reportedGrowth", align: "right", render: (v) => v ?? "—" },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button
              type="primary"
              disabled={!file || preview.fresh + preview.revised === 0}
              onClick={() => file && send(file, true)}
              data-testid="indicator-import-confirm"
            >
              {t("ind.importConfirm")}
            </Button>
            <Button onClick={close}>{t("common.cancel")}</Button>
          </Space>
        </div>
      )}
      {done && (
        <Result
          status="success"
          title={t("ind.imported", counts(done))}
          data-testid="indicator-import-done"
          style={{ padding: 16 }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {problems && <ImportProblems problems={problems} testId="indicator-import-problems" />}
    </Modal>
  );
}
