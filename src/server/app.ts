import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/connection.js";
import { registerAuthGuard } from "./auth/guard.js";
import type { Config } from "./config.js";
import { errorHandler, notFoundHandler } from "./error-handler.js";
import { LagCache } from "./lag-cache.js";
import { registerRoutes } from "./routes/index.js";
import { registerSecurityHeaders } from "./security-headers.js";
import { validatorCompiler } from "./validation.js";
import { VERSION } from "./version.js";

export interface AppOptions {
  database: Database;
  config: Config;
  /** Folder of the built web app; served when present. */
  webRoot?: string;
  logger?: boolean | object;
}

export type App = FastifyInstance;

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
}

export async function buildApp(opts: AppOptions): Promise<App & { routeList: RouteInfo[] }> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: opts.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Ids in URLs are uuids; anything longer is not ours.
    routerOptions: { maxParamLength: 100 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routeList: RouteInfo[] = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD" || !route.url.startsWith("/api/")) continue;
      routeList.push({ method, url: route.url, public: route.config?.public === true });
    }
  });

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into style elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: opts.config.secureCookies,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Luoshi API", version: VERSION, description: "Meetings, directives, tasks and their supervision." },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "luoshi_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  registerAuthGuard(app, opts.database, opts.config);
  app.setErrorHandler(errorHandler);

  const lagCache = new LagCache(opts.config.lagSeconds * 1000);
  // A change made here is seen at once by whoever reads next: answers kept for lag go.
  app.addHook("onSend", async (req, reply) => {
    if (req.method !== "GET" && req.method !== "HEAD" && reply.statusCode < 400) lagCache.clear();
  });
  await app.register(registerRoutes, { database: opts.database, config: opts.config, lagCache });

  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const webRoot = opts.webRoot;
  if (webRoot && existsSync(join(webRoot, "index.html"))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    app.get("/", (_req, reply) => reply.header("cache-control", "no-cache").sendFile("index.html"));
    app.get("/assets/*", (req, reply) => {
      const path = (req.params as { "*": string })["*"];
      return reply.header("cache-control", "public, max-age=31536000, immutable").sendFile(`assets/${path}`);
    });
  }
  app.setNotFoundHandler((request, reply) => notFoundHandler(request, reply, webRoot));

  return Object.assign(app as unknown as App, { routeList });
}
