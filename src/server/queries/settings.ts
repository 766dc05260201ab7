import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { settings } from "../../db/schema.js";
import { DEFAULT_LIGHT_SETTINGS, type LightSettings } from "../../domain/light.js";

/** The light thresholds: what an admin saved over the defaults. */
export async function lightSettings(db: Queryable): Promise<LightSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, "light")).limit(1);
  return { ...DEFAULT_LIGHT_SETTINGS, ...((row?.value as Partial<LightSettings> | undefined) ?? {}) };
}
