import { and, asc, desc, eq } from "drizzle-orm";
import type { Queryable } from "../../../db/connection.js";
import { attachments, evaluationAdjustments, evaluationResults, evaluationSchemes, units } from "../../../db/schema.js";
import { periodRange } from "../../../domain/evaluation.js";
import type { Actor } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import {
  adjustmentIn,
  adjustmentOut,
  adjustmentsQuery,
  computeIn,
  historyOut,
  resultOut,
  schemeCreate,
  schemeList,
  schemeOut,
  schemeUpdate,
} from "../../../schemas/evaluations.js";
import { writeAudit } from "../../audit.js";
import { computeEvaluation, publishEvaluation, type ResultContent } from "../../commands/compute-evaluation.js";
import { createScheme, updateScheme } from "../../commands/save-evaluation-scheme.js";
import type { ActingContext } from "../../context.js";
import { badRequest, notFound } from "../../errors.js";
import { authorize, can } from "../../policies/index.js";
import {
  loadScheme,
  schemeCriteria,
  schemeHistory,
  schemePeers,
  schemePeriods,
  scopedScheme,
} from "../../queries/evaluations.js";
import type { RoutePlugin } from "../types.js";

const tags = ["evaluations"];

async function schemeView(db: Queryable, id: string, actor: Actor) {
  const s = await loadScheme(db, id);
  const [criteria, peers, periods] = await Promise.all([schemeCriteria(db, id), schemePeers(db, s), schemePeriods(db, id)]);
  const may = can(actor, "evaluation", "update", scopedScheme(s));
  return {
    id: s.id,
    name: s.name,
    period: s.period,
    peerKind: s.peerKind,
    ownerUnit: { id: s.ownerUnitId, name: s.ownerName },
    redFlags: s.redFlags,
    yellowFlags: s.yellowFlags,
    active: s.active,
    version: s.version,
    peers: peers.map((p) => ({ peerId: p.peerId, name: p.name, group: p.group })),
    criteria: criteria.map(({ c, indicatorName }) => ({
      id: c.id,
      name: c.name,
      source: c.source,
      indicatorId: c.indicatorId,
      indicatorName,
      weight: c.weight,
      method: c.method,
      better: c.better === "lower" ? ("lower" as const) : ("higher" as const),
      missing: c.missing,
      target: c.target,
    })),
    periods,
    abilities: { update: may, compute: may },
  };
}

async function resultView(db: Queryable, id: string, actor: Actor) {
  const [r] = await db.select().from(evaluationResults).where(eq(evaluationResults.id, id));
  if (!r) throw notFound();
  const s = await loadScheme(db, r.schemeId);
  const may = can(actor, "evaluation", "update", scopedScheme(s));
  const content = r.content as ResultContent;
  return {
    id: r.id,
    number: r.number,
    schemeId: s.id,
    schemeName: s.name,
    period: r.period,
    ...content,
    version: r.version,
    state: r.state,
    correction: r.correction,
    computedAt: r.computedAt,
    publishedAt: r.publishedAt,
    abilities: { publish: may && r.state === "draft", recompute: may },
  };
}

export const evaluationRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/evaluations", { schema: { tags, response: { 200: schemeList } } }, async (req) => {
    authorize(req.ctx, "evaluation", "list");
    const rows = await db
      .select({ id: evaluationSchemes.id })
      .from(evaluationSchemes)
      .innerJoin(units, eq(units.id, evaluationSchemes.ownerUnitId))
      .orderBy(desc(evaluationSchemes.active), asc(evaluationSchemes.name));
    return { items: await Promise.all(rows.map((r) => schemeView(db, r.id, req.ctx.actor!))) };
  });

  app.post("/api/evaluations", { schema: { tags, body: schemeCreate, response: { 201: schemeOut } } }, async (req, reply) => {
    authorize(req.ctx, "evaluation", "create");
    const ctx = req.ctx as ActingContext;
    const id = await db.transaction((tx) => createScheme(ctx, req.body, tx));
    return reply.code(201).send(await schemeView(db, id, ctx.actor));
  });

  app.get("/api/evaluations/:id", { schema: { tags, params: idParams, response: { 200: schemeOut } } }, async (req) => {
    authorize(req.ctx, "evaluation", "read");
    return schemeView(db, req.params.id, req.ctx.actor!);
  });

  app.put(
    "/api/evaluations/:id",
    { schema: { tags, params: idParams, body: schemeUpdate, response: { 200: schemeOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      authorize(req.ctx, "evaluation", "update", scopedScheme(await loadScheme(db, req.params.id)));
      await db.transaction((tx) => updateScheme(ctx, req.params.id, req.body, tx));
      return schemeView(db, req.params.id, ctx.actor);
    },
  );

  // Computes (or computes again) the period's draft; a published period takes a correction as its next version.
  app.post(
    "/api/evaluations/:id/results",
    { schema: { tags, params: idParams, body: computeIn, response: { 201: resultOut } } },
    async (req, reply) => {
      const scheme = await loadScheme(db, req.params.id);
      authorize(req.ctx, "evaluation", "update", scopedScheme(scheme));
      const ctx = req.ctx as ActingContext;
      const id = await db.transaction((tx) => computeEvaluation(ctx, scheme, req.body.period, req.body.correction, tx));
      return reply.code(201).send(await resultView(db, id, ctx.actor));
    },
  );

  // Who held the flags, period by period.
  app.get("/api/evaluations/:id/history", { schema: { tags, params: idParams, response: { 200: historyOut } } }, async (req) => {
    authorize(req.ctx, "evaluation", "read");
    await loadScheme(db, req.params.id);
    return { items: await schemeHistory(db, req.params.id) };
  });

  app.get("/api/evaluation-results/:id", { schema: { tags, params: idParams, response: { 200: resultOut } } }, async (req) => {
    authorize(req.ctx, "evaluation", "read");
    return resultView(db, req.params.id, req.ctx.actor!);
  });

  app.post(
    "/api/evaluation-results/:id/publish",
    { schema: { tags, params: idParams, response: { 200: resultOut } } },
    async (req) => {
      const [r] = await db
        .select({ schemeId: evaluationResults.schemeId })
        .from(evaluationResults)
        .where(eq(evaluationResults.id, req.params.id));
      if (!r) throw notFound();
      authorize(req.ctx, "evaluation", "update", scopedScheme(await loadScheme(db, r.schemeId)));
      const ctx = req.ctx as ActingContext;
      await db.transaction((tx) => publishEvaluation(ctx, req.params.id, tx));
      return resultView(db, req.params.id, ctx.actor);
    },
  );

  app.get(
    "/api/evaluations/:id/adjustments",
    { schema: { tags, params: idParams, querystring: adjustmentsQuery, response: { 200: adjustmentOut.array() } } },
    async (req) => {
      authorize(req.ctx, "evaluation", "read");
      await loadScheme(db, req.params.id);
      return db
        .select()
        .from(evaluationAdjustments)
        .where(and(eq(evaluationAdjustments.schemeId, req.params.id), eq(evaluationAdjustments.period, req.query.period)))
        .orderBy(asc(evaluationAdjustments.createdAt));
    },
  );

  // A bonus or penalty with its reason: it counts from the next computation of the period.
  app.post(
    "/api/evaluations/:id/adjustments",
    { schema: { tags, params: idParams, body: adjustmentIn, response: { 201: adjustmentOut } } },
    async (req, reply) => {
      const scheme = await loadScheme(db, req.params.id);
      authorize(req.ctx, "evaluation", "update", scopedScheme(scheme));
      const ctx = req.ctx as ActingContext;
      if (!periodRange(req.body.period)) throw badRequest("period", "evaluation_period_invalid");
      const peers = await schemePeers(db, scheme);
      if (!peers.some((p) => p.peerId === req.body.peerId)) throw badRequest("peerId", "not_found");
      if (req.body.attachmentId) {
        // Evidence is a file its author uploaded: nobody attaches another person's file to make it public.
        const [file] = await db
          .select({ createdBy: attachments.createdBy })
          .from(attachments)
          .where(eq(attachments.id, req.body.attachmentId));
        if (!file || file.createdBy !== ctx.actor.id) throw badRequest("attachmentId", "not_found");
      }
      const row = await db.transaction(async (tx) => {
        const [a] = await tx
          .insert(evaluationAdjustments)
          .values({ ...req.body, schemeId: scheme.id, createdBy: ctx.actor.id, createdByName: ctx.actor.displayName })
          .returning();
        await writeAudit(tx, ctx, { action: "evaluation.adjust", entityType: "evaluation", entityId: scheme.id, after: a });
        return a;
      });
      return reply.code(201).send(row);
    },
  );
};
