import { Alert, App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { api } from "../api/client.js";
import { useSession } from "../api/session.js";
import { useT } from "../i18n/index.js";
import { applyServerErrors } from "./form-errors.js";

export function ChangePasswordModal({ open, forced, onClose }: { open: boolean; forced: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const { refresh } = useSession();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await api.post("/api/auth/password", { currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t("account.passwordChanged"));
      form.resetFields();
      await refresh();
      onClose();
    } catch (e) {
      setError(applyServerErrors(form, e, t("error.network")));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("account.changePassword")}
      onOk={submit}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      maskClosable={!forced}
      cancelButtonProps={{ style: forced ? { display: "none" } : undefined }}
      destroyOnHidden
    >
      {forced && <Alert type="warning" showIcon title={t("account.mustChange")} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ currentPassword: "", newPassword: "", confirm: "" }}>
        <Form.Item
          name="currentPassword"
          label={t("account.currentPassword")}
          rules={[{ required: true, message: t("login.required", { field: t("account.currentPassword") }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t("account.newPassword")}
          rules={[{ required: true, message: t("login.required", { field: t("account.newPassword") }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("account.confirmPassword")}
          dependencies={["newPassword"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error(t("account.passwordMismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
