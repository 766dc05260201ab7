import { eq } from "drizzle-orm";
import type { Queryable } from "../../../db/connection.js";
import { regions, units } from "../../../db/schema.js";
import type { Actor } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import {
  projectCreate,
  projectListQuery,
  projectOut,
  projectPage,
  projectRegionsOut,
  projectRegionsQuery,
  projectReportIn,
  projectUpdate,
  warningListOut,
  warningListQuery,
} from "../../../schemas/projects.js";
import { todayIso } from "../../clock.js";
import { reportProjectMonth } from "../../commands/report-project-month.js";
import { createProject, updateProject } from "../../commands/save-project.js";
import type { ActingContext } from "../../context.js";
import { badRequest } from "../../errors.js";
import { authorize, can } from "../../policies/index.js";
import { presentProject, presentProjectSummary } from "../../presenters/project.js";
import { projectRegions } from "../../queries/project-regions.js";
import { listWarnings } from "../../queries/project-warnings.js";
import { listProjects, loadProject, projectDetail, scopedProject } from "../../queries/projects.js";
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

export const projectRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/projects", { schema: { tags, querystring: projectListQuery, response: { 200: projectPage } } }, async (req) => {
    authorize(req.ctx, "project", "list");
    const page = await listProjects(db, req.ctx.actor, req.query);
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
      return projectRegions(db, actor, req.query.regionId ?? actor.regionId, year);
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
