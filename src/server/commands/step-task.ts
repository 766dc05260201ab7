import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type TaskRow, tasks } from "../../db/schema.js";
import { nextState, type Side, type TaskAction } from "../../domain/task-states.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict, forbidden } from "../errors.js";
import { recordTaskEvent, refreshLights } from "./task-upkeep.js";

/** Takes one step of the state machine (src/domain/task-states.ts) and keeps it in the history. */
export async function stepTask(
  ctx: ActingContext,
  input: { task: TaskRow; sides: Side[]; action: TaskAction; reason: string | null; version: number },
  tx: Queryable,
): Promise<TaskRow> {
  const { task, action, reason } = input;
  if (input.version !== task.version) throw conflict("stale_version");
  const next = nextState(task.state, action, input.sides, reason);
  if (!next.ok) {
    if (next.refusal === "side") throw forbidden();
    if (next.refusal === "reason") throw badRequest("reason", "required");
    throw conflict("step_not_allowed", "action", { state: task.state });
  }
  const [updated] = await tx
    .update(tasks)
    .set({
      state: next.state,
      closedAt: next.state === "closed" ? sql`now()` : null,
      // A verified task is done: its progress is complete.
      ...(next.state === "closed" ? { progress: 100 } : {}),
      version: task.version + 1,
      updatedAt: sql`now()`,
    })
    .where(and(eq(tasks.id, task.id), eq(tasks.version, task.version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  await recordTaskEvent(tx, ctx, task.id, { kind: action, fromState: task.state, toState: next.state, reason });
  await refreshLights(tx, [updated]);
  await writeAudit(tx, ctx, {
    action: `task.${action}`,
    entityType: "task",
    entityId: task.id,
    before: { state: task.state },
    after: { state: next.state, reason },
  });
  return updated;
}
