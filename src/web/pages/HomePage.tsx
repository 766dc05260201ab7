import { Card, Col, Row, Space, Tag, Typography } from "antd";
import { useNavigate } from "react-router";
import { useSession } from "../api/session.js";
import { useT } from "../i18n/index.js";
import { MODULES } from "./ModulePage.js";

export function HomePage() {
  const t = useT();
  const navigate = useNavigate();
  const user = useSession().session!.user;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="greeting">
          {t("home.greeting", { name: user.displayName })}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">{t("home.scope", { unit: user.unitName, region: user.regionName })}</Typography.Text>
          {user.roles.map((r) => (
            <Tag color="red" key={r}>
              {t(`user.role.${r}`)}
            </Tag>
          ))}
        </Space>
      </Card>
      <Typography.Title level={4}>{t("home.modules")}</Typography.Title>
      <Row gutter={[16, 16]}>
        {MODULES.map((m) => (
          <Col xs={24} sm={12} lg={6} key={m.key}>
            <Card hoverable title={t(`nav.${m.key}`)} onClick={() => navigate(`/${m.path}`)} style={{ height: "100%" }}>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ marginBottom: 0 }}>
                {t(`module.${m.key}`)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
