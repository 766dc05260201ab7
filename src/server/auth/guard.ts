import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../../db/connection.js";
import type { Config } from "../config.js";
import type { RequestContext } from "../context.js";
import { forbidden, HttpError, unauthorized } from "../errors.js";
import { localeFromHeader } from "../messages.js";
import { loadSession, SESSION_COOKIE } from "./sessions.js";

declare module "fastify" {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** A route anyone may call without signing in (health, sign-in, the API description). */
    public?: boolean;
  }
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isPublicRoute(url: string, config: { public?: boolean } | undefined): boolean {
  // Only /api carries data; everything else is the static web app.
  return !url.startsWith("/api/") || config?.public === true;
}

/**
 * Resolves the session on every request, refuses guarded routes to anyone not signed in, and
 * checks the CSRF token (double submit: the session's token must come back in a header) and the
 * Origin on every mutation.
 */
export function registerAuthGuard(app: FastifyInstance, database: Database, config: Config) {
  app.decorateRequest("ctx", null as unknown as RequestContext);

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx: RequestContext = {
      actor: null,
      sessionId: null,
      csrfToken: null,
      locale: localeFromHeader(request.headers["accept-language"]),
      ip: request.ip,
      userAgent: request.headers["user-agent"] ?? null,
      policyChecked: false,
    };
    request.ctx = ctx;
    const url = request.routeOptions.url ?? request.url;
    if (!url.startsWith("/api/")) {
      ctx.policyChecked = true;
      return;
    }

    const token = request.cookies[SESSION_COOKIE];
    let stale = false;
    if (token) {
      const session = await loadSession(database.db, token, config.sessionIdleMinutes);
      if (session) {
        ctx.actor = session.actor;
        ctx.sessionId = session.id;
        ctx.csrfToken = session.csrfToken;
        ctx.locale = session.locale;
      } else {
        stale = true;
        reply.clearCookie(SESSION_COOKIE, { path: "/" });
      }
    }

    if (MUTATING.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && origin !== "null") {
        let host: string | null = null;
        try {
          host = new URL(origin).host;
        } catch {}
        if (host !== request.headers.host) throw new HttpError(403, "csrf", "csrf");
      }
    }

    if (isPublicRoute(url, request.routeOptions.config)) {
      ctx.policyChecked = true;
      return;
    }
    if (!ctx.actor) throw unauthorized(stale ? "session_expired" : "not_signed_in");
    if (MUTATING.has(request.method) && request.headers["x-csrf-token"] !== ctx.csrfToken) throw forbidden("csrf");
  });

  // Fail closed: a guarded route that answers successfully without calling authorize() is a bug, not a success.
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.ctx && !request.ctx.policyChecked && reply.statusCode < 400) {
      request.log.error({ url: request.routeOptions.url, method: request.method }, "route answered without a policy check");
      reply.code(500).header("content-type", "application/json; charset=utf-8");
      return JSON.stringify({ statusCode: 500, code: "policy_missing", message: "Internal server error" });
    }
    return payload;
  });
}
