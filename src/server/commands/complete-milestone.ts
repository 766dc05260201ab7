import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type MilestoneRow, milestones, type TaskRow, tasks } from "../../db/schema.js";
import { OPEN_STATES } from "../../domain/task-states.js";
import { writeAudit } from "../audit.js";
import { todayIso } from "../clock.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { recordTaskEvent } from "./task-upkeep.js";

/**
 * Marks a milestone done on a date (not in the future), or open again with null; kept in the
 * task's history. The task's version moves, so an edit form open meanwhile does not overwrite it.
 */
export async function completeMilestone(
  ctx: ActingContext,
  input: { milestone: MilestoneRow; task: TaskRow; doneOn: string | null },
  tx: Queryable,
): Promise<MilestoneRow> {
  const { milestone, task, doneOn } = input;
  if (!(OPEN_STATES as string[]).includes(task.state)) throw conflict("task_finished");
  if (doneOn && doneOn > todayIso()) throw badRequest("doneOn", "date_future");
  if (doneOn && doneOn < task.startOn) throw badRequest("doneOn", "date_before_start");
  const [updated] = await tx.update(milestones).set({ doneOn }).where(eq(milestones.id, milestone.id)).returning();
  await tx
    .update(tasks)
    .set({ version: task.version + 1, updatedAt: sql`now()` })
    .where(eq(tasks.id, task.id));
  await recordTaskEvent(tx, ctx, task.id, {
    kind: doneOn ? "milestone" : "milestone_reopened",
    data: { title: milestone.title, dueOn: milestone.dueOn, doneOn },
  });
  await writeAudit(tx, ctx, {
    action: doneOn ? "milestone.done" : "milestone.reopen",
    entityType: "milestone",
    entityId: milestone.id,
    before: milestone,
    after: updated,
  });
  return updated;
}
