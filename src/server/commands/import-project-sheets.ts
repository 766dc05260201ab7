import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { projects } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import type { SheetPlan } from "../projects-excel/project-sheets.js";
import { loadProject } from "../queries/projects.js";
import { reportProjectMonth } from "./report-project-month.js";
import { createProject, updateProject } from "./save-project.js";

/** Writes a checked plan in the caller's transaction: new projects, changed ones, then the months reported. */
export async function importProjectSheets(ctx: ActingContext, plan: SheetPlan, tx: Queryable) {
  for (const p of plan.create) await createProject(ctx, p, tx);
  for (const u of plan.update) await updateProject(ctx, { project: await loadProject(tx, u.id), patch: u.patch }, tx);
  for (const r of plan.reports) {
    const [row] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.code, r.code));
    await reportProjectMonth(ctx, { project: await loadProject(tx, row.id), report: r.report }, tx);
  }
  const summary = { created: plan.create.length, updated: plan.update.length, reports: plan.reports.length };
  await writeAudit(tx, ctx, { action: "project.import", entityType: "project", after: summary });
  return summary;
}
