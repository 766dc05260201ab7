import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { indicatorValues, regions as regionsTable } from "../../db/schema.js";
import { type ReadCell, type ReadProblem, readStatisticsSheet, type SheetLayout } from "../../domain/indicator-sheets.js";
import { type Actor, regionInScope } from "../../domain/scope.js";
import { badRequest } from "../errors.js";
import { can } from "../policies/index.js";
import { cityAndParts, type LoadedIndicator, listIndicators } from "../queries/indicators.js";
import { type Sheet, text } from "../sheets/workbook.js";

export interface IndicatorImportPlan {
  sheets: { name: string; layout: SheetLayout | null; period: string | null; cells: number }[];
  cells: ReadCell[];
  /** Cells with no value yet, with a different one, and the same as stored. */
  fresh: number;
  revised: number;
  unchanged: number;
  changes: { cell: ReadCell; from: number | null }[];
  problems: ReadProblem[];
  indicators: Map<string, LoadedIndicator>;
  regionNames: Map<string, string>;
}

/**
 * Reads every sheet of a statistics workbook against the catalog and the city's regions, checks
 * the reader may enter each indicator found, and compares with what is stored. Writes nothing.
 */
export async function planIndicatorSheets(
  db: Queryable,
  actor: Actor,
  sheets: Sheet[],
  opts: { regionId: string; period: string | null },
): Promise<IndicatorImportPlan> {
  // A workbook is the figures of one's own region (or one below) and its parts.
  const [anchor] = await db.select({ path: regionsTable.path }).from(regionsTable).where(eq(regionsTable.id, opts.regionId));
  if (!anchor || !regionInScope(actor, anchor.path)) throw badRequest("regionId", "region_missing");
  const catalog = await listIndicators(db, { active: "true" });
  const { city, parts } = await cityAndParts(db, opts.regionId);
  const regions = [city, ...parts];
  const plan: IndicatorImportPlan = {
    sheets: [],
    cells: [],
    fresh: 0,
    revised: 0,
    unchanged: 0,
    changes: [],
    problems: [],
    indicators: new Map(catalog.map((i) => [i.id, i])),
    regionNames: new Map(regions.map((r) => [r.id, r.name])),
  };
  const seen = new Map<string, ReadCell>();
  for (const sheet of sheets) {
    const reading = readStatisticsSheet(
      { name: sheet.name, rows: sheet.rows.map((r) => ({ row: r.row, cells: r.cells.map(text) })) },
      { indicators: catalog, regions, cityId: city.id },
      opts.period,
    );
    if (!reading.layout) continue;
    plan.sheets.push({ name: sheet.name, layout: reading.layout, period: reading.period, cells: reading.cells.length });
    plan.problems.push(...reading.problems);
    for (const cell of reading.cells) {
      const indicator = plan.indicators.get(cell.indicatorId)!;
      if (!can(actor, "indicator", "enter", indicator)) {
        plan.problems.push({
          sheet: cell.sheet,
          row: cell.row,
          column: cell.column,
          value: indicator.nameZh,
          reason: "indicator_not_yours",
        });
        continue;
      }
      const k = `${cell.indicatorId} ${cell.period} ${cell.regionId}`;
      const earlier = seen.get(k);
      if (earlier) {
        plan.problems.push({
          sheet: cell.sheet,
          row: cell.row,
          column: cell.column,
          value: String(cell.value),
          reason: "value_repeated",
        });
        continue;
      }
      seen.set(k, cell);
      plan.cells.push(cell);
    }
  }
  if (!plan.sheets.length)
    plan.problems.push({ sheet: sheets[0]?.name ?? "", row: 1, column: "A", value: "", reason: "sheet_no_indicators" });
  await compare(db, plan);
  return plan;
}

async function compare(db: Queryable, plan: IndicatorImportPlan) {
  if (!plan.cells.length) return;
  const stored = new Map<string, { value: number; reportedGrowth: number | null }>();
  const indicatorIds = [...new Set(plan.cells.map((c) => c.indicatorId))];
  const periods = [...new Set(plan.cells.map((c) => c.period))];
  const regionIds = [...new Set(plan.cells.map((c) => c.regionId))];
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(
      and(
        inArray(indicatorValues.indicatorId, indicatorIds),
        inArray(indicatorValues.period, periods),
        inArray(indicatorValues.regionId, regionIds),
      ),
    );
  for (const r of rows) stored.set(`${r.indicatorId} ${r.period} ${r.regionId}`, r);
  for (const cell of plan.cells) {
    const was = stored.get(`${cell.indicatorId} ${cell.period} ${cell.regionId}`);
    if (!was) plan.fresh++;
    else if (was.value === cell.value && was.reportedGrowth === cell.reportedGrowth) {
      plan.unchanged++;
      continue;
    } else plan.revised++;
    plan.changes.push({ cell, from: was?.value ?? null });
  }
}
