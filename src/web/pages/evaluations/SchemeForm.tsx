import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import type { SchemeCreate, SchemeOut } from "../../../schemas/evaluations.js";
import type { IndicatorOut } from "../../../schemas/indicators.js";
import { api, type Page } from "../../api/client.js";
import { useSession } from "../../api/session.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { UnitsSelect } from "../../components/UnitsSelect.js";
import { useI18n } from "../../i18n/index.js";
import { indicatorName } from "../indicators/parts.js";

const SOURCES = [
  "indicator_growth",
  "indicator_completion",
  "task_on_time_rate",
  "task_completion_rate",
  "task_red",
  "notice_unanswered",
  "project_investment_completion",
  "project_started_on_time",
  "project_warnings",
] as const;
/** Counts where fewer is better. */
const LOWER = new Set(["task_red", "notice_unanswered", "project_warnings"]);

type Values = Omit<SchemeCreate, "peers">;
interface PeerDraft {
  peerId: string;
  name: string;
  group: string;
}

/** Sets up a scheme: its period, the peers and their groups, the criteria with weights and rules. */
export function SchemeForm({ editing, open, onClose }: { editing: SchemeOut | null; open: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const peerKind = Form.useWatch("peerKind", form) ?? "region";
  const [peers, setPeers] = useState<PeerDraft[]>([]);
  const [parentRegion, setParentRegion] = useState<string | null>(null);
  const indicators = useQuery({
    queryKey: ["/api/indicators", "all-active"],
    queryFn: () => api.get<{ items: IndicatorOut[] }>("/api/indicators"),
    enabled: open,
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue(editing);
      setPeers(editing.peers);
    } else {
      form.setFieldsValue({
        period: "half",
        peerKind: "region",
        redFlags: 3,
        yellowFlags: 0,
        criteria: [{ name: "", source: "task_on_time_rate", weight: 100, method: "scaled", better: "higher", missing: "zero" }],
      } as Partial<Values> as Values);
      setPeers([]);
      setParentRegion(session?.user.regionId ?? null);
    }
  }, [open, editing, form, session]);
  // Regions: the regions under the one chosen.
  const children = useQuery({
    queryKey: ["/api/regions", "children", parentRegion],
    queryFn: () => api.get<Page<{ id: string; name: string }>>("/api/regions", { parentId: parentRegion, limit: 200 }),
    enabled: open && !editing && peerKind === "region" && Boolean(parentRegion),
  });
  useEffect(() => {
    if (children.data && !editing && peerKind === "region")
      setPeers(children.data.items.map((r) => ({ peerId: r.id, name: r.name, group: "" })));
  }, [children.data, editing, peerKind]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, peers: peers.map((p) => ({ peerId: p.peerId, group: p.group })) };
      return editing
        ? api.put<SchemeOut>(`/api/evaluations/${editing.id}`, { ...body, version: editing.version })
        : api.post<SchemeOut>("/api/evaluations", body);
    },
    onSuccess: (s) => {
      message.success(t("eval.saved"));
      client.invalidateQueries({ queryKey: ["/api/evaluations"] });
      onClose();
      if (!editing) navigate(`/evaluations/${s.id}`);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, t("common.loadFailed"));
      if (rest) message.error(rest);
    },
  });
  const options = (prefix: string, keys: readonly string[]) =>
    keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as "eval.period.half") }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={editing ? t("eval.edit") : t("eval.new")}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="scheme-save">
          {t("common.save")}
        </Button>
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t("eval.name")} rules={[{ required: true, message: t("form.required") }]}>
          <Input maxLength={200} data-testid="scheme-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="period" label={t("eval.period")}>
            <Select style={{ width: 120 }} options={options("eval.period", ["month", "quarter", "half", "year"])} />
          </Form.Item>
          <Form.Item name="peerKind" label={t("eval.peerKind")}>
            <Select
              style={{ width: 120 }}
              disabled={Boolean(editing)}
              options={options("eval.peerKind", ["region", "unit"])}
              onChange={() => setPeers([])}
            />
          </Form.Item>
          <Form.Item name="redFlags" label={t("eval.redFlags")}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="yellowFlags" label={t("eval.yellowFlags")}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{t("eval.peers")}</Typography.Title>
        {!editing && peerKind === "region" && (
          <div style={{ width: 260, marginBottom: 8 }}>
            <RemoteSelect
              path="/api/regions"
              value={parentRegion}
              onChange={setParentRegion}
              initialLabel={session?.user.regionName}
            />
          </div>
        )}
        {!editing && peerKind === "unit" && (
          <div style={{ marginBottom: 8 }}>
            <UnitsSelect
              value={peers.map((p) => p.peerId)}
              onChange={(ids) =>
                setPeers(ids.map((id) => peers.find((p) => p.peerId === id) ?? { peerId: id, name: id, group: "" }))
              }
            />
          </div>
        )}
        <Table<PeerDraft>
          rowKey="peerId"
          size="small"
          pagination={false}
          dataSource={peers}
          data-testid="scheme-peers"
          style={{ marginBottom: 16 }}
          columns={[
            { title: t("eval.peers"), dataIndex: "name" },
            {
              title: t("eval.group"),
              key: "group",
              width: 200,
              render: (_, p) => (
                <Input
                  size="small"
                  value={p.group}
                  maxLength={40}
                  onChange={(e) =>
                    setPeers((all) => all.map((x) => (x.peerId === p.peerId ? { ...x, group: e.target.value } : x)))
                  }
                />
              ),
            },
          ]}
        />
        <Typography.Title level={5}>{t("eval.criteria")}</Typography.Title>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start" style={{ borderBottom: "1px solid #f0f0f0", marginBottom: 8 }}>
                  <Form.Item
                    name={[field.name, "name"]}
                    label={t("eval.criterion")}
                    rules={[{ required: true, message: t("form.required") }]}
                  >
                    <Input style={{ width: 180 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, "source"]} label={t("eval.source")}>
                    <Select
                      style={{ width: 220 }}
                      options={options("eval.source", SOURCES)}
                      onChange={(source: string) =>
                        form.setFieldValue(["criteria", field.name, "better"], LOWER.has(source) ? "lower" : "higher")
                      }
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      String(form.getFieldValue(["criteria", field.name, "source"]) ?? "").startsWith("indicator_") && (
                        <Form.Item name={[field.name, "indicatorId"]} label={t("eval.indicator")}>
                          <Select
                            style={{ width: 200 }}
                            options={(indicators.data?.items ?? []).map((i) => ({
                              value: i.id,
                              label: indicatorName(i, locale),
                            }))}
                          />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Form.Item name={[field.name, "weight"]} label={t("eval.weight")}>
                    <InputNumber min={0.1} max={1000} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "method"]} label={t("eval.method")}>
                    <Select style={{ width: 170 }} options={options("eval.method", ["rank", "scaled", "ratio"])} />
                  </Form.Item>
                  <Form.Item name={[field.name, "better"]} label={t("eval.better")}>
                    <Select
                      style={{ width: 130 }}
                      options={["higher", "lower"].map((b) => ({ value: b, label: t(`ind.better.${b}` as "ind.better.higher") }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "missing"]} label={t("eval.missing")}>
                    <Select style={{ width: 200 }} options={options("eval.missing", ["zero", "average", "exclude"])} />
                  </Form.Item>
                  <Form.Item name={[field.name, "target"]} label={t("eval.target")}>
                    <InputNumber min={0} style={{ width: 100 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ name: "", source: "task_on_time_rate", weight: 10, method: "scaled", better: "higher", missing: "zero" })
                }
              >
                {t("eval.addCriterion")}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
