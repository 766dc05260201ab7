import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { settings } from "../../db/schema.js";
import { type SupervisionSettings, supervisionSettingsProblem } from "../../domain/supervision.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import { supervisionSettings } from "../queries/settings.js";

/** Saves the reminder days and the ladder; the next sweep follows them. */
export async function saveSupervisionSettings(ctx: ActingContext, input: SupervisionSettings, tx: Queryable): Promise<void> {
  const problem = supervisionSettingsProblem(input);
  if (problem) throw badRequest(problem.field, problem.reason);
  const value = { ...input, dueReminderDays: [...new Set(input.dueReminderDays)].sort((a, b) => b - a) };
  const before = await supervisionSettings(tx);
  await tx
    .insert(settings)
    .values({ key: "supervision", value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
  await writeAudit(tx, ctx, {
    action: "settings.supervision",
    entityType: "settings",
    entityId: "supervision",
    before,
    after: value,
  });
}
