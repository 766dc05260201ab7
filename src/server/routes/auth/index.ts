import { z } from "zod";
import { changePasswordBody, emailNoticesBody, localeBody, loginBody, sessionOut } from "../../../schemas/auth.js";
import { okBody } from "../../../schemas/common.js";
import { SESSION_COOKIE } from "../../auth/sessions.js";
import { changePassword } from "../../commands/change-password.js";
import { setOwnEmailNotices } from "../../commands/set-own-email-notices.js";
import { setOwnLocale } from "../../commands/set-own-locale.js";
import { signIn } from "../../commands/sign-in.js";
import { signOut } from "../../commands/sign-out.js";
import { authorize } from "../../policies/index.js";
import { presentSession } from "../../presenters/session.js";
import { loadUser } from "../../queries/users.js";
import type { RoutePlugin } from "../types.js";

const tags = ["auth"];

export const authRoutes: RoutePlugin = async (app, { database, config }) => {
  const { db } = database;

  app.post(
    "/api/auth/login",
    { config: { public: true }, schema: { tags, body: loginBody, response: { 200: sessionOut }, security: [] } },
    async (req, reply) => {
      const result = await signIn(database, config, req.ctx, req.body);
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: config.secureCookies,
        expires: result.expiresAt,
      });
      return presentSession(result.user, result.actor, result.csrfToken);
    },
  );

  app.get("/api/auth/session", { schema: { tags, response: { 200: sessionOut } } }, async (req) => {
    authorize(req.ctx, "self", "readSession");
    const user = await loadUser(db, req.ctx.actor.id);
    return presentSession(user, req.ctx.actor, req.ctx.csrfToken ?? "");
  });

  app.post(
    "/api/auth/logout",
    {
      schema: {
        tags,
        body: z
          .object({ everywhere: z.boolean().default(false) })
          .strict()
          .default({ everywhere: false }),
        response: { 200: okBody },
      },
    },
    async (req, reply) => {
      authorize(req.ctx, "self", "signOut");
      const ctx = req.ctx;
      await db.transaction((tx) => signOut(ctx, req.body, tx));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.post("/api/auth/password", { schema: { tags, body: changePasswordBody, response: { 200: okBody } } }, async (req) => {
    authorize(req.ctx, "self", "changePassword");
    const ctx = req.ctx;
    await db.transaction((tx) => changePassword(ctx, req.body, tx));
    return { ok: true as const };
  });

  app.put("/api/auth/email-notices", { schema: { tags, body: emailNoticesBody, response: { 200: okBody } } }, async (req) => {
    authorize(req.ctx, "self", "setEmailNotices");
    const ctx = req.ctx;
    await db.transaction((tx) => setOwnEmailNotices(ctx, req.body, tx));
    return { ok: true as const };
  });

  app.put("/api/auth/locale", { schema: { tags, body: localeBody, response: { 200: okBody } } }, async (req) => {
    authorize(req.ctx, "self", "setLocale");
    const ctx = req.ctx;
    await db.transaction((tx) => setOwnLocale(ctx, req.body, tx));
    return { ok: true as const };
  });
};
