import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { milestones, type TaskRow, taskCoUnits, taskDirectives, tasks } from "../../db/schema.js";
import { childPath } from "../../domain/people.js";
import type { TaskCreate } from "../../schemas/tasks.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import { checkReferences, recordTaskEvent, refreshLights, rollUpAncestors } from "./task-upkeep.js";

/**
 * Creates a task for the actor's office: from directives, under a parent task (decomposition), in
 * a campaign; assigned at once unless kept as a draft. `parent` is loaded and authorized by the route.
 */
export async function createTask(
  ctx: ActingContext,
  input: TaskCreate & { parent?: TaskRow | null },
  tx: Queryable,
  field = "",
): Promise<TaskRow> {
  const { directiveIds, coUnitIds, milestones: steps, assign, parent, parentId: _p, ...fields } = input;
  await checkReferences(
    tx,
    ctx.actor,
    { leadUnitId: fields.leadUnitId, coUnitIds, directiveIds, campaignId: fields.campaignId },
    field,
  );
  steps.forEach((m, i) => {
    if (m.dueOn < fields.startOn || m.dueOn > fields.dueOn)
      throw badRequest(`${field}milestones.${i}.dueOn`, "milestone_outside");
  });
  const state = assign ? "assigned" : "draft";
  const [inserted] = await tx
    .insert(tasks)
    .values({
      ...fields,
      parentId: parent?.id ?? null,
      // The campaign of a sub-task is its parent's unless given.
      campaignId: fields.campaignId ?? parent?.campaignId ?? null,
      path: "/",
      ownerUnitId: ctx.actor.unitId,
      state,
      createdBy: ctx.actor.id,
    })
    .returning();
  const [task] = await tx
    .update(tasks)
    .set({ path: childPath(parent?.path ?? null, inserted.id) })
    .where(eq(tasks.id, inserted.id))
    .returning();
  if (coUnitIds.length) await tx.insert(taskCoUnits).values(coUnitIds.map((unitId) => ({ taskId: task.id, unitId })));
  if (directiveIds.length)
    await tx.insert(taskDirectives).values(directiveIds.map((directiveId) => ({ taskId: task.id, directiveId })));
  if (steps.length) await tx.insert(milestones).values(steps.map((m, i) => ({ taskId: task.id, ordinal: i + 1, ...m })));
  await recordTaskEvent(tx, ctx, task.id, { kind: "created", toState: state });
  await refreshLights(tx, [task]);
  if (parent) await rollUpAncestors(tx, task.path);
  await writeAudit(tx, ctx, {
    action: "task.create",
    entityType: "task",
    entityId: task.id,
    after: { ...task, coUnitIds, directiveIds, milestones: steps },
  });
  return task;
}
