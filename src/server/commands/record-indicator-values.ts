import { and, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { indicatorRevisions, indicatorValues, regions } from "../../db/schema.js";
import { isPeriod } from "../../domain/indicators.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import type { LoadedIndicator } from "../queries/indicators.js";

export interface IndicatorCell {
  indicatorId: string;
  regionId: string;
  period: string;
  value: number;
  reportedGrowth: number | null;
}

export interface RecordSource {
  /** "entry" from the browser, "import" from a sheet. */
  kind: "entry" | "import";
  /** The sheet's file name for an import. */
  name: string | null;
}

const key = (c: { indicatorId: string; period: string; regionId: string }) => `${c.indicatorId} ${c.period} ${c.regionId}`;
const CHUNK = 2000;

/**
 * Records values: a cell that changes gets the next revision and a line in the revisions, a cell
 * entered again unchanged is left alone. One audit event says what changed. In the caller's transaction.
 */
export async function recordIndicatorValues(
  ctx: ActingContext,
  indicators: ReadonlyMap<string, LoadedIndicator>,
  cells: IndicatorCell[],
  source: RecordSource,
  tx: Queryable,
): Promise<{ saved: number; unchanged: number }> {
  const seen = new Set<string>();
  cells.forEach((c, i) => {
    const indicator = indicators.get(c.indicatorId);
    if (!indicator) throw badRequest(`values.${i}.indicatorId`, "not_found");
    if (!isPeriod(c.period, indicator.periodKind)) throw badRequest(`values.${i}.period`, "period_not_quarter");
    if (seen.has(key(c))) throw badRequest(`values.${i}`, "value_repeated");
    seen.add(key(c));
  });
  const regionIds = [...new Set(cells.map((c) => c.regionId))];
  const known = await tx.select({ id: regions.id }).from(regions).where(inArray(regions.id, regionIds));
  if (known.length !== regionIds.length) {
    const ids = new Set(known.map((r) => r.id));
    throw badRequest(`values.${cells.findIndex((c) => !ids.has(c.regionId))}.regionId`, "not_found");
  }

  const current = new Map<string, { value: number; reportedGrowth: number | null; revision: number }>();
  const periods = [...new Set(cells.map((c) => c.period))];
  for (let i = 0; i < regionIds.length; i += 1000) {
    const rows = await tx
      .select()
      .from(indicatorValues)
      .where(
        and(
          inArray(indicatorValues.indicatorId, [...indicators.keys()]),
          inArray(indicatorValues.period, periods),
          inArray(indicatorValues.regionId, regionIds.slice(i, i + 1000)),
        ),
      );
    for (const r of rows) current.set(key(r), r);
  }

  const changed = cells
    .filter((c) => {
      const was = current.get(key(c));
      return !was || was.value !== c.value || was.reportedGrowth !== c.reportedGrowth;
    })
    .map((c) => ({ ...c, revision: (current.get(key(c))?.revision ?? 0) + 1 }));
  const by = ctx.actor.id;
  for (let i = 0; i < changed.length; i += CHUNK) {
    const chunk = changed.slice(i, i + CHUNK);
    await tx
      .insert(indicatorValues)
      .values(chunk.map((c) => ({ ...c, updatedBy: by })))
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.period, indicatorValues.regionId],
        set: {
          value: sql`excluded.value`,
          reportedGrowth: sql`excluded.reported_growth`,
          revision: sql`excluded.revision`,
          updatedBy: sql`excluded.updated_by`,
          updatedAt: sql`now()`,
        },
      });
    await tx.insert(indicatorRevisions).values(
      chunk.map((c) => ({
        ...c,
        source: source.kind,
        sourceName: source.name,
        changedBy: by,
        changedByName: ctx.actor.displayName,
      })),
    );
  }
  if (changed.length)
    await writeAudit(tx, ctx, {
      action: source.kind === "import" ? "indicator.import" : "indicator.values",
      entityType: "indicator",
      entityId: indicators.size === 1 ? [...indicators.keys()][0] : null,
      before: null,
      after: {
        source: source.name,
        cells: changed.length,
        // The first few changes in full; the revisions keep every one.
        sample: changed.slice(0, 20).map((c) => ({
          indicator: indicators.get(c.indicatorId)?.code,
          regionId: c.regionId,
          period: c.period,
          from: current.get(key(c))?.value ?? null,
          to: c.value,
        })),
      },
    });
  return { saved: changed.length, unchanged: cells.length - changed.length };
}
