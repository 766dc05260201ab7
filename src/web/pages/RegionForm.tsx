import { Alert, App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import type { RegionOut } from "../../schemas/regions.js";
import { api } from "../api/client.js";
import { applyServerErrors } from "../components/form-errors.js";
import { useT } from "../i18n/index.js";

const LEVELS = ["province", "city", "county", "township"] as const;
const childLevel = (level: RegionOut["level"]) => LEVELS[Math.min(LEVELS.indexOf(level) + 1, 3)];

export type RegionFormTarget = { mode: "create"; parent: RegionOut | null } | { mode: "edit"; region: RegionOut };

export function RegionForm({
  target,
  onClose,
  onSaved,
}: {
  target: RegionFormTarget;
  onClose(): void;
  onSaved(region: RegionOut): void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = target.mode === "edit" ? target.region : null;
  const level = editing
    ? editing.level
    : target.mode === "create" && target.parent
      ? childLevel(target.parent.level)
      : "province";

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const saved = editing
        ? await api.patch<RegionOut>(`/api/regions/${editing.id}`, {
            code: values.code,
            name: values.name,
            nameEn: values.nameEn ?? null,
            version: editing.version,
          })
        : await api.post<RegionOut>("/api/regions", {
            code: values.code,
            name: values.name,
            nameEn: values.nameEn || null,
            level,
            parentId: target.mode === "create" ? (target.parent?.id ?? null) : null,
          });
      message.success(t("common.saved"));
      onSaved(saved);
    } catch (e) {
      setError(applyServerErrors(form, e, t("error.network")));
    } finally {
      setSaving(false);
    }
  };

  const title = editing
    ? `${t("common.edit")} · ${editing.name}`
    : target.mode === "create" && target.parent
      ? `${t("region.addChild")} · ${target.parent.name}`
      : t("region.addRoot");
  return (
    <Modal
      open
      title={title}
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
        initialValues={{ code: editing?.code ?? "", name: editing?.name ?? "", nameEn: editing?.nameEn ?? "" }}
      >
        <Form.Item label={t("region.level")}>
          <Select value={level} disabled options={LEVELS.map((l) => ({ value: l, label: t(`region.level.${l}`) }))} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t("common.code")}
          extra={t("region.codeHelp")}
          rules={[{ required: true, message: t("login.required", { field: t("common.code") }) }]}
        >
          <Input inputMode="numeric" maxLength={12} data-testid="region-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("common.name")}
          rules={[{ required: true, message: t("login.required", { field: t("common.name") }) }]}
        >
          <Input maxLength={60} data-testid="region-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t("common.nameEn")}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
