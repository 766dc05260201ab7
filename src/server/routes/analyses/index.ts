import { and, desc, eq, lt } from "drizzle-orm";
import type { Queryable } from "../../../db/connection.js";
import { type AnalysisRow, analyses, regions, units, users } from "../../../db/schema.js";
import type { AnalysisFigures } from "../../../domain/analysis.js";
import type { Actor } from "../../../domain/scope.js";
import { analysisCreate, analysisListQuery, analysisOut, analysisPage, analysisUpdate } from "../../../schemas/analyses.js";
import { idParams, okBody } from "../../../schemas/common.js";
import { todayIso } from "../../clock.js";
import { createAnalysis } from "../../commands/draft-analysis.js";
import { deleteAnalysis, updateAnalysis } from "../../commands/update-analysis.js";
import type { ActingContext } from "../../context.js";
import { analysisDocx } from "../../docx/analysis-docx.js";
import { notFound } from "../../errors.js";
import { authorize, can } from "../../policies/index.js";
import { decodeCursor, pageFrom } from "../../queries/paging.js";
import type { RoutePlugin } from "../types.js";

const tags = ["indicators"];

async function load(db: Queryable, id: string) {
  const [row] = await db
    .select({ a: analyses, regionName: regions.name })
    .from(analyses)
    .innerJoin(regions, eq(regions.id, analyses.regionId))
    .where(eq(analyses.id, id));
  if (!row) throw notFound();
  return row;
}

const summary = ({ a, regionName }: { a: AnalysisRow; regionName: string }) => ({
  id: a.id,
  number: a.number,
  title: a.title,
  period: a.period,
  region: { id: a.regionId, name: regionName },
  locale: a.locale,
  createdByName: a.createdByName,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

const present = (row: { a: AnalysisRow; regionName: string }, actor: Actor) => ({
  ...summary(row),
  figures: row.a.figures as AnalysisFigures,
  sections: row.a.sections as { heading: string; paragraphs: string[] }[],
  version: row.a.version,
  abilities: { update: can(actor, "analysis", "update"), delete: can(actor, "analysis", "delete") },
});

export const analysisRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/analyses", { schema: { tags, querystring: analysisListQuery, response: { 200: analysisPage } } }, async (req) => {
    authorize(req.ctx, "analysis", "list");
    const after = decodeCursor(req.query.cursor);
    const where = and(
      req.query.month ? eq(analyses.period, req.query.month) : undefined,
      after ? lt(analyses.number, Number(after[1])) : undefined,
    );
    const rows = await db
      .select({ a: analyses, regionName: regions.name })
      .from(analyses)
      .innerJoin(regions, eq(regions.id, analyses.regionId))
      .where(where)
      .orderBy(desc(analyses.number))
      .limit(req.query.limit + 1);
    const page = pageFrom(rows, req.query.limit, (r) => [null, r.a.number]);
    const total = await db.$count(analyses, req.query.month ? eq(analyses.period, req.query.month) : undefined);
    return { ...page, items: page.items.map(summary), total };
  });

  app.post("/api/analyses", { schema: { tags, body: analysisCreate, response: { 201: analysisOut } } }, async (req, reply) => {
    authorize(req.ctx, "analysis", "create");
    const ctx = req.ctx as ActingContext;
    const id = await db.transaction((tx) => createAnalysis(ctx, req.body.month, req.body.regionId ?? ctx.actor.regionId, tx));
    return reply.code(201).send(present(await load(db, id), ctx.actor));
  });

  app.get("/api/analyses/:id", { schema: { tags, params: idParams, response: { 200: analysisOut } } }, async (req) => {
    authorize(req.ctx, "analysis", "read");
    return present(await load(db, req.params.id), req.ctx.actor!);
  });

  app.patch(
    "/api/analyses/:id",
    { schema: { tags, params: idParams, body: analysisUpdate, response: { 200: analysisOut } } },
    async (req) => {
      authorize(req.ctx, "analysis", "update");
      const ctx = req.ctx as ActingContext;
      await db.transaction((tx) => updateAnalysis(ctx, req.params.id, req.body, tx));
      return present(await load(db, req.params.id), ctx.actor);
    },
  );

  app.delete("/api/analyses/:id", { schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    authorize(req.ctx, "analysis", "delete");
    const ctx = req.ctx as ActingContext;
    await db.transaction((tx) => deleteAnalysis(ctx, req.params.id, tx));
    return { ok: true as const };
  });

  // The analysis as edited, in official-document layout, with the figures' table as an annex.
  app.get("/api/analyses/:id/docx", { schema: { tags, params: idParams } }, async (req, reply) => {
    authorize(req.ctx, "analysis", "read");
    const row = await load(db, req.params.id);
    // Issued by the office of whoever drafted it, whoever downloads it.
    const [unit] = await db
      .select({ name: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.id, row.a.createdBy ?? req.ctx.actor!.id));
    const buffer = await analysisDocx(
      {
        title: row.a.title,
        issuer: unit?.name ?? "",
        dated: todayIso(),
        figures: row.a.figures as AnalysisFigures,
        sections: row.a.sections as { heading: string; paragraphs: string[] }[],
      },
      row.a.locale === "en" ? "en" : "zh-CN",
    );
    const name = `${row.a.title}.docx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header(
        "content-disposition",
        `attachment; filename="analysis-${row.a.number}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .send(buffer);
  });
};
