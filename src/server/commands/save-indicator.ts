import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { indicators, indicatorValues, units } from "../../db/schema.js";
import type { IndicatorCreate, IndicatorUpdate } from "../../schemas/indicators.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { loadIndicator } from "../queries/indicators.js";

async function checkSource(tx: Queryable, unitId: string | null | undefined) {
  if (!unitId) return;
  const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!u) throw badRequest("sourceUnitId", "not_found");
}

export async function createIndicator(ctx: ActingContext, input: IndicatorCreate, tx: Queryable): Promise<string> {
  await checkSource(tx, input.sourceUnitId);
  const [row] = await tx.insert(indicators).values(input).onConflictDoNothing().returning();
  if (!row) throw conflict("code_taken", "code", { code: input.code });
  await writeAudit(tx, ctx, { action: "indicator.create", entityType: "indicator", entityId: row.id, after: row });
  return row.id;
}

/**
 * Edits an indicator. How its figures add up (period kind, accumulation) cannot change once it
 * has values: the stored figures would mean something else.
 */
export async function updateIndicator(ctx: ActingContext, id: string, input: IndicatorUpdate, tx: Queryable): Promise<void> {
  const before = await loadIndicator(tx, id);
  if (before.version !== input.version) throw conflict("stale_version");
  await checkSource(tx, input.sourceUnitId);
  const reshaped =
    (input.periodKind && input.periodKind !== before.periodKind) ||
    (input.accumulation && input.accumulation !== before.accumulation);
  if (reshaped) {
    const [has] = await tx.select({ one: sql`1` }).from(indicatorValues).where(eq(indicatorValues.indicatorId, id)).limit(1);
    const field = input.periodKind && input.periodKind !== before.periodKind ? "periodKind" : "accumulation";
    if (has) throw conflict("indicator_has_values", field);
  }
  const { version, ...fields } = input;
  const [after] = await tx
    .update(indicators)
    .set({ ...fields, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(indicators.id, id), eq(indicators.version, version)))
    .returning();
  if (!after) throw conflict("stale_version");
  const { sourceUnitName: _s, latestPeriod: _l, ...plain } = before;
  await writeAudit(tx, ctx, { action: "indicator.update", entityType: "indicator", entityId: id, before: plain, after });
}
