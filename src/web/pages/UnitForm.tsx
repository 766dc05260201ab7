import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { UNIT_KINDS } from "../../domain/people.js";
import type { UnitOut } from "../../schemas/units.js";
import { api } from "../api/client.js";
import { applyServerErrors } from "../components/form-errors.js";
import { RemoteSelect } from "../components/RemoteSelect.js";
import { useT } from "../i18n/index.js";

export function UnitForm({ unit, onClose, onSaved }: { unit: UnitOut | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    const body = {
      code: v.code || null,
      name: v.name,
      nameEn: v.nameEn || null,
      shortName: v.shortName || null,
      keywords: v.keywords ?? [],
      kind: v.kind,
      regionId: v.regionId,
      parentId: v.parentId ?? null,
    };
    try {
      if (unit) await api.patch(`/api/units/${unit.id}`, { ...body, version: unit.version });
      else await api.post("/api/units", body);
      message.success(t("common.saved"));
      onSaved();
    } catch (e) {
      setError(applyServerErrors(form, e, t("error.network")));
    } finally {
      setSaving(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t("login.required", { field }) }];
  return (
    <Modal
      open
      title={unit ? `${t("common.edit")} · ${unit.name}` : `${t("common.create")} · ${t("unit.title")}`}
      onOk={submit}
      onCancel={onClose}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          code: unit?.code ?? "",
          name: unit?.name ?? "",
          nameEn: unit?.nameEn ?? "",
          shortName: unit?.shortName ?? "",
          keywords: unit?.keywords ?? [],
          kind: unit?.kind ?? "department",
          regionId: unit?.regionId,
          parentId: unit?.parentId ?? null,
        }}
      >
        <Form.Item name="name" label={t("common.name")} rules={required(t("common.name"))}>
          <Input maxLength={100} data-testid="unit-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t("unit.shortName")}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="keywords" label={t("unit.keywords")} extra={t("unit.keywordsHelp")}>
          <Select mode="tags" tokenSeparators={[",", "，", "、"]} open={false} data-testid="unit-keywords" />
        </Form.Item>
        <Form.Item name="nameEn" label={t("common.nameEn")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="code" label={t("common.code")}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="kind" label={t("unit.kind")} rules={required(t("unit.kind"))}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unit.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={t("unit.region")} rules={required(t("unit.region"))}>
          <RemoteSelect path="/api/regions" initialLabel={unit?.regionName} testId="unit-region" />
        </Form.Item>
        <Form.Item name="parentId" label={t("unit.parent")}>
          <RemoteSelect
            path="/api/units"
            allowClear
            excludeId={unit?.id}
            initialLabel={unit?.parentName ?? undefined}
            placeholder={t("common.none")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
