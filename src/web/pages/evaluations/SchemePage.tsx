import { CalculatorOutlined, EditOutlined, PlusOutlined, SendOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Space, Tag } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import type { ResultOut, SchemeOut } from "../../../schemas/evaluations.js";
import { ApiError, api } from "../../api/client.js";
import { useT } from "../../i18n/index.js";
import { ResultTable } from "./ResultTable.js";
import { SchemeForm } from "./SchemeForm.js";
import { AdjustmentModal, Adjustments, History } from "./SchemeParts.js";

/** A scheme: its criteria, a period computed with each peer's breakdown, adjustments, publishing. */
export function SchemePage() {
  const { id } = useParams();
  const t = useT();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [period, setPeriod] = useState("");
  const [resultId, setResultId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const scheme = useQuery({ queryKey: ["/api/evaluations", id], queryFn: () => api.get<SchemeOut>(`/api/evaluations/${id}`) });
  const s = scheme.data;
  const shownId = resultId ?? s?.periods[0]?.resultId ?? null;
  const result = useQuery({
    queryKey: ["/api/evaluation-results", shownId],
    queryFn: () => api.get<ResultOut>(`/api/evaluation-results/${shownId}`),
    enabled: Boolean(shownId),
  });
  const r = result.data;
  const fail = (e: unknown) =>
    message.error(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network"));
  const refresh = (next: ResultOut) => {
    client.setQueryData(["/api/evaluation-results", next.id], next);
    setResultId(next.id);
    client.invalidateQueries({ queryKey: ["/api/evaluations"] });
  };
  const compute = useMutation({
    mutationFn: (body: { period: string; correction?: string }) => api.post<ResultOut>(`/api/evaluations/${id}/results`, body),
    onSuccess: (next) => {
      refresh(next);
      setCorrecting(false);
    },
    onError: fail,
  });
  const publish = useMutation({
    mutationFn: () => api.post<ResultOut>(`/api/evaluation-results/${shownId}/publish`),
    onSuccess: (next) => {
      refresh(next);
      message.success(t("eval.published"));
    },
    onError: fail,
  });
  if (scheme.isError) return <Empty description={t("common.loadFailed")} />;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card
        loading={scheme.isLoading}
        title={s?.name}
        extra={
          s?.abilities.update && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t("eval.edit")}
            </Button>
          )
        }
      >
        {s && (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t("eval.period")}>{t(`eval.period.${s.period}`)}</Descriptions.Item>
              <Descriptions.Item label={t("eval.owner")}>{s.ownerUnit.name}</Descriptions.Item>
              <Descriptions.Item label={t("eval.peers")}>{s.peers.length}</Descriptions.Item>
              <Descriptions.Item label={t("eval.redFlags")}>{s.redFlags}</Descriptions.Item>
              <Descriptions.Item label={t("eval.yellowFlags")}>{s.yellowFlags}</Descriptions.Item>
              <Descriptions.Item label={t("eval.criteria")}>
                {s.criteria.map((c) => `${c.name} ${c.weight}`).join("；")}
              </Descriptions.Item>
            </Descriptions>
            <Space wrap style={{ marginTop: 12 }}>
              {s.periods.map((p) => (
                <Tag.CheckableTag key={p.resultId} checked={p.resultId === shownId} onChange={() => setResultId(p.resultId)}>
                  {p.period} · {t(`eval.state.${p.state as "draft"}`)}
                </Tag.CheckableTag>
              ))}
            </Space>
            {s.abilities.compute && (
              <Space wrap style={{ marginTop: 12 }}>
                <Input
                  style={{ width: 200 }}
                  value={period}
                  onChange={(e) => setPeriod(e.target.value.trim())}
                  placeholder={t("eval.periodHint")}
                  data-testid="eval-period"
                />
                <Button
                  type="primary"
                  icon={<CalculatorOutlined />}
                  loading={compute.isPending}
                  disabled={!period}
                  onClick={() => compute.mutate({ period })}
                  data-testid="eval-compute"
                >
                  {t("eval.compute")}
                </Button>
              </Space>
            )}
          </>
        )}
      </Card>
      <Card
        loading={result.isLoading}
        title={
          r
            ? `${t("eval.results")} · ${r.period}（${r.from} – ${r.to}）· ${t("eval.version", { n: r.version })}`
            : t("eval.results")
        }
        extra={
          r && (
            <Space wrap>
              <Tag
                color={r.state === "published" ? "green" : r.state === "draft" ? "blue" : "default"}
                data-testid="result-state"
              >
                {t(`eval.state.${r.state}`)}
              </Tag>
              {r.abilities.recompute && (
                <Button icon={<PlusOutlined />} onClick={() => setAdjusting(true)} data-testid="eval-adjust">
                  {t("eval.addAdjustment")}
                </Button>
              )}
              {r.abilities.recompute && r.state === "draft" && (
                <Button icon={<CalculatorOutlined />} onClick={() => compute.mutate({ period: r.period })}>
                  {t("eval.recompute")}
                </Button>
              )}
              {r.abilities.recompute && r.state === "published" && (
                <Button onClick={() => setCorrecting(true)}>{t("eval.correct")}</Button>
              )}
              {r.abilities.publish && (
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={publish.isPending}
                  onClick={() => modal.confirm({ title: t("eval.publishConfirm"), onOk: () => publish.mutateAsync() })}
                  data-testid="eval-publish"
                >
                  {t("eval.publish")}
                </Button>
              )}
            </Space>
          )
        }
      >
        {!r && <Empty description={t("eval.noResult")} />}
        {r?.correction && (
          <Alert type="info" showIcon title={`${t("eval.correction")}：${r.correction}`} style={{ marginBottom: 12 }} />
        )}
        {r && s && <ResultTable result={r} regional={s.peerKind === "region"} />}
        {r && s && <Adjustments scheme={s} period={r.period} />}
      </Card>
      {s && <History schemeId={s.id} onOpen={setResultId} />}
      {s && <SchemeForm editing={s} open={editing} onClose={() => setEditing(false)} />}
      {s && r && <AdjustmentModal scheme={s} period={r.period} open={adjusting} onClose={() => setAdjusting(false)} />}
      <Modal open={correcting} title={t("eval.correct")} onCancel={() => setCorrecting(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          onFinish={(v: { correction: string }) => r && compute.mutate({ period: r.period, correction: v.correction })}
        >
          <Form.Item name="correction" label={t("eval.correction")} rules={[{ required: true, message: t("form.required") }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={compute.isPending}>
            {t("eval.compute")}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
