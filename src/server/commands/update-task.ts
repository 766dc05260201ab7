import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { milestones, type TaskRow, taskCoUnits, taskDirectives, tasks } from "../../db/schema.js";
import type { TaskUpdate } from "../../schemas/tasks.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { checkReferences, recordTaskEvent, refreshLights, rollUpAncestors } from "./task-upkeep.js";

/**
 * Edits a task with optimistic locking. A new deadline needs a reason and is kept in the
 * history; a new lead unit must sign for the task again.
 */
export async function updateTask(
  ctx: ActingContext,
  input: { task: TaskRow & { coUnitIds: string[] }; patch: TaskUpdate },
  tx: Queryable,
): Promise<TaskRow> {
  const { task, patch } = input;
  if (patch.version !== task.version) throw conflict("stale_version");
  if (task.state === "closed" || task.state === "cancelled") throw conflict("task_finished");
  const { version, coUnitIds, directiveIds, milestones: steps, deadlineReason, ...fields } = patch;
  const startOn = fields.startOn ?? task.startOn;
  const dueOn = fields.dueOn ?? task.dueOn;
  if (dueOn < startOn) throw badRequest("dueOn", "date_range");
  const deadlineMoved = fields.dueOn !== undefined && fields.dueOn !== task.dueOn;
  if (deadlineMoved && !deadlineReason) throw badRequest("deadlineReason", "deadline_reason");
  if ((fields.targetKind ?? task.targetKind) === "quantity" && (fields.targetValue ?? task.targetValue) === null)
    throw badRequest("targetValue", "required");
  await checkReferences(tx, ctx.actor, {
    leadUnitId: fields.leadUnitId,
    coUnitIds: coUnitIds ?? (fields.leadUnitId ? task.coUnitIds : undefined),
    directiveIds,
    campaignId: fields.campaignId,
  });
  steps?.forEach((m, i) => {
    if (m.dueOn < startOn || m.dueOn > dueOn) throw badRequest(`milestones.${i}.dueOn`, "milestone_outside");
  });
  const leadChanged = fields.leadUnitId !== undefined && fields.leadUnitId !== task.leadUnitId;
  const state = leadChanged && task.state !== "draft" ? "assigned" : task.state;
  const [updated] = await tx
    .update(tasks)
    .set({ ...fields, state, version: task.version + 1, updatedAt: sql`now()` })
    .where(and(eq(tasks.id, task.id), eq(tasks.version, version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  if (coUnitIds) {
    await tx.delete(taskCoUnits).where(eq(taskCoUnits.taskId, task.id));
    if (coUnitIds.length) await tx.insert(taskCoUnits).values(coUnitIds.map((unitId) => ({ taskId: task.id, unitId })));
  }
  if (directiveIds) {
    await tx.delete(taskDirectives).where(eq(taskDirectives.taskId, task.id));
    if (directiveIds.length)
      await tx.insert(taskDirectives).values(directiveIds.map((directiveId) => ({ taskId: task.id, directiveId })));
  }
  if (steps) {
    await tx.delete(milestones).where(eq(milestones.taskId, task.id));
    if (steps.length) await tx.insert(milestones).values(steps.map((m, i) => ({ taskId: task.id, ordinal: i + 1, ...m })));
  }
  if (deadlineMoved)
    await recordTaskEvent(tx, ctx, task.id, { kind: "deadline", reason: deadlineReason, data: { from: task.dueOn, to: dueOn } });
  if (leadChanged)
    await recordTaskEvent(tx, ctx, task.id, {
      kind: "reassigned",
      fromState: task.state,
      toState: state,
      data: { from: task.leadUnitId, to: fields.leadUnitId },
    });
  await recordTaskEvent(tx, ctx, task.id, {
    kind: "edited",
    data: { fields: Object.entries(patch).flatMap(([k, v]) => (k !== "version" && v !== undefined ? [k] : [])) },
  });
  await refreshLights(tx, [updated]);
  if (fields.weight !== undefined && updated.parentId) await rollUpAncestors(tx, updated.path);
  await writeAudit(tx, ctx, {
    action: "task.update",
    entityType: "task",
    entityId: task.id,
    before: task,
    after: { ...updated, ...(coUnitIds ? { coUnitIds } : {}), ...(directiveIds ? { directiveIds } : {}) },
  });
  return updated;
}
