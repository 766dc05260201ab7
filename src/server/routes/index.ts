import { analysisRoutes } from "./analyses/index.js";
import { attachmentRoutes } from "./attachments/index.js";
import { auditRoutes } from "./audit/index.js";
import { authRoutes } from "./auth/index.js";
import { bulletinRoutes } from "./bulletins/index.js";
import { campaignRoutes } from "./campaigns/index.js";
import { cockpitRoutes } from "./cockpit/index.js";
import { directiveRoutes } from "./directives/index.js";
import { evaluationRoutes } from "./evaluations/index.js";
import { healthRoutes } from "./health/index.js";
import { inboxRoutes } from "./inbox/index.js";
import { indicatorImportRoutes } from "./indicators/imports.js";
import { indicatorRoutes } from "./indicators/index.js";
import { instructionRoutes } from "./instructions/index.js";
import { ledgerRoutes } from "./ledgers/index.js";
import { meetingRoutes } from "./meetings/index.js";
import { milestoneRoutes } from "./milestones/index.js";
import { myWorkRoutes } from "./my-work/index.js";
import { noticeRoutes } from "./notices/index.js";
import { projectRoutes } from "./projects/index.js";
import { regionMapRoutes } from "./region-maps/index.js";
import { regionRoutes } from "./regions/index.js";
import { reportRoutes } from "./reports/index.js";
import { settingsRoutes } from "./settings/index.js";
import { supervisionRoutes } from "./supervision/index.js";
import { taskRoutes } from "./tasks/index.js";
import type { RoutePlugin } from "./types.js";
import { unitRoutes } from "./units/index.js";
import { userRoutes } from "./users/index.js";

export const registerRoutes: RoutePlugin = async (app, deps) => {
  for (const routes of [
    healthRoutes,
    authRoutes,
    regionRoutes,
    unitRoutes,
    userRoutes,
    auditRoutes,
    meetingRoutes,
    directiveRoutes,
    campaignRoutes,
    taskRoutes,
    reportRoutes,
    attachmentRoutes,
    myWorkRoutes,
    ledgerRoutes,
    settingsRoutes,
    milestoneRoutes,
    noticeRoutes,
    inboxRoutes,
    instructionRoutes,
    bulletinRoutes,
    supervisionRoutes,
    projectRoutes,
    regionMapRoutes,
    indicatorRoutes,
    indicatorImportRoutes,
    cockpitRoutes,
    analysisRoutes,
    evaluationRoutes,
  ])
    await app.register(routes, deps);
};
