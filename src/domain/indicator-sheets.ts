/**
 * Reading the sheets statistics bureaus issue: one indicator per row with the regions across
 * (or the reverse), a growth column after a value where the bureau gives one, the month in the
 * sheet's name or title ("2026年1-10月"). Pure: cells come in as text.
 */
import { isPeriod, type PeriodKind } from "./indicators.js";

export interface CatalogIndicator {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  periodKind: PeriodKind;
}
export interface CatalogRegion {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}
export interface SheetText {
  name: string;
  rows: { row: number; cells: string[] }[];
}
export interface ReadCell {
  indicatorId: string;
  regionId: string;
  period: string;
  value: number;
  reportedGrowth: number | null;
  sheet: string;
  row: number;
  column: string;
}
export interface ReadProblem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}
export type SheetLayout = "regions_across" | "indicators_across";
export interface SheetReading {
  sheet: string;
  layout: SheetLayout | null;
  period: string | null;
  cells: ReadCell[];
  problems: ReadProblem[];
}

/** Column letters as Excel shows them: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A label without its numbering ("一、", "1.", "（一）"), unit in brackets, spaces or case. */
export function normalName(label: string): string {
  return label
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[#＃])\s*/, "")
    .replace(/[\s　:：*]/g, "")
    .toLowerCase();
}

const CITY_ALIASES = ["全市", "全市合计", "合计", "总计", "全市总计", "total", "citytotal", "wholecity"];
const GROWTH = /增长|增速|增幅|同比|growth|±|%$|％$/i;
const EMPTY = /^(?:|-|—|－|…|\/|n\/a|na)$/i;

/** Matches labels to the catalog's indicators and regions by code, Chinese or English name. */
export function makeMatcher(indicators: CatalogIndicator[], regions: CatalogRegion[], cityId: string) {
  const byIndicator = new Map<string, CatalogIndicator>();
  for (const i of indicators) for (const label of [i.code, i.nameZh, i.nameEn]) byIndicator.set(normalName(label), i);
  const byRegion = new Map<string, CatalogRegion>();
  for (const r of regions) {
    for (const label of [r.code, r.name, r.nameEn]) byRegion.set(normalName(label), r);
    // 南湖区 is also written 南湖 in a narrow column.
    const short = r.name.replace(/(?:区|县|市|镇|街道)$/, "");
    if (short.length >= 2 && !byRegion.has(short)) byRegion.set(short, r);
  }
  const city = regions.find((r) => r.id === cityId);
  if (city) for (const alias of CITY_ALIASES) byRegion.set(alias, city);
  return {
    indicator: (label: string) => (label ? byIndicator.get(normalName(label)) : undefined),
    region: (label: string) => (label ? byRegion.get(normalName(label)) : undefined),
  };
}
type Matcher = ReturnType<typeof makeMatcher>;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** The month a title names: "2026年1-10月", "2026年10月", "2026年前三季度", "2026-10". */
export function periodInText(text: string): string | null {
  const month = /(\d{4})\s*年\s*(?:1\s*[-—~～至]\s*)?(\d{1,2})\s*月/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${month[1]}-${month[2].padStart(2, "0")}`;
  const quarter = /(\d{4})\s*年\s*(?:前|1\s*[-—~～至]\s*)?([一二三四1-4])\s*季度/.exec(text);
  if (quarter) {
    const q = CN_DIGITS[quarter[2]] ?? Number(quarter[2]);
    return `${quarter[1]}-${String(q * 3).padStart(2, "0")}`;
  }
  const iso = /(\d{4})[-/.](\d{1,2})(?!\d)/.exec(text);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return `${iso[1]}-${iso[2].padStart(2, "0")}`;
  return null;
}

/** A figure as typed: thousands separators and a trailing % allowed; null for an empty mark. */
export function parseFigure(raw: string): number | null | "invalid" {
  const s = raw.replace(/[,，\s]/g, "").replace(/[%％]$/, "");
  if (EMPTY.test(s)) return null;
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(s)) return "invalid";
  return Number(s);
}

interface Header {
  row: number;
  layout: SheetLayout;
  /** column → what heads it: an entity id, or "growth" for the growth of the column before. */
  columns: Map<number, { id: string } | "growth" | "unknown">;
  firstData: number;
}

function findHeader(sheet: SheetText, match: Matcher): Header | null {
  let best: Header | null = null;
  let bestCount = 0;
  for (const { row, cells } of sheet.rows.slice(0, 15)) {
    for (const layout of ["regions_across", "indicators_across"] as const) {
      const find = layout === "regions_across" ? match.region : match.indicator;
      const columns = new Map<number, { id: string } | "growth" | "unknown">();
      let count = 0;
      let firstData = -1;
      cells.forEach((label, c) => {
        if (c === 0) return;
        const hit = find(label);
        if (hit) {
          columns.set(c, { id: hit.id });
          count++;
          if (firstData < 0) firstData = c;
        } else if (firstData >= 0 && GROWTH.test(label)) columns.set(c, "growth");
        else if (firstData >= 0 && label) columns.set(c, "unknown");
      });
      if (count > bestCount) {
        best = { row, layout, columns, firstData };
        bestCount = count;
      }
    }
  }
  return best;
}

/**
 * Reads one sheet. Rows above the header may carry the title with the month; a row whose label
 * matches nothing and holds no figures (a section heading, a note) is passed over.
 */
export function readStatisticsSheet(
  sheet: SheetText,
  catalog: { indicators: CatalogIndicator[]; regions: CatalogRegion[]; cityId: string },
  fallbackPeriod: string | null,
): SheetReading {
  const match = makeMatcher(catalog.indicators, catalog.regions, catalog.cityId);
  const header = findHeader(sheet, match);
  const reading: SheetReading = { sheet: sheet.name, layout: header?.layout ?? null, period: null, cells: [], problems: [] };
  if (!header) return reading;
  const title = [sheet.name, ...sheet.rows.filter((r) => r.row < header.row).flatMap((r) => r.cells)].join(" ");
  reading.period = periodInText(title) ?? fallbackPeriod;
  const problem = (row: number, column: number, value: string, reason: string) =>
    reading.problems.push({ sheet: sheet.name, row, column: columnName(column), value, reason });
  if (!reading.period) {
    problem(header.row, 0, sheet.name, "sheet_no_period");
    return reading;
  }
  const period = reading.period;
  const across = header.layout === "regions_across";
  const indicatorOf = new Map(catalog.indicators.map((i) => [i.id, i]));
  const unknownColumns = new Set<number>();

  for (const { row, cells } of sheet.rows) {
    if (row <= header.row) continue;
    const labels = cells.slice(0, header.firstData);
    const entity = labels.map((l) => (across ? match.indicator(l) : match.region(l))).find(Boolean);
    const figures = [...header.columns.keys()].filter((c) => parseFigure(cells[c] ?? "") !== null);
    if (!entity) {
      if (figures.length) problem(row, 0, labels.find(Boolean) ?? "", across ? "indicator_unknown" : "region_not_under");
      continue;
    }
    for (const [c, head] of header.columns) {
      if (head === "growth") continue;
      const raw = cells[c] ?? "";
      const value = parseFigure(raw);
      if (value === null) continue;
      if (head === "unknown") {
        if (!unknownColumns.has(c))
          problem(
            header.row,
            c,
            sheet.rows.find((r) => r.row === header.row)?.cells[c] ?? "",
            across ? "region_not_under" : "indicator_unknown",
          );
        unknownColumns.add(c);
        continue;
      }
      if (value === "invalid") {
        problem(row, c, raw, "number_invalid");
        continue;
      }
      const growthRaw = header.columns.get(c + 1) === "growth" ? (cells[c + 1] ?? "") : "";
      const growth = parseFigure(growthRaw);
      if (growth === "invalid") {
        problem(row, c + 1, growthRaw, "number_invalid");
        continue;
      }
      const indicatorId = across ? entity.id : head.id;
      const regionId = across ? head.id : entity.id;
      if (!isPeriod(period, indicatorOf.get(indicatorId)?.periodKind ?? "monthly")) {
        problem(row, c, raw, "period_not_quarter");
        continue;
      }
      reading.cells.push({
        indicatorId,
        regionId,
        period,
        value,
        reportedGrowth: growth,
        sheet: sheet.name,
        row,
        column: columnName(c),
      });
    }
  }
  // In reading order, as a person goes down the sheet fixing them.
  reading.problems.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return reading;
}
