import type { Queryable } from "../../db/connection.js";
import type { NoticeRow, TaskRow } from "../../db/schema.js";
import { OPEN_STATES } from "../../domain/task-states.js";
import type { NoticeCreate } from "../../schemas/supervision.js";
import { todayIso } from "../clock.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import type { OutboxOptions } from "../notify/notify.js";
import { issueNotice } from "./issue-notice.js";

/**
 * A coordinator urges (or puts under supervision) the lead units of some tasks: one notice to
 * each lead unit, about its tasks among them, with a date to reply by.
 */
export async function urgeUnits(
  ctx: ActingContext,
  input: { notice: NoticeCreate; tasks: TaskRow[]; outbox: OutboxOptions },
  tx: Queryable,
): Promise<NoticeRow[]> {
  const { notice } = input;
  if (notice.replyBy < todayIso()) throw badRequest("replyBy", "date_past");
  const finished = input.tasks.find((t) => !(OPEN_STATES as string[]).includes(t.state));
  if (finished) throw badRequest("taskIds", "task_not_running", { number: finished.number });
  const byUnit = new Map<string, string[]>();
  for (const t of input.tasks) byUnit.set(t.leadUnitId, [...(byUnit.get(t.leadUnitId) ?? []), t.id]);
  const issued: NoticeRow[] = [];
  for (const [toUnitId, taskIds] of byUnit) {
    const row = await issueNotice(
      ctx,
      {
        kind: notice.kind,
        grade: notice.kind === "supervision" ? (notice.grade ?? "blue") : null,
        fromUnitId: ctx.actor.unitId,
        toUnitId,
        taskIds,
        body: notice.body,
        replyBy: notice.replyBy,
        outbox: input.outbox,
      },
      tx,
    );
    if (row) issued.push(row);
  }
  return issued;
}
