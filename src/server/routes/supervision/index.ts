import { and, count, desc, eq, lt, sql } from "drizzle-orm";
import { channels, deliveries, units } from "../../../db/schema.js";
import { DEFAULT_SUPERVISION_SETTINGS } from "../../../domain/supervision.js";
import { okBody } from "../../../schemas/common.js";
import {
  channelCreate,
  channelList,
  channelOut,
  channelParams,
  dashboardOut,
  deliveryIdParams,
  deliveryListQuery,
  deliveryPage,
  supervisionSettingsIn,
  supervisionSettingsOut,
  unitIdParams,
} from "../../../schemas/supervision.js";
import { writeAudit } from "../../audit.js";
import { saveSupervisionSettings } from "../../commands/save-supervision-settings.js";
import type { ActingContext } from "../../context.js";
import { badRequest, notFound } from "../../errors.js";
import { authorize, can } from "../../policies/index.js";
import { decodeCursor, pageFrom } from "../../queries/paging.js";
import { supervisionSettings } from "../../queries/settings.js";
import { supervisionDashboard } from "../../queries/supervision-dashboard.js";
import { loadUnit } from "../../queries/units.js";
import type { RoutePlugin } from "../types.js";

const tags = ["supervision"];

const presentChannel = (c: typeof channels.$inferSelect) => ({
  id: c.id,
  unitId: c.unitId,
  kind: c.kind,
  target: c.target,
  hasSecret: Boolean(c.secret),
  enabled: c.enabled,
  createdAt: c.createdAt,
});

/** Robots are addressed over HTTP(S); a unit mailbox is an address. */
function targetProblem(kind: string, target: string): string | null {
  if (kind === "email") return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(target) ? null : "email_invalid";
  try {
    const u = new URL(target);
    return u.protocol === "https:" || u.protocol === "http:" ? null : "url_invalid";
  } catch {
    return "url_invalid";
  }
}

export const supervisionRoutes: RoutePlugin = async (app, { database, config }) => {
  const { db } = database;

  app.get("/api/settings/supervision", { schema: { tags, response: { 200: supervisionSettingsOut } } }, async (req) => {
    authorize(req.ctx, "settings", "read");
    return {
      ...(await supervisionSettings(db)),
      defaults: DEFAULT_SUPERVISION_SETTINGS,
      canEdit: can(req.ctx.actor, "settings", "update"),
    };
  });

  app.put(
    "/api/settings/supervision",
    { schema: { tags, body: supervisionSettingsIn, response: { 200: supervisionSettingsOut } } },
    async (req) => {
      authorize(req.ctx, "settings", "update");
      const ctx = req.ctx as ActingContext;
      await db.transaction((tx) => saveSupervisionSettings(ctx, req.body, tx));
      return { ...(await supervisionSettings(db)), defaults: DEFAULT_SUPERVISION_SETTINGS, canEdit: true };
    },
  );

  app.get("/api/supervision/dashboard", { schema: { tags, response: { 200: dashboardOut } } }, async (req) => {
    authorize(req.ctx, "dashboard", "read");
    return supervisionDashboard(db, req.ctx.actor);
  });

  // A unit's group robots and mailbox.
  app.get("/api/units/:id/channels", { schema: { tags, params: unitIdParams, response: { 200: channelList } } }, async (req) => {
    const unit = await loadUnit(db, req.params.id);
    authorize(req.ctx, "channel", "read", { id: unit.id, regionPath: unit.regionPath });
    const rows = await db.select().from(channels).where(eq(channels.unitId, unit.id)).orderBy(channels.createdAt);
    return { items: rows.map(presentChannel) };
  });

  app.post(
    "/api/units/:id/channels",
    { schema: { tags, params: unitIdParams, body: channelCreate, response: { 201: channelOut } } },
    async (req, reply) => {
      const ctx = req.ctx as ActingContext;
      const row = await db.transaction(async (tx) => {
        const unit = await loadUnit(tx, req.params.id);
        authorize(ctx, "channel", "update", { id: unit.id, regionPath: unit.regionPath });
        const problem = targetProblem(req.body.kind, req.body.target);
        if (problem) throw badRequest("target", problem);
        const [c] = await tx
          .insert(channels)
          .values({ unitId: unit.id, kind: req.body.kind, target: req.body.target, secret: req.body.secret || null })
          .returning();
        await writeAudit(tx, ctx, { action: "channel.create", entityType: "unit", entityId: unit.id, after: presentChannel(c) });
        return c;
      });
      return reply.code(201).send(presentChannel(row));
    },
  );

  app.delete(
    "/api/units/:id/channels/:channelId",
    { schema: { tags, params: channelParams, response: { 200: okBody } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const unit = await loadUnit(tx, req.params.id);
        authorize(ctx, "channel", "update", { id: unit.id, regionPath: unit.regionPath });
        const [gone] = await tx
          .delete(channels)
          .where(and(eq(channels.id, req.params.channelId), eq(channels.unitId, unit.id)))
          .returning();
        if (!gone) throw notFound();
        await writeAudit(tx, ctx, {
          action: "channel.delete",
          entityType: "unit",
          entityId: unit.id,
          before: presentChannel(gone),
        });
      });
      return { ok: true as const };
    },
  );

  // The outbox, for admins: what went, what waits to be tried again, what failed and why.
  app.get(
    "/api/deliveries",
    { schema: { tags, querystring: deliveryListQuery, response: { 200: deliveryPage } } },
    async (req) => {
      authorize(req.ctx, "delivery", "list");
      const after = decodeCursor(req.query.cursor);
      const where = and(
        req.query.state ? eq(deliveries.state, req.query.state) : undefined,
        req.query.kind ? eq(deliveries.kind, req.query.kind) : undefined,
      );
      const rows = await db
        .select({ d: deliveries, unit: units.name })
        .from(deliveries)
        .leftJoin(units, eq(units.id, deliveries.unitId))
        .where(and(where, after ? lt(deliveries.id, Number(after[1])) : undefined))
        .orderBy(desc(deliveries.id))
        .limit(req.query.limit + 1);
      const page = pageFrom(rows, req.query.limit, (r) => [r.d.id, r.d.id]);
      const [{ total }] = await db.select({ total: count() }).from(deliveries).where(where);
      const byState = await db.select({ state: deliveries.state, n: count() }).from(deliveries).groupBy(deliveries.state);
      const tally = Object.fromEntries(byState.map((s) => [s.state, s.n]));
      return {
        ...page,
        total,
        counts: { pending: tally.pending ?? 0, sent: tally.sent ?? 0, failed: tally.failed ?? 0 },
        mailConfigured: Boolean(config.smtpUrl),
        items: page.items.map(({ d, unit }) => ({
          id: d.id,
          kind: d.kind,
          target: d.target.replace(/(access_token|key)=[^&]+/g, "$1=…"),
          subject: String((d.message as { subject?: string }).subject ?? ""),
          topic: d.topic,
          entityType: d.entityType,
          entityId: d.entityId,
          unit,
          state: d.state,
          attempts: d.attempts,
          nextAttemptAt: d.nextAttemptAt,
          lastError: d.lastError,
          sentAt: d.sentAt,
          createdAt: d.createdAt,
        })),
      };
    },
  );

  // Sends a failed delivery again at the next run (attempts start over).
  app.post(
    "/api/deliveries/:id/retry",
    { schema: { tags, params: deliveryIdParams, response: { 200: okBody } } },
    async (req) => {
      authorize(req.ctx, "delivery", "retry");
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(deliveries)
          .set({ state: "pending", attempts: 0, nextAttemptAt: sql`now()` })
          .where(and(eq(deliveries.id, req.params.id), eq(deliveries.state, "failed")))
          .returning({ id: deliveries.id });
        if (!row) throw notFound();
        await writeAudit(tx, ctx, { action: "delivery.retry", entityType: "delivery", entityId: String(row.id) });
      });
      return { ok: true as const };
    },
  );
};
