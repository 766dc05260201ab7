import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type NoticeRow, noticeProjects, notices, noticeTasks, projects, tasks, units } from "../../db/schema.js";
import type { NoticeGrade, NoticeKind, NoticeReason } from "../../domain/supervision.js";
import { writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { announce, type OutboxOptions } from "../notify/notify.js";

export interface IssueNoticeInput {
  kind: NoticeKind;
  grade: NoticeGrade | null;
  fromUnitId: string;
  toUnitId: string;
  taskIds: string[];
  /** Projects the notice is about (a project warning); none by default. */
  projectIds?: string[];
  body: string;
  reason?: NoticeReason;
  replyBy: string | null;
  /** Set by the jobs: a second attempt to issue the same notice does nothing. */
  dedupeKey?: string;
  outbox: OutboxOptions;
}

/**
 * Issues a notice to a unit about tasks and tells the unit's people, in the caller's transaction.
 * Returns null when a notice with the same dedupe key was already issued.
 */
export async function issueNotice(ctx: RequestContext, input: IssueNoticeInput, tx: Queryable): Promise<NoticeRow | null> {
  const [notice] = await tx
    .insert(notices)
    .values({
      kind: input.kind,
      grade: input.kind === "supervision" ? (input.grade ?? "blue") : null,
      createdBy: ctx.actor?.id ?? null,
      createdByName: ctx.actor?.displayName ?? "system",
      fromUnitId: input.fromUnitId,
      toUnitId: input.toUnitId,
      body: input.body,
      reason: input.reason ?? null,
      replyBy: input.kind === "reminder" ? null : input.replyBy,
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!notice) return null;
  if (input.taskIds.length) await tx.insert(noticeTasks).values(input.taskIds.map((taskId) => ({ noticeId: notice.id, taskId })));
  const projectIds = input.projectIds ?? [];
  if (projectIds.length)
    await tx.insert(noticeProjects).values(projectIds.map((projectId) => ({ noticeId: notice.id, projectId })));
  const about = input.taskIds.length
    ? await tx
        .select({ number: tasks.number, title: tasks.title })
        .from(tasks)
        .where(inArray(tasks.id, input.taskIds))
        .orderBy(tasks.number)
    : [];
  const aboutProjects = projectIds.length
    ? await tx.select({ code: projects.code, name: projects.name }).from(projects).where(inArray(projects.id, projectIds))
    : [];
  const [from] = await tx.select({ name: units.name }).from(units).where(eq(units.id, input.fromUnitId));
  const told = await announce(tx, input.outbox, {
    unitIds: [input.toUnitId],
    kind: "notice.issued",
    entityType: "notice",
    entityId: notice.id,
    data: {
      number: notice.number,
      kind: notice.kind,
      grade: notice.grade,
      fromUnit: from?.name ?? "",
      tasks: about.slice(0, 20),
      projects: aboutProjects.slice(0, 20),
      replyBy: notice.replyBy,
      body: notice.body,
      reason: notice.reason ?? null,
    },
  });
  const recipients = told.get(input.toUnitId) ?? 0;
  const [issued] = await tx.update(notices).set({ recipients }).where(eq(notices.id, notice.id)).returning();
  await writeAudit(tx, ctx, {
    action: `notice.${notice.kind}`,
    entityType: "notice",
    entityId: notice.id,
    after: { ...issued, taskIds: input.taskIds, projectIds },
  });
  return issued;
}
