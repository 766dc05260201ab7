import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import {
  attachments,
  type ProjectReportRow,
  type ProjectRow,
  projectMedia,
  projectNodes,
  projectReports,
  projects,
  projectYearPlans,
} from "../../db/schema.js";
import type { ProjectReportIn } from "../../schemas/projects.js";
import { writeAudit } from "../audit.js";
import { todayIso } from "../clock.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import { refreshProjectWarnings } from "./refresh-project-warnings.js";

/**
 * The lead unit's report for a month: the amount invested, the visible progress, photos and
 * videos, nodes reached and the stage. Reporting a month again corrects it. The project's totals
 * and warnings follow at once.
 */
export async function reportProjectMonth(
  ctx: ActingContext,
  input: { project: ProjectRow; report: ProjectReportIn },
  tx: Queryable,
): Promise<ProjectReportRow> {
  const { project, report } = input;
  const today = todayIso();
  if (report.period > today.slice(0, 7)) throw badRequest("period", "period_future");
  report.nodesReached.forEach((n, i) => {
    if (n.reachedOn > today) throw badRequest(`nodesReached.${i}.reachedOn`, "date_future");
  });
  const media = report.attachmentIds.length
    ? await tx
        .select({ id: attachments.id, mime: attachments.mime })
        .from(attachments)
        .where(and(inArray(attachments.id, report.attachmentIds), eq(attachments.createdBy, ctx.actor.id)))
    : [];
  report.attachmentIds.forEach((id, i) => {
    const m = media.find((x) => x.id === id);
    if (!m) throw badRequest(`attachmentIds.${i}`, "attachment_missing");
    if (!m.mime.startsWith("image/") && !m.mime.startsWith("video/")) throw badRequest(`attachmentIds.${i}`, "media_type");
  });
  const [before] = await tx
    .select()
    .from(projectReports)
    .where(and(eq(projectReports.projectId, project.id), eq(projectReports.period, report.period)));
  const values = {
    amount: report.amount,
    narrative: report.narrative,
    submittedBy: ctx.actor.id,
    submittedByName: ctx.actor.displayName,
    submittedAt: sql`now()` as unknown as string,
  };
  const [saved] = before
    ? await tx.update(projectReports).set(values).where(eq(projectReports.id, before.id)).returning()
    : await tx
        .insert(projectReports)
        .values({ projectId: project.id, period: report.period, ...values })
        .returning();
  if (report.attachmentIds.length)
    await tx
      .insert(projectMedia)
      .values(
        media.map((m) => ({
          reportId: saved.id,
          attachmentId: m.id,
          kind: m.mime.startsWith("video/") ? ("video" as const) : ("photo" as const),
        })),
      )
      .onConflictDoNothing();
  for (const n of report.nodesReached)
    await tx
      .insert(projectNodes)
      .values({ projectId: project.id, kind: n.kind, reachedOn: n.reachedOn })
      .onConflictDoUpdate({ target: [projectNodes.projectId, projectNodes.kind], set: { reachedOn: n.reachedOn } });
  const year = Number(report.period.slice(0, 4));
  const [{ ofYear }] = await tx
    .select({ ofYear: sql<number>`coalesce(sum(${projectReports.amount}), 0)`.mapWith(Number) })
    .from(projectReports)
    .where(and(eq(projectReports.projectId, project.id), sql`${projectReports.period} like ${`${year}-%`}`));
  await tx
    .insert(projectYearPlans)
    .values({ projectId: project.id, year, amount: null, invested: ofYear })
    .onConflictDoUpdate({ target: [projectYearPlans.projectId, projectYearPlans.year], set: { invested: ofYear } });
  const [{ invested, last }] = await tx
    .select({
      invested: sql<number>`coalesce(sum(${projectReports.amount}), 0)`.mapWith(Number),
      last: sql<string>`max(${projectReports.period})`,
    })
    .from(projectReports)
    .where(eq(projectReports.projectId, project.id));
  await tx
    .update(projects)
    .set({
      invested,
      lastReportPeriod: last,
      lastReportOn: today,
      stage: report.stage ?? project.stage,
      version: project.version + 1,
      updatedAt: sql`now()`,
    })
    .where(eq(projects.id, project.id));
  await refreshProjectWarnings(tx, [project.id], today);
  await writeAudit(tx, ctx, {
    action: before ? "project.report_correct" : "project.report",
    entityType: "project",
    entityId: project.id,
    before: before ?? null,
    after: { ...saved, nodesReached: report.nodesReached, stage: report.stage, attachmentIds: report.attachmentIds },
  });
  return saved;
}
