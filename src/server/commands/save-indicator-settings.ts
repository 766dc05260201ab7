import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { settings } from "../../db/schema.js";
import type { IndicatorSettingsIn } from "../../schemas/indicators.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { indicatorLightSettings } from "../queries/settings.js";

/** Saves how far short of a target an indicator may be and still be "close". */
export async function saveIndicatorSettings(ctx: ActingContext, input: IndicatorSettingsIn, tx: Queryable): Promise<void> {
  const before = await indicatorLightSettings(tx);
  await tx
    .insert(settings)
    .values({ key: "indicator_lights", value: input })
    .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedAt: sql`now()` } });
  await writeAudit(tx, ctx, {
    action: "settings.indicators",
    entityType: "settings",
    entityId: "indicators",
    before,
    after: input,
  });
}
