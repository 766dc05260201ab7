import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../../db/connection.js";
import type { Config } from "../config.js";

export interface RouteDeps {
  database: Database;
  config: Config;
}

export type RoutePlugin = FastifyPluginAsyncZod<RouteDeps>;
