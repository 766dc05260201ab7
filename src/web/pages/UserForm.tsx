import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space } from "antd";
import { useState } from "react";
import { ROLES } from "../../domain/people.js";
import type { UserOut } from "../../schemas/users.js";
import { api } from "../api/client.js";
import { applyServerErrors } from "../components/form-errors.js";
import { RemoteSelect } from "../components/RemoteSelect.js";
import { useT } from "../i18n/index.js";

/** A random password that meets the policy: letters of both cases, digits and a hyphen. */
export function generatePassword(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  const s = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `${s.slice(0, 7)}-${s.slice(7)}7a`;
}

export function UserForm({ user, onClose, onSaved }: { user: UserOut | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    const common = {
      displayName: v.displayName,
      unitId: v.unitId,
      roles: v.roles,
      locale: v.locale,
      email: v.email || null,
      notifyByEmail: v.notifyByEmail,
      phone: v.phone || null,
      title: v.title || null,
    };
    try {
      if (user) await api.patch(`/api/users/${user.id}`, { ...common, version: user.version });
      else
        await api.post("/api/users", {
          ...common,
          username: v.username,
          password: v.password,
          mustChangePassword: v.mustChangePassword,
        });
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
      title={user ? `${t("common.edit")} · ${user.displayName}` : `${t("common.create")} · ${t("user.title")}`}
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
          username: user?.username ?? "",
          displayName: user?.displayName ?? "",
          unitId: user?.unitId,
          roles: user?.roles ?? ["reporter"],
          locale: user?.locale ?? "zh-CN",
          email: user?.email ?? "",
          notifyByEmail: user?.notifyByEmail ?? true,
          phone: user?.phone ?? "",
          title: user?.title ?? "",
          password: user ? undefined : generatePassword(),
          mustChangePassword: true,
        }}
      >
        {!user && (
          <Form.Item name="username" label={t("user.username")} rules={required(t("user.username"))}>
            <Input maxLength={40} autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t("user.displayName")} rules={required(t("user.displayName"))}>
          <Input maxLength={60} data-testid="user-displayname" />
        </Form.Item>
        <Form.Item name="unitId" label={t("user.unit")} rules={required(t("user.unit"))}>
          <RemoteSelect path="/api/units" initialLabel={user?.unitName} testId="user-unit" />
        </Form.Item>
        <Form.Item name="roles" label={t("user.roles")} rules={required(t("user.roles"))}>
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`user.role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="locale" label={t("user.locale")}>
          <Select
            options={[
              { value: "zh-CN", label: "简体中文" },
              { value: "en", label: "English" },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label={t("user.jobTitle")}>
          <Input maxLength={60} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="email" label={t("user.email")} style={{ flex: 1, marginRight: 8 }} rules={[{ type: "email" }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t("user.phone")} style={{ flex: 1 }}>
            <Input maxLength={40} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="notifyByEmail" valuePropName="checked">
          <Checkbox>{t("inbox.emailCopies")}</Checkbox>
        </Form.Item>
        {!user && (
          <>
            <Form.Item label={t("user.password")} required>
              <Space.Compact block>
                <Form.Item name="password" noStyle rules={required(t("user.password"))}>
                  <Input data-testid="user-password" />
                </Form.Item>
                <Button onClick={() => form.setFieldValue("password", generatePassword())}>{t("user.generate")}</Button>
              </Space.Compact>
            </Form.Item>
            <Form.Item name="mustChangePassword" valuePropName="checked">
              <Checkbox>{t("user.mustChange")}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: UserOut; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api.post(`/api/users/${user.id}/password`, { password: v.password, version: user.version });
      message.success(t("user.resetDone"));
      onClose();
    } catch (e) {
      setError(applyServerErrors(form, e, t("error.network")));
    }
  };
  return (
    <Modal
      open
      title={`${t("user.resetPassword")} · ${user.displayName}`}
      onOk={submit}
      onCancel={onClose}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ password: generatePassword() }}>
        <Form.Item label={t("account.newPassword")} required>
          <Space.Compact block>
            <Form.Item
              name="password"
              noStyle
              rules={[{ required: true, message: t("login.required", { field: t("account.newPassword") }) }]}
            >
              <Input />
            </Form.Item>
            <Button onClick={() => form.setFieldValue("password", generatePassword())}>{t("user.generate")}</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
