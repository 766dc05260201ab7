import { eq } from "drizzle-orm";
import type { Queryable } from "../../../db/connection.js";
import { settings } from "../../../db/schema.js";
import { DEFAULT_LIGHT_SETTINGS } from "../../../domain/light.js";
import type { Actor } from "../../../domain/scope.js";
import { lightSettingsIn, lightSettingsOut } from "../../../schemas/settings.js";
import { saveLightSettings } from "../../commands/save-light-settings.js";
import type { ActingContext } from "../../context.js";
import { refreshAllLights } from "../../jobs/sweep.js";
import { authorize, can } from "../../policies/index.js";
import { lightSettings } from "../../queries/settings.js";
import type { RoutePlugin } from "../types.js";

const tags = ["settings"];

async function lightView(db: Queryable, actor: Actor) {
  const [row] = await db.select({ updatedAt: settings.updatedAt }).from(settings).where(eq(settings.key, "light"));
  return {
    ...(await lightSettings(db)),
    defaults: DEFAULT_LIGHT_SETTINGS,
    updatedAt: row?.updatedAt ?? null,
    canEdit: can(actor, "settings", "update"),
  };
}

export const settingsRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get("/api/settings/light", { schema: { tags, response: { 200: lightSettingsOut } } }, async (req) => {
    authorize(req.ctx, "settings", "read");
    return lightView(db, req.ctx.actor);
  });

  app.put(
    "/api/settings/light",
    { schema: { tags, body: lightSettingsIn, response: { 200: lightSettingsOut } } },
    async (req) => {
      authorize(req.ctx, "settings", "update");
      const ctx = req.ctx as ActingContext;
      await db.transaction((tx) => saveLightSettings(ctx, req.body, tx));
      // Every running task's light follows the new thresholds. Usually done in a moment; on a very
      // large deployment the answer comes after two seconds and the rest goes on in the background.
      const done = refreshAllLights(db).catch((e) => req.log.error(e));
      await Promise.race([done, new Promise((r) => setTimeout(r, 2000).unref())]);
      return lightView(db, ctx.actor);
    },
  );
};
