import { sql } from "drizzle-orm";
import { z } from "zod";
import { VERSION } from "../../version.js";
import type { RoutePlugin } from "../types.js";

const replica = z.enum(["none", "reading", "unavailable"]);

export const healthRoutes: RoutePlugin = async (app, { database, config }) => {
  // "reading": reads that tolerate lag go to the replica; "unavailable": it is configured but they go to the primary.
  const replicaState = (): z.infer<typeof replica> =>
    !config.databaseReplicaUrl ? "none" : database.readingFromReplica ? "reading" : "unavailable";
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["health"],
        security: [],
        response: {
          200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), replica, version: z.string() }),
          503: z.object({
            status: z.literal("unavailable"),
            database: z.enum(["pglite", "postgres"]),
            replica,
            version: z.string(),
          }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await database.db.execute(sql`select 1`);
        return { status: "ok" as const, database: database.kind, replica: replicaState(), version: VERSION };
      } catch {
        return reply
          .code(503)
          .send({ status: "unavailable" as const, database: database.kind, replica: replicaState(), version: VERSION });
      }
    },
  );
};
