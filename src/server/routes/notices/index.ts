import { inArray } from "drizzle-orm";
import type { Queryable } from "../../../db/connection.js";
import { tasks } from "../../../db/schema.js";
import type { Actor } from "../../../domain/scope.js";
import { idParams, okBody } from "../../../schemas/common.js";
import {
  noticeCreate,
  noticeListQuery,
  noticeOut,
  noticePage,
  noticeReply,
  noticesCreated,
} from "../../../schemas/supervision.js";
import { markNoticeRead } from "../../commands/mark-notice-read.js";
import { replyNotice } from "../../commands/reply-notice.js";
import { urgeUnits } from "../../commands/urge-units.js";
import type { ActingContext } from "../../context.js";
import { badRequest } from "../../errors.js";
import { outboxOptions } from "../../notify/notify.js";
import { authorize, can } from "../../policies/index.js";
import { presentNotice } from "../../presenters/notice.js";
import { listNotices, loadNotice, projectsOfNotices, scopedNotice, tasksOfNotices } from "../../queries/notices.js";
import { loadTask, scopedTask, taskRow } from "../../queries/tasks.js";
import type { RoutePlugin } from "../types.js";

const tags = ["notices"];

async function noticeView(db: Queryable, id: string, actor: Actor) {
  const notice = await loadNotice(db, id);
  const tasksOf = await tasksOfNotices(db, [id]);
  const projectsOf = await projectsOfNotices(db, [id]);
  return presentNotice(
    notice,
    tasksOf.get(id) ?? [],
    projectsOf.get(id) ?? [],
    can(actor, "notice", "reply", scopedNotice(notice)),
  );
}

export const noticeRoutes: RoutePlugin = async (app, { database, config }) => {
  const { db } = database;
  const outbox = outboxOptions(config);

  app.get("/api/notices", { schema: { tags, querystring: noticeListQuery, response: { 200: noticePage } } }, async (req) => {
    authorize(req.ctx, "notice", "list");
    const actor = req.ctx.actor;
    const page = await listNotices(db, actor, req.query);
    const tasksOf = await tasksOfNotices(
      db,
      page.items.map((n) => n.id),
    );
    const projectsOf = await projectsOfNotices(
      db,
      page.items.map((n) => n.id),
    );
    return {
      ...page,
      items: page.items.map((n) =>
        presentNotice(n, tasksOf.get(n.id) ?? [], projectsOf.get(n.id) ?? [], can(actor, "notice", "reply", scopedNotice(n))),
      ),
    };
  });

  app.get("/api/notices/:id", { schema: { tags, params: idParams, response: { 200: noticeOut } } }, async (req) => {
    const notice = await loadNotice(db, req.params.id);
    authorize(req.ctx, "notice", "read", scopedNotice(notice));
    return noticeView(db, notice.id, req.ctx.actor);
  });

  // Urge the lead units of some tasks: one notice per unit.
  app.post("/api/notices", { schema: { tags, body: noticeCreate, response: { 201: noticesCreated } } }, async (req, reply) => {
    authorize(req.ctx, "notice", "create");
    const ctx = req.ctx as ActingContext;
    const ids = [...new Set(req.body.taskIds)];
    const issued = await db.transaction(async (tx) => {
      const found = await tx.select({ id: tasks.id }).from(tasks).where(inArray(tasks.id, ids));
      if (found.length !== ids.length) throw badRequest("taskIds", "not_found");
      const rows = [];
      for (const id of ids) {
        const task = await loadTask(tx, id);
        // Only the office that assigned a task may urge about it.
        authorize(ctx, "task", "update", scopedTask(task));
        rows.push(taskRow(task));
      }
      return urgeUnits(ctx, { notice: req.body, tasks: rows, outbox }, tx);
    });
    return reply.code(201).send({ items: await Promise.all(issued.map((n) => noticeView(db, n.id, ctx.actor))) });
  });

  app.post(
    "/api/notices/:id/reply",
    { schema: { tags, params: idParams, body: noticeReply, response: { 200: noticeOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const notice = await loadNotice(tx, req.params.id);
        authorize(ctx, "notice", "reply", scopedNotice(notice));
        await replyNotice(ctx, { notice, explanation: req.body.explanation, plan: req.body.plan, outbox }, tx);
      });
      return noticeView(db, req.params.id, ctx.actor);
    },
  );

  // Opening a notice in the unit it went to records that the unit has read it.
  app.post("/api/notices/:id/read", { schema: { tags, params: idParams, response: { 200: okBody } } }, async (req) => {
    const ctx = req.ctx as ActingContext;
    await db.transaction(async (tx) => {
      const notice = await loadNotice(tx, req.params.id);
      authorize(ctx, "notice", "markRead", scopedNotice(notice));
      await markNoticeRead(ctx, notice.id, tx);
    });
    return { ok: true as const };
  });
};
