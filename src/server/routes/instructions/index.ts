import type { Queryable } from "../../../db/connection.js";
import type { Actor } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import { instructionCreate, instructionListQuery, instructionOut, instructionPage } from "../../../schemas/supervision.js";
import { acknowledgeInstruction } from "../../commands/acknowledge-instruction.js";
import { createInstruction } from "../../commands/create-instruction.js";
import type { ActingContext } from "../../context.js";
import { outboxOptions } from "../../notify/notify.js";
import { authorize, can } from "../../policies/index.js";
import {
  instructionSubject,
  type LoadedInstruction,
  listInstructions,
  loadInstruction,
  scopedInstruction,
} from "../../queries/instructions.js";
import type { RoutePlugin } from "../types.js";

const tags = ["instructions"];

function present(i: LoadedInstruction, actor: Actor) {
  const mine = i.units.find((u) => u.id === actor.unitId);
  return {
    id: i.id,
    subjectType: i.subjectType,
    subjectId: i.subjectId,
    subjectTitle: i.subjectTitle,
    text: i.text,
    authorName: i.authorName,
    createdAt: i.createdAt,
    units: i.units,
    canAcknowledge: Boolean(mine && !mine.acknowledgedAt) && can(actor, "instruction", "acknowledge", scopedInstruction(i)),
  };
}

const view = async (db: Queryable, id: string, actor: Actor) => present(await loadInstruction(db, id), actor);

export const instructionRoutes: RoutePlugin = async (app, { database, config }) => {
  const { db } = database;
  const outbox = outboxOptions(config);

  app.get(
    "/api/instructions",
    { schema: { tags, querystring: instructionListQuery, response: { 200: instructionPage } } },
    async (req) => {
      authorize(req.ctx, "instruction", "list");
      const page = await listInstructions(db, req.ctx.actor, req.query);
      return { ...page, items: page.items.map((i) => present(i, req.ctx.actor as Actor)) };
    },
  );

  app.get("/api/instructions/:id", { schema: { tags, params: idParams, response: { 200: instructionOut } } }, async (req) => {
    const i = await loadInstruction(db, req.params.id);
    authorize(req.ctx, "instruction", "read", scopedInstruction(i));
    return present(i, req.ctx.actor);
  });

  app.post(
    "/api/instructions",
    { schema: { tags, body: instructionCreate, response: { 201: instructionOut } } },
    async (req, reply) => {
      authorize(req.ctx, "instruction", "create");
      const ctx = req.ctx as ActingContext;
      const row = await db.transaction(async (tx) => {
        const subject = await instructionSubject(tx, ctx, req.body.subjectType, req.body.subjectId);
        return createInstruction(
          ctx,
          {
            subjectType: req.body.subjectType,
            subjectId: req.body.subjectId,
            subjectTitle: subject.title,
            text: req.body.text,
            unitIds: req.body.unitIds ?? subject.unitIds,
            outbox,
          },
          tx,
        );
      });
      return reply.code(201).send(await view(db, row.id, ctx.actor));
    },
  );

  app.post(
    "/api/instructions/:id/acknowledge",
    { schema: { tags, params: idParams, response: { 200: instructionOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const i = await loadInstruction(tx, req.params.id);
        authorize(ctx, "instruction", "acknowledge", scopedInstruction(i));
        await acknowledgeInstruction(ctx, i.id, tx);
      });
      return view(db, req.params.id, ctx.actor);
    },
  );
};
