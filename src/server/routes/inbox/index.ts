import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { notifications } from "../../../db/schema.js";
import type { Locale } from "../../../domain/people.js";
import { okBody } from "../../../schemas/common.js";
import { inboxPage, inboxQuery, markReadBody, unreadOut } from "../../../schemas/supervision.js";
import { writeAudit } from "../../audit.js";
import type { ActingContext } from "../../context.js";
import { type NotificationData, type NotificationKind, renderNotification } from "../../notify/messages.js";
import { authorize } from "../../policies/index.js";
import { listInbox, unreadCount } from "../../queries/inbox.js";
import type { RoutePlugin } from "../types.js";

const tags = ["notifications"];

export const inboxRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/notifications", { schema: { tags, querystring: inboxQuery, response: { 200: inboxPage } } }, async (req) => {
    authorize(req.ctx, "inbox", "read");
    const actor = req.ctx.actor;
    const page = await listInbox(db, actor.id, req.query);
    return {
      ...page,
      unread: await unreadCount(db, actor.id),
      items: page.items.map((n) => {
        const m = renderNotification(
          n.kind as NotificationKind,
          n.data as NotificationData[NotificationKind],
          n.entityId,
          req.ctx.locale as Locale,
        );
        return {
          id: n.id,
          kind: n.kind,
          entityType: n.entityType,
          entityId: n.entityId,
          createdAt: n.createdAt,
          readAt: n.readAt,
          ...m,
        };
      }),
    };
  });

  app.get("/api/notifications/unread", { schema: { tags, response: { 200: unreadOut } } }, async (req) => {
    authorize(req.ctx, "inbox", "read");
    return { unread: await unreadCount(db, req.ctx.actor.id) };
  });

  // Marks some lines (or all) read; only ever the actor's own.
  app.post("/api/notifications/read", { schema: { tags, body: markReadBody, response: { 200: okBody } } }, async (req) => {
    authorize(req.ctx, "inbox", "update");
    const ctx = req.ctx as ActingContext;
    await db.transaction(async (tx) => {
      const marked = await tx
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(
          and(
            eq(notifications.userId, ctx.actor.id),
            isNull(notifications.readAt),
            req.body.all ? undefined : inArray(notifications.id, req.body.ids ?? []),
          ),
        )
        .returning({ id: notifications.id });
      if (marked.length)
        await writeAudit(tx, ctx, {
          action: "notification.read",
          entityType: "user",
          entityId: ctx.actor.id,
          after: { count: marked.length },
        });
    });
    return { ok: true as const };
  });
};
