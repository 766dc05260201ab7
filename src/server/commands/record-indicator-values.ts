import { and, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { indicatorValues, regions } from "../../db/schema.js";
import { isPeriod } from "../../domain/indicators.js";
import { regionInScope } from "../../domain/scope.js";
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
const CHUNK = 20_000;

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
  // A region outside the actor's own and those below is as good as missing: figures are entered for one's jurisdiction.
  const known = (
    await tx.select({ id: regions.id, path: regions.path }).from(regions).where(inArray(regions.id, regionIds))
  ).filter((r) => regionInScope(ctx.actor, r.path));
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
  // Whole columns as arrays (unnest): a year's workbook of a hundred thousand cells goes in a few
  // statements. A replaced value moves to the revisions first; a first value is written alone.
  for (const revising of [false, true]) {
    const rows = changed.filter((c) => current.has(key(c)) === revising);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const col = <T>(f: (c: (typeof chunk)[number]) => T) => sql.param(chunk.map(f));
      const keys = sql`unnest(${col((c) => c.indicatorId)}::uuid[], ${col((c) => c.regionId)}::uuid[], ${col((c) => c.period)}::text[],
        ${col((c) => c.value)}::float8[], ${col((c) => c.reportedGrowth)}::float8[], ${col((c) => c.revision)}::int[])
        as t(indicator_id, region_id, period, value, reported_growth, revision)`;
      if (revising)
        await tx.execute(sql`
          insert into indicator_revisions (indicator_id, region_id, period, revision, value, reported_growth,
            source, source_name, changed_by, changed_by_name, changed_at)
          select v.indicator_id, v.region_id, v.period, v.revision, v.value, v.reported_growth,
            v.source, v.source_name, v.updated_by, v.updated_by_name, v.updated_at
          from indicator_values v join ${keys}
            on v.indicator_id = t.indicator_id and v.period = t.period and v.region_id = t.region_id`);
      await tx.execute(sql`
        insert into indicator_values (indicator_id, region_id, period, value, reported_growth, revision,
          source, source_name, updated_by, updated_by_name)
        select t.*, ${source.kind}, ${source.name}, ${by}::uuid, ${ctx.actor.displayName} from ${keys}
        ${
          revising
            ? sql`on conflict (indicator_id, period, region_id) do update set value = excluded.value,
          reported_growth = excluded.reported_growth, revision = excluded.revision, source = excluded.source,
          source_name = excluded.source_name, updated_by = excluded.updated_by,
          updated_by_name = excluded.updated_by_name, updated_at = now()`
            : sql``
        }`);
    }
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
