import { FileOutlined } from "@ant-design/icons";
import { App, Button, Empty, Image, Input, List, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import type { ReportOut } from "../../../schemas/tasks.js";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";

const REVIEW_COLORS = { pending: "gold", accepted: "green", returned: "red" } as const;

function Evidence({ files }: { files: ReportOut["attachments"] }) {
  if (!files.length) return null;
  return (
    <Space wrap style={{ marginTop: 8 }} data-testid="report-attachments">
      {files.map((f) =>
        f.mime.startsWith("image/") ? (
          <Image
            key={f.id}
            src={`/api/attachments/${f.id}`}
            alt={f.name}
            width={120}
            height={90}
            style={{ objectFit: "cover" }}
          />
        ) : f.mime.startsWith("video/") ? (
          // biome-ignore lint/a11y/useMediaCaption: evidence videos from the field have no captions
          <video key={f.id} src={`/api/attachments/${f.id}`} controls width={240} preload="metadata" />
        ) : (
          <a key={f.id} href={`/api/attachments/${f.id}`}>
            <FileOutlined /> {f.name}
          </a>
        ),
      )}
    </Space>
  );
}

/** Reports and notes, newest first; the office accepts a report or returns it with a reason. */
export function ReportList({ reports, canReview, onChange }: { reports: ReportOut[]; canReview: boolean; onChange(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [returning, setReturning] = useState<ReportOut | null>(null);
  const [reason, setReason] = useState("");
  const review = async (r: ReportOut, decision: "accepted" | "returned", why?: string) => {
    try {
      await api.post(`/api/reports/${r.id}/review`, { decision, reason: why ?? null });
      message.success(t(decision === "accepted" ? "report.accepted" : "report.returned"));
      setReturning(null);
      setReason("");
      onChange();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t("error.network"));
    }
  };
  if (!reports.length) return <Empty description={t("report.none")} />;
  return (
    <>
      <List
        dataSource={reports}
        data-testid="report-list"
        renderItem={(r) => (
          <List.Item
            actions={
              canReview && r.review === "pending"
                ? [
                    <Button key="a" size="small" type="primary" onClick={() => review(r, "accepted")} data-testid="report-accept">
                      {t("report.accept")}
                    </Button>,
                    <Button key="r" size="small" danger onClick={() => setReturning(r)} data-testid="report-return">
                      {t("report.return")}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag>{r.kind === "report" ? t("report.kindReport") : t("report.kindNote")}</Tag>
                  <Typography.Text strong>{r.unit.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {r.period} · {r.submittedByName} · {new Date(r.submittedAt).toLocaleString()}
                  </Typography.Text>
                  {r.percent !== null && <Tag color="blue">{r.percent}%</Tag>}
                  {r.measuredValue !== null && <Tag>{r.measuredValue}</Tag>}
                  {r.review && (
                    <Tag color={REVIEW_COLORS[r.review]} data-testid="report-review">
                      {t(`report.review.${r.review}`)}
                    </Tag>
                  )}
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: "pre-wrap" }}>{r.narrative}</Typography.Paragraph>
                  {r.reviewReason && <Typography.Text type="danger">{r.reviewReason}</Typography.Text>}
                  <Evidence files={r.attachments} />
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!returning}
        title={t("report.return")}
        okText={t("common.confirm")}
        cancelText={t("common.cancel")}
        okButtonProps={{ disabled: !reason.trim() }}
        onOk={() => returning && review(returning, "returned", reason.trim())}
        onCancel={() => setReturning(null)}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("report.returnReason")}
        />
      </Modal>
    </>
  );
}
