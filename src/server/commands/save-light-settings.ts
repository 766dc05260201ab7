import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { settings } from "../../db/schema.js";
import type { LightSettingsIn } from "../../schemas/settings.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { lightSettings } from "../queries/settings.js";

/** Saves the light thresholds; the caller recomputes every light afterwards. */
export async function saveLightSettings(ctx: ActingContext, input: LightSettingsIn, tx: Queryable): Promise<void> {
  const before = await lightSettings(tx);
  await tx
    .insert(settings)
    .values({ key: "light", value: input })
    .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedAt: sql`now()` } });
  await writeAudit(tx, ctx, { action: "settings.light", entityType: "settings", entityId: "light", before, after: input });
}
