import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space } from "antd";
import { useEffect } from "react";
import type { IndicatorOut } from "../../../schemas/indicators.js";
import { api } from "../../api/client.js";
import { applyServerErrors } from "../../components/form-errors.js";
import { RemoteSelect } from "../../components/RemoteSelect.js";
import { useT } from "../../i18n/index.js";
import { GROUPS } from "./MonthFigures.js";

type Values = Omit<IndicatorOut, "id" | "sourceUnit" | "version" | "latestPeriod" | "abilities"> & {
  sourceUnitId: string | null;
};

const EMPTY: Partial<Values> = {
  decimals: 2,
  group: "industry",
  periodKind: "monthly",
  accumulation: "cumulative",
  better: "higher",
  additive: true,
  headline: false,
  sortOrder: 100,
  active: true,
  sourceUnitId: null,
};

/** Adds an indicator to the catalog or edits one (admins). */
export function IndicatorForm({ editing, open, onClose }: { editing: IndicatorOut | null; open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { ...editing, sourceUnitId: editing.sourceUnit?.id ?? null } : EMPTY);
  }, [open, editing, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      editing
        ? api.patch<IndicatorOut>(`/api/indicators/${editing.id}`, { ...v, code: undefined, version: editing.version })
        : api.post<IndicatorOut>("/api/indicators", v),
    onSuccess: () => {
      message.success(t("ind.saved"));
      client.invalidateQueries({ queryKey: ["/api/indicators"] });
      client.invalidateQueries({ queryKey: ["/api/indicator-figures"] });
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, t("common.loadFailed"));
      if (rest) message.error(rest);
    },
  });
  const options = <K extends string>(prefix: string, keys: readonly K[]) =>
    keys.map((k) => ({ value: k, label: t(`${prefix}.${k}` as "ind.better.higher") }));
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={editing ? t("ind.edit") : t("ind.new")}
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="indicator-save">
          {t("common.save")}
        </Button>
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="code" label={t("ind.code")} rules={[{ required: !editing, message: t("form.required") }]}>
          <Input disabled={Boolean(editing)} maxLength={30} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="nameZh"
            label={t("ind.nameZh")}
            rules={[{ required: true, message: t("form.required") }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t("ind.nameEn")}
            rules={[{ required: true, message: t("form.required") }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Space.Compact>
        <Space wrap>
          <Form.Item name="measureUnit" label={t("ind.measureUnit")} rules={[{ required: true, message: t("form.required") }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="measureUnitEn"
            label={t("ind.measureUnitEn")}
            rules={[{ required: true, message: t("form.required") }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="decimals" label={t("ind.decimals")}>
            <InputNumber min={0} max={4} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t("ind.sortOrder")}>
            <InputNumber min={0} max={100000} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="group" label={t("ind.group")}>
            <Select style={{ width: 150 }} options={options("group", GROUPS)} />
          </Form.Item>
          <Form.Item name="periodKind" label={t("ind.periodKind")}>
            <Select style={{ width: 120 }} options={options("ind.periodKind", ["monthly", "quarterly"] as const)} />
          </Form.Item>
          <Form.Item name="accumulation" label={t("ind.accumulation")}>
            <Select style={{ width: 140 }} options={options("ind.accumulation", ["cumulative", "period"] as const)} />
          </Form.Item>
          <Form.Item name="better" label={t("ind.better")}>
            <Select style={{ width: 150 }} options={options("ind.better", ["higher", "lower"] as const)} />
          </Form.Item>
        </Space>
        <Form.Item name="sourceUnitId" label={t("ind.source")}>
          <RemoteSelect path="/api/units" allowClear initialLabel={editing?.sourceUnit?.name} />
        </Form.Item>
        <Space wrap size={24}>
          <Form.Item name="additive" valuePropName="checked">
            <Checkbox>{t("ind.additive")}</Checkbox>
          </Form.Item>
          <Form.Item name="headline" valuePropName="checked">
            <Checkbox>{t("ind.headline")}</Checkbox>
          </Form.Item>
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>{t("ind.active")}</Checkbox>
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
