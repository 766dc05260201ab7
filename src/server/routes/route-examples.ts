/**
 * A valid request for every guarded route, aimed at the records of one unit (route-fixture.ts).
 * Shared by the route-guard test and the authorization matrix; a new route needs an example here.
 */
import type { Agent } from "../testing.js";
import { CHILD_LEVEL, type Fixture } from "./route-fixture.js";

export const PUBLIC_ROUTES = ["GET /api/health", "POST /api/auth/login", "GET /api/openapi.json"];
/** Routes that act on the caller's own account: any signed-in person may, roles or not. */
export const SELF_ROUTES = [
  "GET /api/auth/session",
  "POST /api/auth/logout",
  "POST /api/auth/password",
  "PUT /api/auth/locale",
  "PUT /api/auth/email-notices",
];
export type Example = (f: Fixture) => { url: string; body?: unknown; raw?: Buffer };

/** Routes about the caller's own work: a reporter may use them (their answers leave other units out). */
export const OWN_WORK_ROUTES = ["POST /api/attachments", "POST /api/notifications/read"];
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
const taskBody = (f: Fixture) => ({
  title: "A task",
  leadUnitId: f.otherUnit.id,
  startOn: "2023-01-01",
  dueOn: "2023-12-31",
});

const schemeBody = (f: Fixture) => ({
  name: "Scheme",
  period: "half",
  peerKind: "unit",
  redFlags: 1,
  yellowFlags: 0,
  peers: [{ peerId: f.otherUnit.id }, { peerId: f.secondUnit.id }],
  criteria: [{ name: "On time", source: "task_on_time_rate", weight: 100, method: "scaled", better: "higher", missing: "zero" }],
});

/** A valid request for every guarded route, aimed at records of a unit the callers do not belong to. */
export const EXAMPLES: Record<string, Example> = {
  "GET /api/auth/session": () => ({ url: "/api/auth/session" }),
  "POST /api/auth/logout": () => ({ url: "/api/auth/logout", body: {} }),
  "POST /api/auth/password": () => ({
    url: "/api/auth/password",
    body: { currentPassword: "Test-password-1", newPassword: "Changed-password-2" },
  }),
  "PUT /api/auth/locale": () => ({ url: "/api/auth/locale", body: { locale: "en" } }),
  "PUT /api/auth/email-notices": () => ({ url: "/api/auth/email-notices", body: { notifyByEmail: false } }),
  "GET /api/regions": () => ({ url: "/api/regions" }),
  "GET /api/regions/:id": (f) => ({ url: `/api/regions/${f.region.id}` }),
  "POST /api/regions": (f) => ({
    url: "/api/regions",
    body: {
      code: String(CHILD_LEVEL[f.region.level] === "township" ? 339000000 + f.n : 339000 + f.n),
      name: `New region ${f.n}`,
      level: CHILD_LEVEL[f.region.level],
      parentId: f.region.id,
    },
  }),
  "PATCH /api/regions/:id": (f) => ({ url: `/api/regions/${f.region.id}`, body: { name: "Renamed", version: f.region.version } }),
  "POST /api/regions/:id/active": (f) => ({
    url: `/api/regions/${f.region.id}/active`,
    body: { active: false, version: f.region.version },
  }),
  "GET /api/units": () => ({ url: "/api/units?limit=200" }),
  "GET /api/units/:id": (f) => ({ url: `/api/units/${f.otherUnit.id}` }),
  "POST /api/units": (f) => ({ url: "/api/units", body: { name: `New unit ${f.n}`, regionId: f.region.id } }),
  "PATCH /api/units/:id": (f) => ({
    url: `/api/units/${f.otherUnit.id}`,
    body: { name: `Renamed unit ${f.n}`, version: f.otherUnit.version },
  }),
  "POST /api/units/:id/active": (f) => ({
    url: `/api/units/${f.otherUnit.id}/active`,
    body: { active: false, version: f.otherUnit.version },
  }),
  "GET /api/users": () => ({ url: "/api/users?limit=200" }),
  "GET /api/users/:id": (f) => ({ url: `/api/users/${f.otherUser.id}` }),
  "POST /api/users": (f) => ({
    url: "/api/users",
    body: {
      username: `newcomer-${f.n}`,
      displayName: "N",
      unitId: f.otherUnit.id,
      roles: ["viewer"],
      password: "Good-password-9",
    },
  }),
  "PATCH /api/users/:id": (f) => ({
    url: `/api/users/${f.otherUser.id}`,
    body: { displayName: "Renamed", version: f.otherUser.version },
  }),
  "POST /api/users/:id/active": (f) => ({
    url: `/api/users/${f.otherUser.id}/active`,
    body: { active: false, version: f.otherUser.version },
  }),
  "POST /api/users/:id/password": (f) => ({
    url: `/api/users/${f.otherUser.id}/password`,
    body: { password: "Reset-password-9", version: f.otherUser.version },
  }),
  "GET /api/meetings": () => ({ url: "/api/meetings?limit=200" }),
  "GET /api/meetings/:id": (f) => ({ url: `/api/meetings/${f.otherMeeting.id}` }),
  "POST /api/meetings/draft": () => ({
    url: "/api/meetings/draft",
    body: { text: "会议强调，要加快推进重大项目建设，确保按期开工。" },
  }),
  "POST /api/meetings/draft-file": () => ({
    url: "/api/meetings/draft-file",
    body: {
      fileName: "r.txt",
      contentBase64: Buffer.from(
        "市政府常务会议纪要。会议强调，要加快推进重大项目建设，各牵头单位要在月底前报送进展情况。",
      ).toString("base64"),
    },
  }),
  "POST /api/meetings": () => ({ url: "/api/meetings", body: { title: "A meeting", kind: "other" } }),
  "PATCH /api/meetings/:id": (f) => ({
    url: `/api/meetings/${f.otherMeeting.id}`,
    body: { title: "Renamed", version: f.otherMeeting.version },
  }),
  "GET /api/directives": () => ({ url: "/api/directives?limit=200" }),
  "GET /api/directives/:id/lead-suggestions": (f) => ({ url: `/api/directives/${f.otherDirectiveId}/lead-suggestions` }),
  "GET /api/campaigns": () => ({ url: "/api/campaigns" }),
  "GET /api/campaigns/:id": (f) => ({ url: `/api/campaigns/${f.otherCampaign.id}` }),
  "POST /api/campaigns": () => ({
    url: "/api/campaigns",
    body: { name: "Hundred-day action", startOn: "2023-05-01", endOn: "2023-08-31" },
  }),
  "PATCH /api/campaigns/:id": (f) => ({
    url: `/api/campaigns/${f.otherCampaign.id}`,
    body: { name: "Renamed", version: f.otherCampaign.version },
  }),
  "GET /api/tasks": () => ({ url: "/api/tasks?limit=200" }),
  "GET /api/tasks/:id": (f) => ({ url: `/api/tasks/${f.otherTask.id}` }),
  "POST /api/tasks": (f) => ({ url: "/api/tasks", body: taskBody(f) }),
  "POST /api/tasks/batch": (f) => ({ url: "/api/tasks/batch", body: { tasks: [taskBody(f)] } }),
  "PATCH /api/tasks/:id": (f) => ({ url: `/api/tasks/${f.otherTask.id}`, body: { title: "x", version: f.otherTask.version } }),
  "POST /api/tasks/:id/steps": (f) => ({
    url: `/api/tasks/${f.otherTask.id}/steps`,
    body: { action: "start", version: f.otherTask.version },
  }),
  "POST /api/tasks/:id/light": (f) => ({
    url: `/api/tasks/${f.otherTask.id}/light`,
    body: { light: "green", reason: "checked on site", version: f.otherTask.version },
  }),
  "POST /api/tasks/:id/reports": (f) => ({
    url: `/api/tasks/${f.otherTask.id}/reports`,
    body: { narrative: "done half", percent: 50 },
  }),
  "POST /api/reports/:id/review": (f) => ({ url: `/api/reports/${f.otherReport.id}/review`, body: { decision: "accepted" } }),
  "POST /api/attachments": () => ({ url: "/api/attachments", raw: JPEG }),
  "GET /api/attachments/:id": (f) => ({ url: `/api/attachments/${f.otherAttachment.id}` }),
  "GET /api/my-work": () => ({ url: "/api/my-work" }),
  "GET /api/tasks/ledger": () => ({ url: "/api/tasks/ledger" }),
  "POST /api/milestones/:id/done": (f) => ({ url: `/api/milestones/${f.otherMilestoneId}/done`, body: { doneOn: "2023-06-30" } }),
  "GET /api/settings/light": () => ({ url: "/api/settings/light" }),
  "PUT /api/settings/light": () => ({
    url: "/api/settings/light",
    body: { nearDays: 20, behindPoints: 10, seriouslyBehindPoints: 30, reportGraceDays: 3 },
  }),
  "POST /api/ledger-imports": (f) => ({ url: "/api/ledger-imports", raw: f.ledger }),
  "GET /api/ledger-imports/:id": () => ({ url: "/api/ledger-imports/6f1c1b9e-0000-4000-8000-000000000000" }),
  "GET /api/notices": () => ({ url: "/api/notices" }),
  "GET /api/notices/:id": (f) => ({ url: `/api/notices/${f.otherNoticeId}` }),
  "POST /api/notices": (f) => ({
    url: "/api/notices",
    body: { taskIds: [f.otherTask.id], kind: "urge", body: "Please hurry", replyBy: "2099-01-01" },
  }),
  "POST /api/notices/:id/reply": (f) => ({
    url: `/api/notices/${f.otherNoticeId}/reply`,
    body: { explanation: "Rain", plan: "Finish in May" },
  }),
  "POST /api/notices/:id/read": (f) => ({ url: `/api/notices/${f.otherNoticeId}/read`, body: {} }),
  "GET /api/notifications": () => ({ url: "/api/notifications" }),
  "GET /api/notifications/unread": () => ({ url: "/api/notifications/unread" }),
  "POST /api/notifications/read": () => ({ url: "/api/notifications/read", body: { all: true } }),
  "GET /api/instructions": () => ({ url: "/api/instructions" }),
  "GET /api/instructions/:id": (f) => ({ url: `/api/instructions/${f.otherInstructionId}` }),
  "POST /api/instructions": (f) => ({
    url: "/api/instructions",
    body: { subjectType: "task", subjectId: f.otherTask.id, text: "Finish it before the flood season" },
  }),
  "POST /api/instructions/:id/acknowledge": (f) => ({ url: `/api/instructions/${f.otherInstructionId}/acknowledge`, body: {} }),
  "GET /api/bulletins": () => ({ url: "/api/bulletins" }),
  "GET /api/bulletins/:id": (f) => ({ url: `/api/bulletins/${f.otherBulletinId}` }),
  "GET /api/bulletins/:id/docx": (f) => ({ url: `/api/bulletins/${f.otherBulletinId}/docx` }),
  "POST /api/bulletins": () => ({ url: "/api/bulletins", body: { periodFrom: "2023-01-01", periodTo: "2023-12-31" } }),
  "PATCH /api/bulletins/:id": (f) => ({
    url: `/api/bulletins/${f.otherBulletinId}`,
    body: { opening: "x", version: f.versions.bulletin },
  }),
  "POST /api/bulletins/:id/publish": (f) => ({
    url: `/api/bulletins/${f.otherBulletinId}/publish`,
    body: { version: f.versions.bulletin },
  }),
  "POST /api/bulletins/:id/read": (f) => ({ url: `/api/bulletins/${f.otherBulletinId}/read`, body: {} }),
  "POST /api/bulletin-schedules": () => ({ url: "/api/bulletin-schedules", body: { autoPublish: false } }),
  "GET /api/bulletin-schedules": () => ({ url: "/api/bulletin-schedules" }),
  "POST /api/bulletin-schedules/:id/active": (f) => ({
    url: `/api/bulletin-schedules/${f.otherScheduleId}/active`,
    body: { active: false },
  }),
  "GET /api/settings/supervision": () => ({ url: "/api/settings/supervision" }),
  "PUT /api/settings/supervision": () => ({
    url: "/api/settings/supervision",
    body: {
      dueReminderDays: [5, 1],
      reportReminderDays: 2,
      urgeAfterDays: 1,
      blueAfterDays: 4,
      yellowAfterDays: 8,
      redAfterDays: 16,
      replyDays: 3,
    },
  }),
  "GET /api/supervision/dashboard": () => ({ url: "/api/supervision/dashboard" }),
  "GET /api/units/:id/channels": (f) => ({ url: `/api/units/${f.otherUnit.id}/channels` }),
  "POST /api/units/:id/channels": (f) => ({
    url: `/api/units/${f.otherUnit.id}/channels`,
    body: { kind: "wecom", target: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" },
  }),
  "DELETE /api/units/:id/channels/:channelId": (f) => ({
    url: `/api/units/${f.otherUnit.id}/channels/6f1c1b9e-0000-4000-8000-000000000000`,
  }),
  "GET /api/deliveries": () => ({ url: "/api/deliveries" }),
  "GET /api/projects": () => ({ url: "/api/projects" }),
  "GET /api/projects/:id": (f) => ({ url: `/api/projects/${f.otherProjectId}` }),
  "POST /api/projects": (f) => ({
    url: "/api/projects",
    body: {
      code: `RG-${f.n}`,
      name: "A project",
      regionId: f.region.id,
      leadUnitId: f.otherUnit.id,
      category: "industrial",
      level: "city",
      totalInvestment: 1000,
    },
  }),
  "PATCH /api/projects/:id": (f) => ({
    url: `/api/projects/${f.otherProjectId}`,
    body: { name: "Renamed", version: f.versions.project },
  }),
  "POST /api/projects/:id/reports": (f) => ({
    url: `/api/projects/${f.otherProjectId}/reports`,
    body: { period: "2023-05", amount: 10, narrative: "Piling done" },
  }),
  "GET /api/warnings": () => ({ url: "/api/warnings" }),
  "GET /api/settings/projects": () => ({ url: "/api/settings/projects" }),
  "PUT /api/settings/projects": () => ({
    url: "/api/settings/projects",
    body: {
      warnings: { paceMarginPoints: 10, nodeYellowDays: 30, nodeRedDays: 90, reportDays: 45 },
      nodeTemplates: Object.fromEntries(
        ["industrial", "infrastructure", "social", "agriculture", "ecology", "other"].map((c) => [c, ["start", "completion"]]),
      ),
    },
  }),
  "GET /api/projects/export": () => ({ url: "/api/projects/export" }),
  "POST /api/project-imports": (f) => ({ url: "/api/project-imports", raw: f.projectSheet }),
  "GET /api/regions/:id/map": (f) => ({ url: `/api/regions/${f.region.id}/map` }),
  "PUT /api/regions/:id/map": (f) => ({
    url: `/api/regions/${f.region.id}/map`,
    body: {
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { code: f.childRegionCode },
          geometry: {
            type: "Polygon",
            coordinates: [
              [
                [120, 30],
                [120.1, 30],
                [120.1, 30.1],
                [120, 30],
              ],
            ],
          },
        },
      ],
    },
  }),
  "GET /api/projects/regions": (f) => ({ url: `/api/projects/regions?regionId=${f.region.id}` }),
  "POST /api/deliveries/:id/retry": () => ({ url: "/api/deliveries/1/retry", body: {} }),
  "GET /api/indicators": () => ({ url: "/api/indicators" }),
  "POST /api/indicators": (f) => ({
    url: "/api/indicators",
    body: {
      code: `NEW${f.n}`,
      nameZh: `新指标${f.n}`,
      nameEn: `New indicator ${f.n}`,
      measureUnit: "亿元",
      measureUnitEn: "100 million yuan",
      decimals: 2,
      group: "industry",
      periodKind: "monthly",
      accumulation: "cumulative",
      better: "higher",
      additive: true,
      sourceUnitId: f.otherUnit.id,
      headline: false,
      sortOrder: 1,
      active: true,
    },
  }),
  "GET /api/indicators/:id": (f) => ({ url: `/api/indicators/${f.otherIndicatorId}` }),
  "PATCH /api/indicators/:id": (f) => ({
    url: `/api/indicators/${f.otherIndicatorId}`,
    body: { nameEn: "Renamed", version: f.versions.indicator },
  }),
  "GET /api/indicators/:id/figures": (f) => ({
    url: `/api/indicators/${f.otherIndicatorId}/figures?month=2026-06&regionId=${f.region.id}`,
  }),
  "GET /api/indicators/:id/values": (f) => ({
    url: `/api/indicators/${f.otherIndicatorId}/values?year=2026&regionId=${f.region.id}`,
  }),
  "PUT /api/indicators/:id/values": (f) => ({
    url: `/api/indicators/${f.otherIndicatorId}/values`,
    body: { values: [{ regionId: f.region.id, period: "2026-06", value: 1 }] },
  }),
  "GET /api/indicators/:id/revisions": (f) => ({
    url: `/api/indicators/${f.otherIndicatorId}/revisions?regionId=${f.region.id}&period=2026-06`,
  }),
  "PUT /api/indicators/:id/targets": (f) => ({
    url: `/api/indicators/${f.otherIndicatorId}/targets`,
    body: { year: 2026, targets: [{ regionId: f.region.id, kind: "growth", amount: 6 }] },
  }),
  "POST /api/indicator-imports": (f) => ({ url: `/api/indicator-imports?regionId=${f.region.id}`, raw: f.indicatorSheet }),
  "GET /api/indicator-figures": (f) => ({ url: `/api/indicator-figures?regionId=${f.region.id}` }),
  "GET /api/cockpit": (f) => ({ url: `/api/cockpit?regionId=${f.region.id}` }),
  "GET /api/analyses": () => ({ url: "/api/analyses" }),
  "POST /api/analyses": (f) => ({ url: "/api/analyses", body: { month: "2026-06", regionId: f.region.id } }),
  "GET /api/analyses/:id": (f) => ({ url: `/api/analyses/${f.otherAnalysisId}` }),
  "PATCH /api/analyses/:id": (f) => ({
    url: `/api/analyses/${f.otherAnalysisId}`,
    body: { title: "Renamed", version: f.versions.analysis },
  }),
  "DELETE /api/analyses/:id": (f) => ({ url: `/api/analyses/${f.otherAnalysisId}` }),
  "GET /api/analyses/:id/docx": (f) => ({ url: `/api/analyses/${f.otherAnalysisId}/docx` }),
  "GET /api/evaluations": () => ({ url: "/api/evaluations" }),
  "POST /api/evaluations": (f) => ({ url: "/api/evaluations", body: schemeBody(f) }),
  "GET /api/evaluations/:id": (f) => ({ url: `/api/evaluations/${f.otherSchemeId}` }),
  "PUT /api/evaluations/:id": (f) => ({
    url: `/api/evaluations/${f.otherSchemeId}`,
    body: { ...schemeBody(f), version: f.versions.scheme },
  }),
  "POST /api/evaluations/:id/results": (f) => ({
    url: `/api/evaluations/${f.otherSchemeId}/results`,
    body: { period: "2026-H1" },
  }),
  "GET /api/evaluations/:id/history": (f) => ({ url: `/api/evaluations/${f.otherSchemeId}/history` }),
  "GET /api/evaluation-results/:id": (f) => ({ url: `/api/evaluation-results/${f.otherResultId}` }),
  "POST /api/evaluation-results/:id/publish": (f) => ({ url: `/api/evaluation-results/${f.otherResultId}/publish`, body: {} }),
  "GET /api/evaluations/:id/adjustments": (f) => ({ url: `/api/evaluations/${f.otherSchemeId}/adjustments?period=2026-H1` }),
  "POST /api/evaluations/:id/adjustments": (f) => ({
    url: `/api/evaluations/${f.otherSchemeId}/adjustments`,
    body: { period: "2026-H1", peerId: f.otherUnit.id, points: 2, reason: "Award" },
  }),
  "GET /api/settings/indicators": () => ({ url: "/api/settings/indicators" }),
  "PUT /api/settings/indicators": () => ({ url: "/api/settings/indicators", body: { growthClose: 1, progressClose: 5 } }),
  "GET /api/audit": () => ({ url: "/api/audit" }),
  "GET /api/audit/facets": () => ({ url: "/api/audit/facets" }),
};

export const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** Sends the route's example, aimed at the fixture's records. */
export function send(agent: Agent, route: { method: string; url: string }, fixture: Fixture) {
  const ex = EXAMPLES[key(route)](fixture);
  if (ex.raw)
    return agent.request(route.method as "POST", ex.url, ex.raw, {
      "content-type": "application/octet-stream",
      "x-file-name": "photo.jpg",
    });
  return agent.request(route.method as "GET", ex.url, ex.body);
}
