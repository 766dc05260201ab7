import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { analyses, regions } from "../../db/schema.js";
import { type Actor, regionInScope } from "../../domain/scope.js";
import type { AnalysisUpdate } from "../../schemas/analyses.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { conflict, notFound } from "../errors.js";

/** The analysis if the actor may change it: one of their own region or a region below (otherwise as good as missing). */
async function analysisOfScope(tx: Queryable, actor: Actor, id: string) {
  const [row] = await tx
    .select({ analysis: analyses, regionPath: regions.path })
    .from(analyses)
    .innerJoin(regions, eq(regions.id, analyses.regionId))
    .where(eq(analyses.id, id));
  if (!row || !regionInScope(actor, row.regionPath)) throw notFound();
  return row.analysis;
}

/** Saves the edited title and text; the figures stay as they were drafted. */
export async function updateAnalysis(ctx: ActingContext, id: string, input: AnalysisUpdate, tx: Queryable): Promise<void> {
  const before = await analysisOfScope(tx, ctx.actor, id);
  const [after] = await tx
    .update(analyses)
    .set({
      ...(input.title ? { title: input.title } : {}),
      ...(input.sections ? { sections: input.sections } : {}),
      version: input.version + 1,
      updatedAt: sql`now()`,
    })
    .where(and(eq(analyses.id, id), eq(analyses.version, input.version)))
    .returning();
  if (!after) throw conflict("stale_version");
  await writeAudit(tx, ctx, {
    action: "analysis.update",
    entityType: "analysis",
    entityId: id,
    before: { title: before.title, sections: before.sections },
    after: { title: after.title, sections: after.sections },
  });
}

export async function deleteAnalysis(ctx: ActingContext, id: string, tx: Queryable): Promise<void> {
  await analysisOfScope(tx, ctx.actor, id);
  const [gone] = await tx.delete(analyses).where(eq(analyses.id, id)).returning();
  if (!gone) throw notFound();
  await writeAudit(tx, ctx, {
    action: "analysis.delete",
    entityType: "analysis",
    entityId: id,
    before: { period: gone.period, title: gone.title, sections: gone.sections },
  });
}
