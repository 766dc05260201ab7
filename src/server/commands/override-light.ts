import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type TaskRow, tasks } from "../../db/schema.js";
import type { Light } from "../../domain/light.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { conflict } from "../errors.js";
import { recordTaskEvent, refreshLights } from "./task-upkeep.js";

/** A coordinator sets the light by hand with a reason, or clears the override (null) to let it be computed again. */
export async function overrideLight(
  ctx: ActingContext,
  input: { task: TaskRow; light: Light | null; reason: string | null; version: number },
  tx: Queryable,
): Promise<TaskRow> {
  const { task, light, reason } = input;
  if (input.version !== task.version) throw conflict("stale_version");
  const [updated] = await tx
    .update(tasks)
    .set({
      lightOverride: light,
      lightOverrideReason: light ? reason : null,
      version: task.version + 1,
      updatedAt: sql`now()`,
    })
    .where(and(eq(tasks.id, task.id), eq(tasks.version, task.version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  await recordTaskEvent(tx, ctx, task.id, { kind: "light_override", reason, data: { from: task.light, to: light } });
  await refreshLights(tx, [updated]);
  await writeAudit(tx, ctx, {
    action: "task.light_override",
    entityType: "task",
    entityId: task.id,
    before: { light: task.light, lightOverride: task.lightOverride, lightOverrideReason: task.lightOverrideReason },
    after: { lightOverride: light, lightOverrideReason: light ? reason : null },
  });
  return updated;
}
