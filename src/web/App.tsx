import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUSModule from "antd/es/locale/en_US.js";
import type { Locale as AntLocale } from "antd/es/locale/index.js";
import zhCNModule from "antd/es/locale/zh_CN.js";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn.js";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { useSession } from "./api/session.js";
import { Shell } from "./components/Shell.js";
import { useI18n } from "./i18n/index.js";
import { AuditPage } from "./pages/AuditPage.js";
import { CampaignPage } from "./pages/campaigns/CampaignPage.js";
import { CampaignsPage } from "./pages/campaigns/CampaignsPage.js";
import { HomePage } from "./pages/HomePage.js";
import { LightSettingsPage } from "./pages/LightSettingsPage.js";
import { LoginPage } from "./pages/LoginPage.js";
import { MODULES, ModulePage } from "./pages/ModulePage.js";
import { DirectivesPage } from "./pages/meetings/DirectivesPage.js";
import { MeetingEditPage } from "./pages/meetings/MeetingEditPage.js";
import { MeetingImportPage } from "./pages/meetings/MeetingImportPage.js";
import { MeetingPage } from "./pages/meetings/MeetingPage.js";
import { MeetingsPage } from "./pages/meetings/MeetingsPage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { ProjectPage } from "./pages/projects/ProjectPage.js";
import { ProjectSettingsPage } from "./pages/projects/ProjectSettingsPage.js";
import { ProjectsPage } from "./pages/projects/ProjectsPage.js";
import { RegionsPage } from "./pages/RegionsPage.js";
import { BulletinPage } from "./pages/supervision/BulletinPage.js";
import { BulletinsPage } from "./pages/supervision/BulletinsPage.js";
import { DeliveriesPage } from "./pages/supervision/DeliveriesPage.js";
import { InboxPage } from "./pages/supervision/InboxPage.js";
import { NoticePage } from "./pages/supervision/NoticePage.js";
import { NoticesPage } from "./pages/supervision/NoticesPage.js";
import { SupervisionPage } from "./pages/supervision/SupervisionPage.js";
import { SupervisionSettingsPage } from "./pages/supervision/SupervisionSettingsPage.js";
import { MyWorkPage } from "./pages/tasks/MyWorkPage.js";
import { TaskFormPage } from "./pages/tasks/TaskFormPage.js";
import { TaskPage } from "./pages/tasks/TaskPage.js";
import { TasksPage } from "./pages/tasks/TasksPage.js";
import { UnitsPage } from "./pages/UnitsPage.js";
import { UsersPage } from "./pages/UsersPage.js";

// antd ships CommonJS-typed locale files; at run time Vite hands over the object itself.
const unwrap = (m: unknown) => ((m as { default?: AntLocale }).default ?? m) as AntLocale;
const enUS = unwrap(enUSModule);
const zhCN = unwrap(zhCNModule);

const theme = { token: { colorPrimary: "#b71c1c", borderRadius: 4 } };

export function App() {
  const { locale } = useI18n();
  dayjs.locale(locale === "en" ? "en" : "zh-cn");
  return (
    <ConfigProvider locale={locale === "en" ? enUS : zhCN} theme={theme}>
      <AntApp>
        <Routed />
      </AntApp>
    </ConfigProvider>
  );
}

function Routed() {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <Spin size="large" style={{ display: "block", marginTop: "30vh" }} />;
  if (!session) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location.pathname }} />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<Navigate to={(location.state as { from?: string })?.from ?? "/"} replace />} />
      <Route element={<Shell />}>
        <Route index element={<HomePage />} />
        <Route path="meetings" element={<MeetingsPage />} />
        <Route path="meetings/import" element={<MeetingImportPage />} />
        <Route path="meetings/:id" element={<MeetingPage />} />
        <Route path="meetings/:id/edit" element={<MeetingEditPage />} />
        <Route path="directives" element={<DirectivesPage />} />
        <Route path="my-work" element={<MyWorkPage />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="tasks/new" element={<TaskFormPage />} />
        <Route path="tasks/:id" element={<TaskPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:id" element={<CampaignPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="notices" element={<NoticesPage />} />
        <Route path="notices/:id" element={<NoticePage />} />
        <Route path="bulletins" element={<BulletinsPage />} />
        <Route path="bulletins/:id" element={<BulletinPage />} />
        <Route path="supervision" element={<SupervisionPage />} />
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:id" element={<ProjectPage />} />
        {MODULES.filter((m) => !["meetings", "tasks", "campaigns", "supervision", "bulletins", "projects"].includes(m.key)).map(
          (m) => (
            <Route key={m.key} path={m.path} element={<ModulePage module={m} />} />
          ),
        )}
        <Route path="admin/regions" element={<RegionsPage />} />
        <Route path="admin/units" element={<UnitsPage />} />
        <Route path="admin/users" element={<UsersPage />} />
        <Route path="admin/audit" element={<AuditPage />} />
        <Route path="admin/light" element={<LightSettingsPage />} />
        <Route path="admin/supervision" element={<SupervisionSettingsPage />} />
        <Route path="admin/projects" element={<ProjectSettingsPage />} />
        <Route path="admin/deliveries" element={<DeliveriesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
