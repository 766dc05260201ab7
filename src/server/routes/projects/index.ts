import { eq } from "drizzle-orm";
import type { Queryable } from "../../../db/connection.js";
import { regions, units } from "../../../db/schema.js";
import type { Locale } from "../../../domain/people.js";
import { DEFAULT_NODE_TEMPLATES, DEFAULT_WARNING_SETTINGS } from "../../../domain/projects.js";
import type { Actor } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import {
  projectCreate,
  projectExportQuery,
  projectImportOut,
  projectListQuery,
  projectOut,
  projectPage,
  projectRegionsOut,
  projectRegionsQuery,
  projectReportIn,
  projectSettingsIn,
  projectSettingsOut,
  projectUpdate,
  warningListOut,
  warningListQuery,
} from "../../../schemas/projects.js";
import { todayIso } from "../../clock.js";
import { importProjectSheets } from "../../commands/import-project-sheets.js";
import { refreshAllProjectWarnings } from "../../commands/refresh-project-warnings.js";
import { reportProjectMonth } from "../../commands/report-project-month.js";
import { createProject, updateProject } from "../../commands/save-project.js";
import { saveProjectSettings } from "../../commands/save-project-settings.js";
import type { ActingContext } from "../../context.js";
import { badRequest } from "../../errors.js";
import { keptCount, scopeKey } from "../../lag-cache.js";
import { translate } from "../../messages.js";
import { authorize, can } from "../../policies/index.js";
import { presentProject, presentProjectSummary } from "../../presenters/project.js";
import { writeProjectWorkbook } from "../../projects-excel/export-projects.js";
import { planProjectSheets } from "../../projects-excel/project-sheets.js";
import { projectRegions } from "../../queries/project-regions.js";
import { listWarnings } from "../../queries/project-warnings.js";
import {
  type LoadedProject,
  listProjects,
  listProjectsInFull,
  loadProject,
  projectDetail,
  scopedProject,
} from "../../queries/projects.js";
import { nodeTemplates, projectWarningSettings } from "../../queries/settings.js";
import { readWorkbook } from "../../sheets/workbook.js";
import type { RoutePlugin } from "../types.js";

const tags = ["projects"];

async function projectView(db: Queryable, id: string, actor: Actor) {
  const p = await loadProject(db, id);
  const scoped = scopedProject(p);
  return presentProject(p, await projectDetail(db, p), {
    update: can(actor, "project", "update", scoped),
    report: can(actor, "project", "report", scoped),
  });
}

/** The lead unit as scope sees it, to check an office may put a project under it. */
async function leadScope(db: Queryable, unitId: string) {
  const [u] = await db
    .select({ id: units.id, regionPath: regions.path })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(units.id, unitId));
  if (!u) throw badRequest("leadUnitId", "not_found");
  return { lead: u };
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;

export const projectRoutes: RoutePlugin = async (app, { database, config, lagCache }) => {
  const { db } = database;
  app.addContentTypeParser(
    ["application/octet-stream", XLSX],
    { parseAs: "buffer", bodyLimit: config.maxLedgerBytes },
    (_req, body, done) => done(null, body),
  );

  // The filtered library and the year's monthly figures as a workbook, in the offices' layout.
  app.get("/api/projects/export", { schema: { tags, querystring: projectExportQuery } }, async (req, reply) => {
    authorize(req.ctx, "project", "list");
    const { year: askedYear, ...filters } = req.query;
    const year = askedYear ?? Number(todayIso().slice(0, 4));
    const all: LoadedProject[] = [];
    let cursor: string | undefined;
    do {
      const page = await listProjectsInFull(db, req.ctx.actor, { ...filters, limit: 200, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && all.length < 100_000);
    const buffer = await writeProjectWorkbook(db, all, year, req.ctx.locale as Locale);
    const name = `${req.ctx.locale === "en" ? "project-library" : "项目库"}-${todayIso()}.xlsx`;
    return reply
      .header("content-type", XLSX)
      .header("content-disposition", `attachment; filename="project-library.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buffer);
  });

  // A project library or monthly investment workbook: every row checked first; one bad row and nothing is written.
  app.post("/api/project-imports", { schema: { tags, response: { 200: projectImportOut } } }, async (req) => {
    authorize(req.ctx, "project", "create");
    const ctx = req.ctx as ActingContext;
    const content = req.body as unknown;
    if (!Buffer.isBuffer(content) || !isZip(content)) throw badRequest("file", "ledger_not_xlsx");
    let sheets: Awaited<ReturnType<typeof readWorkbook>>;
    try {
      sheets = await readWorkbook(content);
    } catch {
      throw badRequest("file", "ledger_unreadable");
    }
    return db.transaction(async (tx) => {
      const plan = await planProjectSheets(tx, ctx.actor, sheets);
      if (plan.problems.length) {
        const error = badRequest("file", "sheet_rows", { count: plan.problems.length });
        error.extra = {
          problems: plan.problems.slice(0, 1000).map((p) => ({ ...p, reason: translate(p.reason, ctx.locale as Locale) })),
        };
        throw error;
      }
      return importProjectSheets(ctx, plan, tx);
    });
  });

  app.get("/api/projects", { schema: { tags, querystring: projectListQuery, response: { 200: projectPage } } }, async (req) => {
    authorize(req.ctx, "project", "list");
    // The count is kept a few seconds for lag (paging on does not count again); rows are always fresh.
    const page = await listProjects(db, req.ctx.actor, req.query, keptCount(lagCache, "projects", req.ctx.actor, req.query));
    return { ...page, items: page.items.map(presentProjectSummary) };
  });

  // Investment by region for a year, one level below a region (default: the reader's own).
  app.get(
    "/api/projects/regions",
    { schema: { tags, querystring: projectRegionsQuery, response: { 200: projectRegionsOut } } },
    async (req) => {
      authorize(req.ctx, "project", "list");
      const actor = req.ctx.actor;
      const year = req.query.year ?? Number(todayIso().slice(0, 4));
      // Sums over thousands of projects that move monthly: read from the replica when there is one,
      // and kept a few seconds for readers of the same scope.
      const regionId = req.query.regionId ?? actor.regionId;
      return lagCache.get(`project-regions|${scopeKey(actor)}|${regionId}|${year}`, () =>
        projectRegions(database.reader, actor, regionId, year),
      );
    },
  );

  app.get("/api/projects/:id", { schema: { tags, params: idParams, response: { 200: projectOut } } }, async (req) => {
    const p = await loadProject(db, req.params.id);
    authorize(req.ctx, "project", "read", scopedProject(p));
    return projectView(db, p.id, req.ctx.actor);
  });

  app.post("/api/projects", { schema: { tags, body: projectCreate, response: { 201: projectOut } } }, async (req, reply) => {
    authorize(req.ctx, "project", "create");
    const ctx = req.ctx as ActingContext;
    const row = await db.transaction(async (tx) => {
      authorize(ctx, "project", "update", await leadScope(tx, req.body.leadUnitId));
      return createProject(ctx, req.body, tx);
    });
    return reply.code(201).send(await projectView(db, row.id, ctx.actor));
  });

  app.patch(
    "/api/projects/:id",
    { schema: { tags, params: idParams, body: projectUpdate, response: { 200: projectOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const p = await loadProject(tx, req.params.id);
        authorize(ctx, "project", "update", scopedProject(p));
        if (req.body.leadUnitId && req.body.leadUnitId !== p.leadUnitId)
          authorize(ctx, "project", "update", await leadScope(tx, req.body.leadUnitId));
        await updateProject(ctx, { project: p, patch: req.body }, tx);
      });
      return projectView(db, req.params.id, ctx.actor);
    },
  );

  // The lead unit's monthly report: investment, visible progress, photos and videos, nodes reached.
  app.post(
    "/api/projects/:id/reports",
    { schema: { tags, params: idParams, body: projectReportIn, response: { 200: projectOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const p = await loadProject(tx, req.params.id);
        authorize(ctx, "project", "report", scopedProject(p));
        await reportProjectMonth(ctx, { project: p, report: req.body }, tx);
      });
      return projectView(db, req.params.id, ctx.actor);
    },
  );

  app.get("/api/settings/projects", { schema: { tags, response: { 200: projectSettingsOut } } }, async (req) => {
    authorize(req.ctx, "settings", "read");
    return {
      warnings: await projectWarningSettings(db),
      nodeTemplates: await nodeTemplates(db),
      defaults: { warnings: DEFAULT_WARNING_SETTINGS, nodeTemplates: DEFAULT_NODE_TEMPLATES },
      canEdit: can(req.ctx.actor, "settings", "update"),
    };
  });

  // Admins set the warning margins and each category's nodes; every project's warnings follow at once.
  app.put(
    "/api/settings/projects",
    { schema: { tags, body: projectSettingsIn, response: { 200: projectSettingsOut } } },
    async (req) => {
      authorize(req.ctx, "settings", "update");
      const ctx = req.ctx as ActingContext;
      await db.transaction((tx) => saveProjectSettings(ctx, req.body, tx));
      await refreshAllProjectWarnings(db);
      return {
        warnings: await projectWarningSettings(db),
        nodeTemplates: await nodeTemplates(db),
        defaults: { warnings: DEFAULT_WARNING_SETTINGS, nodeTemplates: DEFAULT_NODE_TEMPLATES },
        canEdit: true,
      };
    },
  );

  // Early warnings across the projects in scope, open ones by default, with their history.
  app.get(
    "/api/warnings",
    { schema: { tags, querystring: warningListQuery, response: { 200: warningListOut } } },
    async (req) => {
      authorize(req.ctx, "project", "list");
      return listWarnings(db, req.ctx.actor, req.query);
    },
  );
};
