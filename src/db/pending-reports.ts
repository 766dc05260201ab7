import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "./connection.js";
import { tasks } from "./schema.js";

/**
 * Recounts the reports awaiting review of the given tasks (all tasks without a list), from the
 * reports themselves: one place keeps tasks.pending_reports true, whoever adds or reviews reports.
 */
export async function recountPendingReports(db: Queryable, taskIds?: string[]): Promise<void> {
  if (taskIds && !taskIds.length) return;
  await db
    .update(tasks)
    .set({
      pendingReports: sql`(select count(*) from progress_reports r where r.task_id = ${tasks.id} and r.review = 'pending')`,
    })
    .where(taskIds ? inArray(tasks.id, taskIds) : undefined);
}
