import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../../db/connection.js";
import { bulletinSchedules, campaigns, regions, units } from "../../../db/schema.js";
import { isWithin, type Locale } from "../../../domain/people.js";
import { type Actor, hasRole } from "../../../domain/scope.js";
import {
  bulletinCreate,
  bulletinListQuery,
  bulletinOut,
  bulletinPage,
  bulletinPublish,
  bulletinUpdate,
  scheduleActive,
  scheduleCreate,
  scheduleList,
  scheduleOut,
} from "../../../schemas/bulletins.js";
import { idParams, okBody } from "../../../schemas/common.js";
import { writeAudit } from "../../audit.js";
import { bulletinDocx } from "../../bulletins/bulletin-docx.js";
import { generateBulletin } from "../../commands/generate-bulletin.js";
import { publishBulletin } from "../../commands/publish-bulletin.js";
import { readBulletin } from "../../commands/read-bulletin.js";
import { updateBulletin } from "../../commands/update-bulletin.js";
import type { ActingContext } from "../../context.js";
import { badRequest, notFound } from "../../errors.js";
import { outboxOptions } from "../../notify/notify.js";
import { authorize, can } from "../../policies/index.js";
import { presentBulletin, presentBulletinSummary } from "../../presenters/bulletin.js";
import { bulletinReceipts, listBulletins, loadBulletin, scopedBulletin } from "../../queries/bulletins.js";
import type { RoutePlugin } from "../types.js";

const tags = ["bulletins"];
const issuerRegion = alias(regions, "issuer_region");

const presentSchedule = (s: typeof bulletinSchedules.$inferSelect, issuer: string, region: string) => ({
  id: s.id,
  issuer: { id: s.issuerUnitId, name: issuer },
  region: { id: s.regionId, name: region },
  autoPublish: s.autoPublish,
  active: s.active,
  createdAt: s.createdAt,
});

/** An office reports on its own region and those below it; admins on any. */
const regionInReach = (actor: Actor, path: string) => hasRole(actor, "admin") || isWithin(path, actor.regionPath);

async function bulletinView(db: Queryable, id: string, actor: Actor) {
  const b = await loadBulletin(db, id);
  return presentBulletin(b, await bulletinReceipts(db, id), can(actor, "bulletin", "update", scopedBulletin(b)));
}

export const bulletinRoutes: RoutePlugin = async (app, { database, config }) => {
  const { db } = database;
  const outbox = outboxOptions(config);

  app.get(
    "/api/bulletins",
    { schema: { tags, querystring: bulletinListQuery, response: { 200: bulletinPage } } },
    async (req) => {
      authorize(req.ctx, "bulletin", "list");
      const page = await listBulletins(db, req.ctx.actor, req.query);
      return { ...page, items: page.items.map(presentBulletinSummary) };
    },
  );

  app.get("/api/bulletins/:id", { schema: { tags, params: idParams, response: { 200: bulletinOut } } }, async (req) => {
    const b = await loadBulletin(db, req.params.id);
    authorize(req.ctx, "bulletin", "read", scopedBulletin(b));
    return bulletinView(db, b.id, req.ctx.actor);
  });

  // Generates a draft for a period over the office's region (or a region below it), optionally one campaign.
  app.post("/api/bulletins", { schema: { tags, body: bulletinCreate, response: { 201: bulletinOut } } }, async (req, reply) => {
    authorize(req.ctx, "bulletin", "create");
    const ctx = req.ctx as ActingContext;
    const row = await db.transaction(async (tx) => {
      const [issuer] = await tx.select().from(units).where(eq(units.id, ctx.actor.unitId));
      const regionId = req.body.regionId ?? issuer.regionId;
      const [region] = await tx.select().from(regions).where(eq(regions.id, regionId));
      if (!region) throw badRequest("regionId", "not_found");
      if (!regionInReach(ctx.actor, region.path)) throw badRequest("regionId", "region_out_of_scope");
      if (req.body.campaignId) {
        const [campaign] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, req.body.campaignId));
        if (!campaign) throw badRequest("campaignId", "not_found");
      }
      return generateBulletin(
        ctx,
        {
          issuerUnitId: issuer.id,
          issuerName: issuer.name,
          regionId,
          campaignId: req.body.campaignId ?? null,
          periodFrom: req.body.periodFrom,
          periodTo: req.body.periodTo,
          title: req.body.title,
          locale: ctx.locale as Locale,
        },
        tx,
      );
    });
    return reply.code(201).send(await bulletinView(db, row.id, ctx.actor));
  });

  app.patch(
    "/api/bulletins/:id",
    { schema: { tags, params: idParams, body: bulletinUpdate, response: { 200: bulletinOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const b = await loadBulletin(tx, req.params.id);
        authorize(ctx, "bulletin", "update", scopedBulletin(b));
        await updateBulletin(ctx, b, req.body, tx);
      });
      return bulletinView(db, req.params.id, ctx.actor);
    },
  );

  app.post(
    "/api/bulletins/:id/publish",
    { schema: { tags, params: idParams, body: bulletinPublish, response: { 200: bulletinOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const b = await loadBulletin(tx, req.params.id);
        authorize(ctx, "bulletin", "update", scopedBulletin(b));
        await publishBulletin(ctx, { bulletin: b, version: req.body.version, outbox }, tx);
      });
      return bulletinView(db, req.params.id, ctx.actor);
    },
  );

  // A recipient unit's reader signs for it.
  app.post("/api/bulletins/:id/read", { schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    const ctx = req.ctx as ActingContext;
    await db.transaction(async (tx) => {
      const b = await loadBulletin(tx, req.params.id);
      authorize(ctx, "bulletin", "receipt", scopedBulletin(b));
      await readBulletin(ctx, b, tx);
    });
    return { ok: true as const };
  });

  app.get("/api/bulletins/:id/docx", { schema: { tags, params: idParams } }, async (req, reply) => {
    const b = await loadBulletin(db, req.params.id);
    authorize(req.ctx, "bulletin", "read", scopedBulletin(b));
    const buffer = await bulletinDocx(
      {
        number: b.number,
        title: b.title,
        issuer: b.issuerName,
        dated: (b.publishedAt ?? b.generatedAt).slice(0, 10),
        opening: b.opening,
        closing: b.closing,
        content: b.content as never,
        draft: b.state === "draft",
      },
      req.ctx.locale as Locale,
      outbox.publicUrl,
    );
    const name = `${b.title}.docx`;
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
      .header(
        "content-disposition",
        `attachment; filename="bulletin-${b.number}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .send(buffer);
  });

  // Monthly schedules: the jobs make last month's bulletin on the first pass of each month.
  app.post(
    "/api/bulletin-schedules",
    { schema: { tags, body: scheduleCreate, response: { 201: scheduleOut } } },
    async (req, reply) => {
      authorize(req.ctx, "bulletin", "create");
      const ctx = req.ctx as ActingContext;
      const out = await db.transaction(async (tx) => {
        const [issuer] = await tx.select().from(units).where(eq(units.id, ctx.actor.unitId));
        const [region] = await tx
          .select()
          .from(regions)
          .where(eq(regions.id, req.body.regionId ?? issuer.regionId));
        if (!region) throw badRequest("regionId", "not_found");
        if (!regionInReach(ctx.actor, region.path)) throw badRequest("regionId", "region_out_of_scope");
        const [s] = await tx
          .insert(bulletinSchedules)
          .values({ issuerUnitId: issuer.id, regionId: region.id, autoPublish: req.body.autoPublish, createdBy: ctx.actor.id })
          .returning();
        await writeAudit(tx, ctx, {
          action: "bulletin_schedule.create",
          entityType: "bulletin_schedule",
          entityId: s.id,
          after: s,
        });
        return presentSchedule(s, issuer.name, region.name);
      });
      return reply.code(201).send(out);
    },
  );

  app.get("/api/bulletin-schedules", { schema: { tags, response: { 200: scheduleList } } }, async (req) => {
    authorize(req.ctx, "bulletin", "create");
    const actor = req.ctx.actor;
    const rows = await db
      .select({ s: bulletinSchedules, issuer: units.name, region: regions.name, issuerPath: issuerRegion.path })
      .from(bulletinSchedules)
      .innerJoin(units, eq(units.id, bulletinSchedules.issuerUnitId))
      .innerJoin(issuerRegion, eq(issuerRegion.id, units.regionId))
      .innerJoin(regions, eq(regions.id, bulletinSchedules.regionId))
      .orderBy(desc(bulletinSchedules.createdAt));
    return {
      items: rows
        .filter((r) =>
          can(actor, "bulletin", "update", {
            issuer: { id: r.s.issuerUnitId, regionPath: r.issuerPath },
            published: false,
            recipientIds: [],
          }),
        )
        .map((r) => presentSchedule(r.s, r.issuer, r.region)),
    };
  });

  // Stops (or restarts) a monthly schedule.
  app.post(
    "/api/bulletin-schedules/:id/active",
    { schema: { tags, params: idParams, body: scheduleActive, response: { 200: scheduleOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ s: bulletinSchedules, issuer: units.name, region: regions.name, issuerPath: issuerRegion.path })
          .from(bulletinSchedules)
          .innerJoin(units, eq(units.id, bulletinSchedules.issuerUnitId))
          .innerJoin(issuerRegion, eq(issuerRegion.id, units.regionId))
          .innerJoin(regions, eq(regions.id, bulletinSchedules.regionId))
          .where(eq(bulletinSchedules.id, req.params.id));
        if (!row) {
          authorize(ctx, "bulletin", "create");
          throw notFound();
        }
        authorize(ctx, "bulletin", "update", {
          issuer: { id: row.s.issuerUnitId, regionPath: row.issuerPath },
          published: false,
          recipientIds: [],
        });
        const [s] = await tx
          .update(bulletinSchedules)
          .set({ active: req.body.active })
          .where(eq(bulletinSchedules.id, row.s.id))
          .returning();
        await writeAudit(tx, ctx, {
          action: "bulletin_schedule.active",
          entityType: "bulletin_schedule",
          entityId: s.id,
          before: row.s,
          after: s,
        });
        return presentSchedule(s, row.issuer, row.region);
      });
    },
  );
};
