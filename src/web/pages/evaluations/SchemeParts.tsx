import { PaperClipOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Upload } from "antd";
import { useState } from "react";
import type { SchemeOut } from "../../../schemas/evaluations.js";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";

export function AdjustmentModal({
  scheme,
  period,
  open,
  onClose,
}: {
  scheme: SchemeOut;
  period: string;
  open: boolean;
  onClose(): void;
}) {
  const t = useT();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ peerId: string; points: number; reason: string }>();
  const [evidence, setEvidence] = useState<{ id: string; name: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const save = useMutation({
    mutationFn: (v: { peerId: string; points: number; reason: string }) =>
      api.post(`/api/evaluations/${scheme.id}/adjustments`, { ...v, period, attachmentId: evidence?.id ?? null }),
    onSuccess: () => {
      message.success(t("eval.adjustmentSaved"));
      client.invalidateQueries({ queryKey: ["/api/evaluations", scheme.id, "adjustments"] });
      form.resetFields();
      setEvidence(null);
      onClose();
    },
    onError: (e) =>
      message.error(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network")),
  });
  return (
    <Modal
      open={open}
      title={`${t("eval.addAdjustment")} · ${period}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="peerId" label={t("eval.peers")} rules={[{ required: true, message: t("form.required") }]}>
          <Select options={scheme.peers.map((p) => ({ value: p.peerId, label: p.name }))} data-testid="adjust-peer" />
        </Form.Item>
        <Form.Item name="points" label={t("eval.points")} rules={[{ required: true, message: t("form.required") }]}>
          <InputNumber min={-100} max={100} data-testid="adjust-points" />
        </Form.Item>
        <Form.Item name="reason" label={t("eval.reason")} rules={[{ required: true, message: t("form.required") }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="adjust-reason" />
        </Form.Item>
        <Form.Item label={t("eval.evidence")}>
          <Upload
            showUploadList={false}
            beforeUpload={async (file) => {
              setUploading(true);
              try {
                const stored = await api.upload<{ id: string; name: string }>("/api/attachments", file as File);
                setEvidence(stored);
              } catch (e) {
                message.error(
                  e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network"),
                );
              } finally {
                setUploading(false);
              }
              return false;
            }}
          >
            <Button icon={<PaperClipOutlined />} loading={uploading} data-testid="adjust-evidence">
              {evidence ? evidence.name : t("eval.attach")}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface HistoryItem {
  period: string;
  resultId: string;
  version: number;
  red: string[];
  yellow: string[];
}

/** Who held the flags, period by period (published results only). */
export function History({ schemeId, onOpen }: { schemeId: string; onOpen(resultId: string): void }) {
  const t = useT();
  const history = useQuery({
    queryKey: ["/api/evaluations", schemeId, "history"],
    queryFn: () => api.get<{ items: HistoryItem[] }>(`/api/evaluations/${schemeId}/history`),
  });
  return (
    <Card size="small" title={t("eval.history")}>
      <Table<HistoryItem>
        rowKey="resultId"
        size="small"
        pagination={false}
        loading={history.isLoading}
        dataSource={history.data?.items ?? []}
        data-testid="eval-history"
        columns={[
          {
            title: t("eval.computeFor"),
            key: "p",
            render: (_, h) => (
              <Button type="link" size="small" onClick={() => onOpen(h.resultId)}>
                {h.period}
              </Button>
            ),
          },
          { title: t("eval.flag.red"), key: "r", render: (_, h) => h.red.join("、") || "—" },
          { title: t("eval.flag.yellow"), key: "y", render: (_, h) => h.yellow.join("、") || "—" },
          { title: "", key: "v", render: (_, h) => t("eval.version", { n: h.version }) },
        ]}
      />
    </Card>
  );
}

interface AdjustmentRow {
  id: string;
  attachmentId: string | null;
  peerId: string;
  points: number;
  reason: string;
  createdByName: string;
  createdAt: string;
}

/** The period's bonuses and penalties as recorded, counted or not yet. */
export function Adjustments({ scheme, period }: { scheme: SchemeOut; period: string }) {
  const t = useT();
  const list = useQuery({
    queryKey: ["/api/evaluations", scheme.id, "adjustments", period],
    queryFn: () => api.get<AdjustmentRow[]>(`/api/evaluations/${scheme.id}/adjustments`, { period }),
  });
  const names = new Map(scheme.peers.map((p) => [p.peerId, p.name]));
  if (!list.data?.length) return null;
  return (
    <Table<AdjustmentRow>
      rowKey="id"
      size="small"
      style={{ marginTop: 16 }}
      title={() => t("eval.adjustments")}
      pagination={false}
      dataSource={list.data}
      data-testid="eval-adjustments"
      columns={[
        { title: t("eval.peers"), key: "p", render: (_, a) => names.get(a.peerId) ?? "" },
        { title: t("eval.points"), dataIndex: "points", width: 80, align: "right", render: (v: number) => (v > 0 ? `+${v}` : v) },
        { title: t("eval.reason"), dataIndex: "reason" },
        {
          title: t("eval.evidence"),
          key: "e",
          width: 90,
          render: (_, a) =>
            a.attachmentId ? (
              <a href={`/api/attachments/${a.attachmentId}`} target="_blank" rel="noreferrer">
                <PaperClipOutlined />
              </a>
            ) : (
              "—"
            ),
        },
        { title: t("ind.changedBy"), dataIndex: "createdByName", width: 120 },
        { title: t("ind.changedAt"), key: "at", width: 150, render: (_, a) => a.createdAt.slice(0, 16).replace("T", " ") },
      ]}
    />
  );
}
