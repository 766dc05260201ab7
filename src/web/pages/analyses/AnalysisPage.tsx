import { DeleteOutlined, DownloadOutlined, EditOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Empty, Input, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { AnalysisOut } from "../../../schemas/analyses.js";
import { ApiError, api } from "../../api/client.js";
import { useI18n } from "../../i18n/index.js";
import { fmt, LightTag, pct1 } from "../indicators/parts.js";

type Section = AnalysisOut["sections"][number];
type FigureRow = AnalysisOut["figures"]["rows"][number];

/** One analysis: its text (edited in place), the figures it was drafted from, Word export. */
export function AnalysisPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [editing, setEditing] = useState<{ title: string; sections: { heading: string; text: string }[] } | null>(null);
  const analysis = useQuery({ queryKey: ["/api/analyses", id], queryFn: () => api.get<AnalysisOut>(`/api/analyses/${id}`) });
  const a = analysis.data;
  const fail = (e: unknown) =>
    message.error(e instanceof ApiError ? e.fields.map((f) => f.message).join("; ") || e.message : t("error.network"));
  const save = useMutation({
    mutationFn: () =>
      api.patch<AnalysisOut>(`/api/analyses/${id}`, {
        title: editing?.title,
        sections: editing?.sections.map(
          (s): Section => ({
            heading: s.heading,
            paragraphs: s.text
              .split(/\n\s*\n/)
              .map((p) => p.trim())
              .filter(Boolean),
          }),
        ),
        version: a?.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(["/api/analyses", id], saved);
      setEditing(null);
      message.success(t("analysis.saved"));
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/analyses/${id}`),
    onSuccess: () => {
      message.success(t("analysis.deleted"));
      client.invalidateQueries({ queryKey: ["/api/analyses"] });
      navigate("/analyses");
    },
    onError: fail,
  });
  if (analysis.isError) return <Empty description={t("common.loadFailed")} />;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card
        loading={analysis.isLoading}
        title={a?.title}
        extra={
          a && (
            <Space wrap>
              {a.abilities.update && !editing && (
                <Button
                  icon={<EditOutlined />}
                  onClick={() =>
                    setEditing({
                      title: a.title,
                      sections: a.sections.map((s) => ({ heading: s.heading, text: s.paragraphs.join("\n\n") })),
                    })
                  }
                  data-testid="analysis-edit"
                >
                  {t("analysis.edit")}
                </Button>
              )}
              <Button icon={<DownloadOutlined />} href={`/api/analyses/${a.id}/docx`} data-testid="analysis-docx">
                {t("analysis.docx")}
              </Button>
              {a.abilities.delete && (
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() =>
                    modal.confirm({
                      title: t("analysis.deleteConfirm"),
                      okButtonProps: { danger: true },
                      onOk: () => remove.mutateAsync(),
                    })
                  }
                >
                  {t("analysis.delete")}
                </Button>
              )}
            </Space>
          )
        }
      >
        {a && !editing && (
          <div data-testid="analysis-text" style={{ maxWidth: 860 }}>
            {a.sections.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sections have no ids; the list is shown whole and never reordered
              <div key={i}>
                <Typography.Title
                  level={5}
                >{`${locale === "en" ? `${i + 1}. ` : `${"一二三四五六七八九十"[i] ?? i + 1}、`}${s.heading}`}</Typography.Title>
                {s.paragraphs.map((p, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no ids; the list is shown whole and never reordered
                  <Typography.Paragraph key={j} style={{ textIndent: locale === "en" ? 0 : "2em" }}>
                    {p}
                  </Typography.Paragraph>
                ))}
              </div>
            ))}
          </div>
        )}
        {editing && (
          <Space direction="vertical" size={12} style={{ width: "100%", maxWidth: 860 }} data-testid="analysis-editor">
            <Input value={editing.title} maxLength={200} onChange={(e) => setEditing({ ...editing, title: e.target.value })} />
            {editing.sections.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: sections have no ids and are edited in place, never reordered
              <div key={i}>
                <Input
                  addonBefore={t("analysis.heading")}
                  value={s.heading}
                  maxLength={100}
                  onChange={(e) =>
                    setEditing({
                      ...editing,
                      sections: editing.sections.map((x, k) => (k === i ? { ...x, heading: e.target.value } : x)),
                    })
                  }
                />
                <Input.TextArea
                  autoSize={{ minRows: 3 }}
                  value={s.text}
                  placeholder={t("analysis.sectionHint")}
                  style={{ marginTop: 4 }}
                  data-testid={`analysis-section-${i}`}
                  onChange={(e) =>
                    setEditing({
                      ...editing,
                      sections: editing.sections.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)),
                    })
                  }
                />
              </div>
            ))}
            <Space>
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid="analysis-save">
                {t("analysis.save")}
              </Button>
              <Button onClick={() => setEditing(null)}>{t("common.cancel")}</Button>
            </Space>
          </Space>
        )}
      </Card>
      {a && (
        <Card size="small" title={t("analysis.figures")}>
          <Table<FigureRow>
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={a.figures.rows}
            data-testid="analysis-figures"
            columns={[
              { title: t("ind.name"), dataIndex: "name", width: 220 },
              { title: t("ind.measureUnit"), dataIndex: "measureUnit", width: 110 },
              { title: t("ind.month"), dataIndex: "period", width: 90 },
              { title: t("ind.value"), key: "v", align: "right", render: (_, r) => fmt(r.value, r.decimals, locale) },
              {
                title: t("ind.growth"),
                key: "g",
                align: "right",
                render: (_, r) => (r.level ? `${pct1(r.change)} pt` : pct1(r.growth)),
              },
              {
                title: t("ind.target"),
                key: "t",
                align: "right",
                render: (_, r) =>
                  r.target == null ? "—" : r.targetKind === "growth" ? `${pct1(r.target)}%` : fmt(r.target, r.decimals, locale),
              },
              { title: t("ind.completion"), key: "c", align: "right", render: (_, r) => pct1(r.completion) },
              { title: t("ind.status"), key: "l", render: (_, r) => <LightTag light={r.light} /> },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
