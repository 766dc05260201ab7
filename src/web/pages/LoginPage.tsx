import { AimOutlined, LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../api/client.js";
import { useSession } from "../api/session.js";
import { useI18n } from "../i18n/index.js";

export function LoginPage() {
  const { t, locale } = useI18n();
  const { signIn, switchLocale } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
    } catch (e) {
      setError(e instanceof ApiError && e.status !== 0 ? e.message : t("error.network"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "linear-gradient(160deg, #7f0000 0%, #b71c1c 45%, #f5f5f5 45%)",
        padding: 16,
      }}
    >
      <Card style={{ width: 380, maxWidth: "100%" }}>
        <Space direction="vertical" size="small" style={{ width: "100%", textAlign: "center", marginBottom: 16 }}>
          <Typography.Title level={2} style={{ margin: 0, color: "#b71c1c", letterSpacing: 4 }}>
            <AimOutlined /> {t("app.name")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, message: t("login.required", { field: t("login.username") }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.required", { field: t("login.password") }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("login.submit")}
          </Button>
        </Form>
        <div style={{ display: "flex", justifyContent: "space-between", marginTop: 16 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("login.demoHint")}
          </Typography.Text>
          <Button
            size="small"
            type="link"
            onClick={() => switchLocale(locale === "en" ? "zh-CN" : "en")}
            data-testid="lang-switch"
          >
            {t("lang.switch")}
          </Button>
        </div>
      </Card>
    </div>
  );
}
