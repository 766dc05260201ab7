import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { indicatorTargets, regions } from "../../db/schema.js";
import { regionInScope } from "../../domain/scope.js";
import type { TargetsIn } from "../../schemas/indicators.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import type { LoadedIndicator } from "../queries/indicators.js";

/** Sets the year's targets of an indicator region by region; an empty amount removes a region's target. */
export async function saveIndicatorTargets(ctx: ActingContext, indicator: LoadedIndicator, input: TargetsIn, tx: Queryable) {
  const regionIds = [...new Set(input.targets.map((t) => t.regionId))];
  if (regionIds.length !== input.targets.length) throw badRequest("targets", "value_repeated");
  if (regionIds.length) {
    const known = new Set(
      (await tx.select({ id: regions.id, path: regions.path }).from(regions).where(inArray(regions.id, regionIds)))
        // Targets are set for one's own region and those below.
        .filter((r) => regionInScope(ctx.actor, r.path))
        .map((r) => r.id),
    );
    const missing = input.targets.findIndex((t) => !known.has(t.regionId));
    if (missing >= 0) throw badRequest(`targets.${missing}.regionId`, "not_found");
  }
  const where = and(eq(indicatorTargets.indicatorId, indicator.id), eq(indicatorTargets.year, input.year));
  const before = regionIds.length
    ? await tx
        .select()
        .from(indicatorTargets)
        .where(and(where, inArray(indicatorTargets.regionId, regionIds)))
    : [];
  const removed = input.targets.filter((t) => t.amount == null).map((t) => t.regionId);
  if (removed.length) await tx.delete(indicatorTargets).where(and(where, inArray(indicatorTargets.regionId, removed)));
  const set = input.targets.filter((t) => t.amount != null);
  if (set.length)
    await tx
      .insert(indicatorTargets)
      .values(
        set.map((t) => ({
          indicatorId: indicator.id,
          regionId: t.regionId,
          year: input.year,
          kind: t.kind,
          amount: t.amount as number,
          updatedBy: ctx.actor.id,
        })),
      )
      .onConflictDoUpdate({
        target: [indicatorTargets.indicatorId, indicatorTargets.regionId, indicatorTargets.year],
        set: {
          kind: sql`excluded.kind`,
          amount: sql`excluded.amount`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
        },
      });
  await writeAudit(tx, ctx, {
    action: "indicator.targets",
    entityType: "indicator",
    entityId: indicator.id,
    before: { year: input.year, targets: before.map(({ regionId, kind, amount }) => ({ regionId, kind, amount })) },
    after: input,
  });
}
