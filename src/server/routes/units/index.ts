import { unitScopeOf } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import { unitActive, unitCreate, unitListQuery, unitOut, unitPage, unitUpdate } from "../../../schemas/units.js";
import { createUnit } from "../../commands/create-unit.js";
import { setUnitActive } from "../../commands/set-unit-active.js";
import { updateUnit } from "../../commands/update-unit.js";
import { authorize } from "../../policies/index.js";
import { presentUnit } from "../../presenters/unit.js";
import { listUnits, loadUnit } from "../../queries/units.js";
import type { RoutePlugin } from "../types.js";

const tags = ["units"];

export const unitRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/units", { schema: { tags, querystring: unitListQuery, response: { 200: unitPage } } }, async (req) => {
    authorize(req.ctx, "unit", "list");
    const page = await listUnits(db, req.query, unitScopeOf(req.ctx.actor));
    return { ...page, items: page.items.map(presentUnit) };
  });

  app.get("/api/units/:id", { schema: { tags, params: idParams, response: { 200: unitOut } } }, async (req) => {
    const unit = await loadUnit(db, req.params.id);
    authorize(req.ctx, "unit", "read", unit);
    return presentUnit(unit);
  });

  app.post("/api/units", { schema: { tags, body: unitCreate, response: { 201: unitOut } } }, async (req, reply) => {
    authorize(req.ctx, "unit", "create");
    const unit = await db.transaction(async (tx) => {
      const created = await createUnit(req.ctx, req.body, tx);
      return loadUnit(tx, created.id);
    });
    return reply.code(201).send(presentUnit(unit));
  });

  app.patch(
    "/api/units/:id",
    { schema: { tags, params: idParams, body: unitUpdate, response: { 200: unitOut } } },
    async (req) => {
      const unit = await db.transaction(async (tx) => {
        const current = await loadUnit(tx, req.params.id);
        authorize(req.ctx, "unit", "update");
        await updateUnit(req.ctx, { unit: current, patch: req.body }, tx);
        return loadUnit(tx, current.id);
      });
      return presentUnit(unit);
    },
  );

  app.post(
    "/api/units/:id/active",
    { schema: { tags, params: idParams, body: unitActive, response: { 200: unitOut } } },
    async (req) => {
      const unit = await db.transaction(async (tx) => {
        const current = await loadUnit(tx, req.params.id);
        authorize(req.ctx, "unit", "deactivate");
        await setUnitActive(req.ctx, { unit: current, ...req.body }, tx);
        return loadUnit(tx, current.id);
      });
      return presentUnit(unit);
    },
  );
};
