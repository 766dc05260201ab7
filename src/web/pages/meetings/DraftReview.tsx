import { DeleteOutlined, MergeCellsOutlined, PlusOutlined, ScissorOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useRef, useState } from "react";
import type { DraftOut } from "../../../schemas/meetings.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useT } from "../../i18n/index.js";
import { kindOptions, topicOptions } from "./options.js";
import { SourceText } from "./SourceText.js";

export type Draft = DraftOut["draft"] & {
  studied: { text: string; linkedMeetingId: string | null; linkedMeetingTitle?: string | null }[];
};
/** A directive being edited; one already saved carries its id, so saving updates it in place. */
type DraftDirective = Draft["directives"][number] & { id?: string; _key?: string };

let keySeq = 0;
/** Items being edited carry a key of their own, so React keeps each text box with its item through merges and splits. */
const keyed = <T extends object>(item: T): T & { _key: string } => ({ ...item, _key: `k${++keySeq}` });
const unkeyed = <T extends { _key?: string; linkedMeetingTitle?: string | null }>({ _key, linkedMeetingTitle, ...rest }: T) =>
  rest;

/** Side by side: the report with what was read highlighted, and the editable meeting. Nothing is saved until confirmed. */
export function DraftReview({
  initial,
  duplicateOf,
  busy,
  error,
  onConfirm,
  confirmLabel,
}: {
  initial: Draft;
  duplicateOf: DraftOut["duplicateOf"];
  busy: boolean;
  error: string | null;
  onConfirm(d: Draft): void;
  confirmLabel?: string;
}) {
  const t = useT();
  const [draft, setDraft] = useState<
    Omit<Draft, "directives" | "studied"> & {
      directives: DraftDirective[];
      studied: (Draft["studied"][number] & { _key?: string; linkedMeetingTitle?: string | null })[];
    }
  >(() => ({
    ...initial,
    directives: initial.directives.map(keyed),
    studied: initial.studied.map(keyed),
  }));
  const [active, setActive] = useState<number | null>(null);
  const caret = useRef<{ index: number; pos: number } | null>(null);
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setDirectives = (fn: (list: DraftDirective[]) => DraftDirective[]) =>
    setDraft((d) => ({ ...d, directives: fn(d.directives) }));

  const merge = (i: number) =>
    setDirectives((list) => {
      const [a, b] = [list[i], list[i + 1]];
      if (!b) return list;
      const joined: DraftDirective = keyed({
        id: a.id ?? b.id,
        text: `${a.text}${draft.lang === "zh" ? "；" : "; "}${b.text}`,
        topic: a.topic,
        sourceStart: a.sourceStart ?? b.sourceStart,
        sourceEnd: b.sourceEnd ?? a.sourceEnd,
      });
      return [...list.slice(0, i), joined, ...list.slice(i + 2)];
    });
  const split = (i: number) =>
    setDirectives((list) => {
      const pos = caret.current?.index === i ? caret.current.pos : -1;
      const d = list[i];
      if (pos <= 0 || pos >= d.text.length) return list;
      const first = d.text.slice(0, pos).replace(/[\s,，;；]+$/, "");
      const second = d.text.slice(pos).replace(/^[\s,，;；]+/, "");
      const cut = d.sourceStart !== null ? d.sourceStart + pos : null;
      return [
        ...list.slice(0, i),
        { ...d, text: first, sourceEnd: cut },
        { ...d, id: undefined, _key: keyed({})._key, text: second, sourceStart: cut },
        ...list.slice(i + 1),
      ];
    });
  const show = (i: number) => {
    setActive(i);
    document.getElementById(`source-mark-${i}`)?.scrollIntoView({ block: "center", behavior: "smooth" });
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={11}>
        <Card
          size="small"
          title={t("meeting.source")}
          extra={<Typography.Text type="secondary">{t("import.sourceHint")}</Typography.Text>}
        >
          <SourceText
            text={draft.sourceText}
            spans={draft.directives.map((d) => ({ start: d.sourceStart, end: d.sourceEnd }))}
            active={active}
          />
        </Card>
      </Col>
      <Col xs={24} lg={13}>
        <Space direction="vertical" style={{ width: "100%" }}>
          {duplicateOf && (
            <Alert
              type="warning"
              showIcon
              title={t("import.duplicate", { title: duplicateOf.title })}
              data-testid="duplicate-warning"
            />
          )}
          {error && <Alert type="error" showIcon title={error} />}
          <Card size="small" title={t("import.review")}>
            <Form layout="vertical">
              <Form.Item label={t("meeting.name")} required>
                <Input
                  value={draft.title}
                  onChange={(e) => set({ title: e.target.value })}
                  maxLength={300}
                  data-testid="draft-title"
                />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item label={t("meeting.kind")}>
                    <Select
                      value={draft.kind}
                      onChange={(kind) => set({ kind })}
                      options={kindOptions(t)}
                      data-testid="draft-kind"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label={t("meeting.heldOn")}>
                    <DatePicker
                      style={{ width: "100%" }}
                      value={draft.heldOn ? dayjs(draft.heldOn) : null}
                      onChange={(d) => set({ heldOn: d ? d.format("YYYY-MM-DD") : null })}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t("meeting.organizer")}>
                <Input
                  value={draft.organizer ?? ""}
                  onChange={(e) => set({ organizer: e.target.value || null })}
                  maxLength={200}
                />
              </Form.Item>
              <Row gutter={12}>
                {(["presiders", "speakers", "attendees"] as const).map((field) => (
                  <Col xs={24} sm={8} key={field}>
                    <Form.Item label={t(`meeting.${field}`)}>
                      <Select mode="tags" value={draft[field]} onChange={(v) => set({ [field]: v })} open={false} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Form.Item label={t("meeting.studied")}>
                <Space direction="vertical" style={{ width: "100%" }}>
                  {draft.studied.map((s, i) => (
                    <Space.Compact key={s._key} block>
                      <Input
                        value={s.text}
                        onChange={(e) =>
                          set({ studied: draft.studied.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })
                        }
                      />
                      <div style={{ width: 240 }}>
                        <RemoteSelect
                          path="/api/meetings"
                          allowClear
                          placeholder={t("meeting.studiedLink")}
                          value={s.linkedMeetingId}
                          initialLabel={s.linkedMeetingTitle ?? undefined}
                          onChange={(v) =>
                            set({ studied: draft.studied.map((x, j) => (j === i ? { ...x, linkedMeetingId: v } : x)) })
                          }
                        />
                      </div>
                      <Button
                        icon={<DeleteOutlined />}
                        onClick={() => set({ studied: draft.studied.filter((_, j) => j !== i) })}
                        aria-label={t("directive.remove")}
                      />
                    </Space.Compact>
                  ))}
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => set({ studied: [...draft.studied, keyed({ text: "", linkedMeetingId: null })] })}
                  >
                    {t("studied.add")}
                  </Button>
                </Space>
              </Form.Item>
            </Form>
          </Card>
          <Card size="small" title={`${t("meeting.directives")} (${draft.directives.length})`} data-testid="draft-directives">
            {draft.directives.length === 0 && <Alert type="info" title={t("import.noDirectives")} style={{ marginBottom: 8 }} />}
            <Space direction="vertical" style={{ width: "100%" }}>
              {draft.directives.map((d, i) => (
                <Card
                  key={d._key}
                  size="small"
                  styles={{ body: { padding: 8 } }}
                  style={{ borderColor: active === i ? "#faad14" : undefined }}
                  onClick={() => show(i)}
                >
                  <div style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
                    <Typography.Text strong style={{ minWidth: 22 }}>
                      {i + 1}
                    </Typography.Text>
                    <div style={{ flex: 1 }}>
                      <Input.TextArea
                        autoSize={{ minRows: 2, maxRows: 8 }}
                        value={d.text}
                        onChange={(e) =>
                          setDirectives((list) => list.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))
                        }
                        onSelect={(e) => {
                          caret.current = { index: i, pos: (e.target as HTMLTextAreaElement).selectionStart };
                        }}
                        data-testid={`directive-text-${i}`}
                      />
                      <Space wrap style={{ marginTop: 6 }}>
                        <Select
                          size="small"
                          style={{ width: 140 }}
                          value={d.topic}
                          onChange={(topic) => setDirectives((list) => list.map((x, j) => (j === i ? { ...x, topic } : x)))}
                          options={topicOptions(t)}
                        />
                        <Tooltip title={t("directive.merge")}>
                          <Button
                            size="small"
                            icon={<MergeCellsOutlined />}
                            disabled={i === draft.directives.length - 1}
                            onClick={() => merge(i)}
                            aria-label={t("directive.merge")}
                          />
                        </Tooltip>
                        <Tooltip title={t("directive.split")}>
                          <Button
                            size="small"
                            icon={<ScissorOutlined />}
                            onClick={() => split(i)}
                            aria-label={t("directive.split")}
                          />
                        </Tooltip>
                        <Tooltip title={t("directive.remove")}>
                          <Button
                            size="small"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => setDirectives((list) => list.filter((_, j) => j !== i))}
                            aria-label={t("directive.remove")}
                            data-testid={`directive-remove-${i}`}
                          />
                        </Tooltip>
                      </Space>
                    </div>
                  </div>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setDirectives((list) => [
                    ...list,
                    keyed({ text: "", topic: "other" as const, sourceStart: null, sourceEnd: null }),
                  ])
                }
              >
                {t("directive.add")}
              </Button>
            </Space>
          </Card>
          <Button
            type="primary"
            size="large"
            block
            disabled={!!duplicateOf || !draft.title.trim()}
            loading={busy}
            onClick={() =>
              onConfirm({ ...draft, directives: draft.directives.map(unkeyed), studied: draft.studied.map(unkeyed) })
            }
            data-testid="confirm-meeting"
          >
            {confirmLabel ?? t("import.confirm")}
          </Button>
        </Space>
      </Col>
    </Row>
  );
}
