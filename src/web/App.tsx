import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUSModule from "antd/es/locale/en_US.js";
import type { Locale as AntLocale } from "antd/es/locale/index.js";
import zhCNModule from "antd/es/locale/zh_CN.js";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn.js";
import { lazy } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { useSession } from "./api/session.js";
import { Shell } from "./components/Shell.js";
import { useI18n } from "./i18n/index.js";
import { HomePage } from "./pages/HomePage.js";
import { LoginPage } from "./pages/LoginPage.js";
import { MODULES, ModulePage } from "./pages/ModulePage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";

// Pages load on demand, so the first screen carries only the shell (and charts come with the pages that draw them).
const AuditPage = lazy(() => import("./pages/AuditPage.js").then((m) => ({ default: m.AuditPage })));
const CampaignPage = lazy(() => import("./pages/campaigns/CampaignPage.js").then((m) => ({ default: m.CampaignPage })));
const CampaignsPage = lazy(() => import("./pages/campaigns/CampaignsPage.js").then((m) => ({ default: m.CampaignsPage })));
const LightSettingsPage = lazy(() => import("./pages/LightSettingsPage.js").then((m) => ({ default: m.LightSettingsPage })));
const DirectivesPage = lazy(() => import("./pages/meetings/DirectivesPage.js").then((m) => ({ default: m.DirectivesPage })));
const MeetingEditPage = lazy(() => import("./pages/meetings/MeetingEditPage.js").then((m) => ({ default: m.MeetingEditPage })));
const MeetingImportPage = lazy(() =>
  import("./pages/meetings/MeetingImportPage.js").then((m) => ({ default: m.MeetingImportPage })),
);
const MeetingPage = lazy(() => import("./pages/meetings/MeetingPage.js").then((m) => ({ default: m.MeetingPage })));
const MeetingsPage = lazy(() => import("./pages/meetings/MeetingsPage.js").then((m) => ({ default: m.MeetingsPage })));
const ProjectPage = lazy(() => import("./pages/projects/ProjectPage.js").then((m) => ({ default: m.ProjectPage })));
const ProjectSettingsPage = lazy(() =>
  import("./pages/projects/ProjectSettingsPage.js").then((m) => ({ default: m.ProjectSettingsPage })),
);
const ProjectsPage = lazy(() => import("./pages/projects/ProjectsPage.js").then((m) => ({ default: m.ProjectsPage })));
const RegionsPage = lazy(() => import("./pages/RegionsPage.js").then((m) => ({ default: m.RegionsPage })));
const BulletinPage = lazy(() => import("./pages/supervision/BulletinPage.js").then((m) => ({ default: m.BulletinPage })));
const BulletinsPage = lazy(() => import("./pages/supervision/BulletinsPage.js").then((m) => ({ default: m.BulletinsPage })));
const DeliveriesPage = lazy(() => import("./pages/supervision/DeliveriesPage.js").then((m) => ({ default: m.DeliveriesPage })));
const InboxPage = lazy(() => import("./pages/supervision/InboxPage.js").then((m) => ({ default: m.InboxPage })));
const NoticePage = lazy(() => import("./pages/supervision/NoticePage.js").then((m) => ({ default: m.NoticePage })));
const NoticesPage = lazy(() => import("./pages/supervision/NoticesPage.js").then((m) => ({ default: m.NoticesPage })));
const SupervisionPage = lazy(() =>
  import("./pages/supervision/SupervisionPage.js").then((m) => ({ default: m.SupervisionPage })),
);
const SupervisionSettingsPage = lazy(() =>
  import("./pages/supervision/SupervisionSettingsPage.js").then((m) => ({ default: m.SupervisionSettingsPage })),
);
const MyWorkPage = lazy(() => import("./pages/tasks/MyWorkPage.js").then((m) => ({ default: m.MyWorkPage })));
const TaskFormPage = lazy(() => import("./pages/tasks/TaskFormPage.js").then((m) => ({ default: m.TaskFormPage })));
const TaskPage = lazy(() => import("./pages/tasks/TaskPage.js").then((m) => ({ default: m.TaskPage })));
const TasksPage = lazy(() => import("./pages/tasks/TasksPage.js").then((m) => ({ default: m.TasksPage })));
const UnitsPage = lazy(() => import("./pages/UnitsPage.js").then((m) => ({ default: m.UnitsPage })));
const UsersPage = lazy(() => import("./pages/UsersPage.js").then((m) => ({ default: m.UsersPage })));
const IndicatorsPage = lazy(() => import("./pages/indicators/IndicatorsPage.js").then((m) => ({ default: m.IndicatorsPage })));
const IndicatorPage = lazy(() => import("./pages/indicators/IndicatorPage.js").then((m) => ({ default: m.IndicatorPage })));
const AnalysesPage = lazy(() => import("./pages/analyses/AnalysesPage.js").then((m) => ({ default: m.AnalysesPage })));
const AnalysisPage = lazy(() => import("./pages/analyses/AnalysisPage.js").then((m) => ({ default: m.AnalysisPage })));
const EvaluationsPage = lazy(() =>
  import("./pages/evaluations/EvaluationsPage.js").then((m) => ({ default: m.EvaluationsPage })),
);
const SchemePage = lazy(() => import("./pages/evaluations/SchemePage.js").then((m) => ({ default: m.SchemePage })));
const CockpitPage = lazy(() => import("./pages/cockpit/CockpitPage.js").then((m) => ({ default: m.CockpitPage })));

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
        <Route path="indicators" element={<IndicatorsPage />} />
        <Route path="indicators/:id" element={<IndicatorPage />} />
        <Route path="analyses" element={<AnalysesPage />} />
        <Route path="analyses/:id" element={<AnalysisPage />} />
        <Route path="cockpit" element={<CockpitPage />} />
        <Route path="evaluations" element={<EvaluationsPage />} />
        <Route path="evaluations/:id" element={<SchemePage />} />
        {MODULES.filter(
          (m) =>
            !["meetings", "tasks", "campaigns", "supervision", "bulletins", "projects", "indicators", "evaluations"].includes(
              m.key,
            ),
        ).map((m) => (
          <Route key={m.key} path={m.path} element={<ModulePage module={m} />} />
        ))}
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
