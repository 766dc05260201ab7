import {
  AimOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BulbOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  GlobalOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  NotificationOutlined,
  ProjectOutlined,
  SendOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Space, Spin, Typography } from "antd";
import { Suspense, useState } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { useAbility, useSession } from "../api/session.js";
import { useI18n } from "../i18n/index.js";
import { InboxBell } from "../pages/supervision/InboxBell.js";
import { ChangePasswordModal } from "./ChangePasswordModal.js";

const moduleIcons = {
  meetings: <CalendarOutlined />,
  tasks: <UnorderedListOutlined />,
  campaigns: <ThunderboltOutlined />,
  supervision: <NotificationOutlined />,
  projects: <ProjectOutlined />,
  indicators: <BarChartOutlined />,
  evaluations: <FlagOutlined />,
  bulletins: <FileTextOutlined />,
} as const;

export function Shell() {
  const { t, locale } = useI18n();
  const { session, signOut, switchLocale } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const canAudit = useAbility("audit.list");
  const canDeliveries = useAbility("delivery.list");
  const canDashboard = useAbility("dashboard.read");
  const user = session!.user;

  const adminItems: MenuProps["items"] = [
    { key: "/admin/regions", icon: <GlobalOutlined />, label: t("nav.regions") },
    { key: "/admin/units", icon: <BankOutlined />, label: t("nav.units") },
    { key: "/admin/users", icon: <TeamOutlined />, label: t("nav.users") },
    { key: "/admin/light", icon: <BulbOutlined />, label: t("nav.lightSettings") },
    { key: "/admin/supervision", icon: <AlertOutlined />, label: t("nav.supervisionSettings") },
    { key: "/admin/projects", icon: <ProjectOutlined />, label: t("nav.projectSettings") },
    ...(canDeliveries ? [{ key: "/admin/deliveries", icon: <SendOutlined />, label: t("nav.deliveries") }] : []),
    ...(canAudit ? [{ key: "/admin/audit", icon: <AuditOutlined />, label: t("nav.audit") }] : []),
  ];
  const items: MenuProps["items"] = [
    { key: "/", icon: <HomeOutlined />, label: t("nav.home") },
    { key: "/cockpit", icon: <DashboardOutlined />, label: t("nav.cockpit") },
    { key: "/my-work", icon: <InboxOutlined />, label: t("nav.myWork") },
    { key: "/meetings", icon: moduleIcons.meetings, label: t("nav.meetings") },
    { key: "/directives", icon: <AimOutlined />, label: t("nav.directives") },
    { key: "/notices", icon: <AlertOutlined />, label: t("nav.notices") },
    ...Object.entries(moduleIcons)
      .filter(([key]) => key !== "meetings" && (key !== "supervision" || canDashboard))
      .flatMap(([key, icon]) => [
        { key: `/${key}`, icon, label: t(`nav.${key}` as "nav.tasks") },
        ...(key === "indicators" ? [{ key: "/analyses", icon: <FileSearchOutlined />, label: t("nav.analyses") }] : []),
      ]),
    { key: "admin", icon: <ClusterOutlined />, label: t("nav.admin"), children: adminItems },
  ];
  const selected =
    location.pathname === "/"
      ? "/"
      : `/${location.pathname
          .split("/")
          .filter(Boolean)
          .slice(0, location.pathname.startsWith("/admin") ? 2 : 1)
          .join("/")}`;
  const go: MenuProps["onClick"] = ({ key }) => {
    navigate(key);
    setDrawerOpen(false);
  };
  const menu = (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={["admin"]}
      onClick={go}
      data-testid="nav"
    />
  );
  const brand = (
    <div style={{ color: "#fff", padding: "16px 20px", fontSize: 20, fontWeight: 600, letterSpacing: 2 }}>
      <AimOutlined /> {t("app.name")}
    </div>
  );

  const accountMenu: MenuProps["items"] = [
    { key: "password", icon: <KeyOutlined />, label: t("account.changePassword") },
    { key: "signout", icon: <LogoutOutlined />, label: t("account.signOut") },
  ];

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          styles={{ body: { padding: 0, background: "#001529" } }}
          closable={false}
        >
          {brand}
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={220} style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}>
          {brand}
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            padding: "0 16px",
            display: "flex",
            alignItems: "center",
            gap: 12,
            borderBottom: "1px solid #f0f0f0",
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("menu.open")}
              onClick={() => setDrawerOpen(true)}
              data-testid="menu-toggle"
            />
          )}
          <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>
            {narrow ? t("app.name") : t("app.tagline")}
          </Typography.Text>
          <Space size={narrow ? 4 : 12}>
            <InboxBell />
            <Button size="small" onClick={() => switchLocale(locale === "en" ? "zh-CN" : "en")} data-testid="lang-switch">
              {t("lang.switch")}
            </Button>
            <Dropdown
              menu={{
                items: accountMenu,
                onClick: ({ key }) => (key === "signout" ? signOut().then(() => navigate("/login")) : setPasswordOpen(true)),
              }}
              trigger={["click"]}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="account-menu">
                {!narrow && `${user.displayName} · ${user.unitName}`}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <Suspense fallback={<Spin size="large" style={{ display: "block", margin: "20vh auto" }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal
        open={passwordOpen || user.mustChangePassword}
        forced={user.mustChangePassword}
        onClose={() => setPasswordOpen(false)}
      />
    </Layout>
  );
}
