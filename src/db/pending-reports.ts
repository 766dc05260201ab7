import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "./connection.js";
import { tasks } from "./schema.js";

/**
 * Recounts the reports awaiting review of the given tasks (all tasks without a list), from the
 * reports themselves: reviews, the demo and the factories use it. Landing reports counts on
 * instead (submit-reports.ts: +1 per report, under the task's row lock), to spare a count per report.
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
