import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { en, zhCN } from "zod/v4/locales";
import type { Locale } from "../domain/people.js";
import { type FieldError, HttpError } from "./errors.js";
import { isMessageKey, translate } from "./messages.js";
import type { ValidationIssue } from "./validation.js";

const zodLocales = { "zh-CN": zhCN(), en: en() };

/** Turns a zod issue into a field message in the reader's language. */
function fieldFromIssue(issue: ValidationIssue, locale: Locale, where: string): FieldError {
  const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
  const keys = (issue.params.keys as string[] | undefined) ?? [];
  if (issue.keyword === "unrecognized_keys") {
    return { field: [path, keys.join(",")].filter(Boolean).join("."), message: translate("unknown_field", locale) };
  }
  if (isMessageKey(issue.message))
    return { field: path || where, message: translate(issue.message, locale, issue.params as any) };
  if (issue.keyword === "invalid_type" && issue.params.input === undefined) {
    return { field: path || where, message: translate("required", locale) };
  }
  const raw = { code: issue.keyword, path: path.split("."), message: issue.message, ...issue.params } as any;
  const text = zodLocales[locale].localeError(raw);
  return { field: path || where, message: typeof text === "string" ? text : (text?.message ?? issue.message) };
}

/** Codes of a database that cannot be reached, is shutting down or starting up: the request may be tried again. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const UNAVAILABLE_TEXT =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/;

export function databaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if ((e.code && UNAVAILABLE_CODES.has(e.code)) || UNAVAILABLE_TEXT.test(e.message ?? "")) return true;
    e = e.cause as typeof e;
  }
  return false;
}

export function errorHandler(error: FastifyError | HttpError | Error, request: FastifyRequest, reply: FastifyReply) {
  const locale: Locale = request.ctx?.locale ?? "zh-CN";
  if (error instanceof HttpError) {
    if (error.headers) reply.headers(error.headers);
    return reply.code(error.statusCode).send({
      statusCode: error.statusCode,
      code: error.code,
      message: translate(error.message, locale, error.params),
      fields: error.fields?.map((f) => ({ field: f.field, message: translate(f.message, locale, f.params) })),
      ...error.extra,
    });
  }
  if (Array.isArray((error as FastifyError).validation)) {
    const where = (error as FastifyError).validationContext ?? "body";
    const fields = ((error as FastifyError).validation as unknown as ValidationIssue[]).map((i) =>
      fieldFromIssue(i, locale, where),
    );
    return reply.code(400).send({ statusCode: 400, code: "validation", message: translate("invalid_input", locale), fields });
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    // Fastify's own 4xx: bad JSON, wrong content type, body too large.
    return reply
      .code(status)
      .send({ statusCode: status, code: (error as FastifyError).code ?? "bad_request", message: error.message });
  }
  // A race that slipped past a command's own checks (two creates of one code at once) is a conflict, not a crash.
  const pgCode = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (pgCode === "23505" || pgCode === "40001" || pgCode === "40P01") {
    return reply.code(409).send({ statusCode: 409, code: "conflict", message: translate("stale_version", locale) });
  }
  if (databaseUnavailable(error)) {
    request.log.warn({ err: error }, "database unavailable");
    return reply
      .code(503)
      .header("retry-after", "5")
      .send({ statusCode: 503, code: "database_unavailable", message: translate("database_unavailable", locale) });
  }
  request.log.error({ err: error }, "unhandled error");
  return reply.code(500).send({ statusCode: 500, code: "server_error", message: translate("server_error", locale) });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply, webRoot: string | undefined) {
  const locale: Locale = request.ctx?.locale ?? "zh-CN";
  if (request.url.startsWith("/api/") || request.url === "/api" || request.method !== "GET") {
    return reply.code(404).send({ statusCode: 404, code: "not_found", message: translate("route_not_found", locale) });
  }
  // Client-side routes of the single-page app.
  if (webRoot && existsSync(join(webRoot, "index.html"))) return reply.header("cache-control", "no-cache").sendFile("index.html");
  return reply.code(404).type("text/plain").send("The web app is not built. Run `npm run build` or `npm start`.");
}
