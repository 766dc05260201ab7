import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { analyses } from "../../db/schema.js";
import type { AnalysisUpdate } from "../../schemas/analyses.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { conflict, notFound } from "../errors.js";

/** Saves the edited title and text; the figures stay as they were drafted. */
export async function updateAnalysis(ctx: ActingContext, id: string, input: AnalysisUpdate, tx: Queryable): Promise<void> {
  const [before] = await tx.select().from(analyses).where(eq(analyses.id, id));
  if (!before) throw notFound();
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
  const [gone] = await tx.delete(analyses).where(eq(analyses.id, id)).returning();
  if (!gone) throw notFound();
  await writeAudit(tx, ctx, {
    action: "analysis.delete",
    entityType: "analysis",
    entityId: id,
    before: { period: gone.period, title: gone.title, sections: gone.sections },
  });
}
