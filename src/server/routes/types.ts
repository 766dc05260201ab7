import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../../db/connection.js";
import type { Config } from "../config.js";
import type { LagCache } from "../lag-cache.js";

export interface RouteDeps {
  database: Database;
  config: Config;
  lagCache: LagCache;
}

export type RoutePlugin = FastifyPluginAsyncZod<RouteDeps>;
