import { sql } from "drizzle-orm";
import { z } from "zod";
import { VERSION } from "../../version.js";
import type { RoutePlugin } from "../types.js";

export const healthRoutes: RoutePlugin = async (app, { database }) => {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        security: [],
        response: {
          200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string() }),
          503: z.object({ status: z.literal("unavailable"), database: z.enum(["pglite", "postgres"]), version: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await database.db.execute(sql`select 1`);
        return { status: "ok" as const, database: database.kind, version: VERSION };
      } catch {
        return reply.code(503).send({ status: "unavailable" as const, database: database.kind, version: VERSION });
      }
    },
  );
};
