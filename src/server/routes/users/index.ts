import { unitScopeOf } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import {
  userActive,
  userCreate,
  userListQuery,
  userOut,
  userPage,
  userPasswordReset,
  userUpdate,
} from "../../../schemas/users.js";
import { createUser } from "../../commands/create-user.js";
import { resetUserPassword } from "../../commands/reset-user-password.js";
import { setUserActive } from "../../commands/set-user-active.js";
import { updateUser } from "../../commands/update-user.js";
import { authorize } from "../../policies/index.js";
import { presentUser } from "../../presenters/user.js";
import { listUsers, loadUser, scopedUser } from "../../queries/users.js";
import type { RoutePlugin } from "../types.js";

const tags = ["users"];

export const userRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/users", { schema: { tags, querystring: userListQuery, response: { 200: userPage } } }, async (req) => {
    authorize(req.ctx, "user", "list");
    const page = await listUsers(db, req.query, unitScopeOf(req.ctx.actor));
    return { ...page, items: page.items.map(presentUser) };
  });

  app.get("/api/users/:id", { schema: { tags, params: idParams, response: { 200: userOut } } }, async (req) => {
    const user = await loadUser(db, req.params.id);
    authorize(req.ctx, "user", "read", scopedUser(user));
    return presentUser(user);
  });

  app.post("/api/users", { schema: { tags, body: userCreate, response: { 201: userOut } } }, async (req, reply) => {
    authorize(req.ctx, "user", "create");
    const user = await db.transaction(async (tx) => loadUser(tx, (await createUser(req.ctx, req.body, tx)).id));
    return reply.code(201).send(presentUser(user));
  });

  app.patch(
    "/api/users/:id",
    { schema: { tags, params: idParams, body: userUpdate, response: { 200: userOut } } },
    async (req) => {
      const user = await db.transaction(async (tx) => {
        const current = await loadUser(tx, req.params.id);
        authorize(req.ctx, "user", "update");
        await updateUser(req.ctx, { user: current, patch: req.body }, tx);
        return loadUser(tx, current.id);
      });
      return presentUser(user);
    },
  );

  app.post(
    "/api/users/:id/active",
    { schema: { tags, params: idParams, body: userActive, response: { 200: userOut } } },
    async (req) => {
      const user = await db.transaction(async (tx) => {
        const current = await loadUser(tx, req.params.id);
        authorize(req.ctx, "user", "deactivate");
        await setUserActive(req.ctx, { user: current, ...req.body }, tx);
        return loadUser(tx, current.id);
      });
      return presentUser(user);
    },
  );

  app.post(
    "/api/users/:id/password",
    { schema: { tags, params: idParams, body: userPasswordReset, response: { 200: userOut } } },
    async (req) => {
      const user = await db.transaction(async (tx) => {
        const current = await loadUser(tx, req.params.id);
        authorize(req.ctx, "user", "resetPassword");
        await resetUserPassword(req.ctx, { user: current, ...req.body }, tx);
        return loadUser(tx, current.id);
      });
      return presentUser(user);
    },
  );
};
