/**
 * The demo's indicator catalog (the usual set a city's monthly analysis covers) and figures for
 * the city's districts and counties from January two years ago to last month, from a fixed seed:
 * seasonal months, each region growing at its own pace around the city's.
 */
import { eq, inArray } from "drizzle-orm";
import { type IndicatorGroup, type IndicatorShape, monthBefore, periodsOfYear, roundTo, yearOf } from "../domain/indicators.js";
import { todayIso } from "../server/clock.js";
import type { Queryable } from "./connection.js";
import { random } from "./demo-random.js";
import { indicators, indicatorTargets, indicatorValues, regions, units } from "./schema.js";

export interface CatalogEntry extends IndicatorShape {
  code: string;
  nameZh: string;
  nameEn: string;
  measureUnit: string;
  measureUnitEn: string;
  decimals: number;
  group: IndicatorGroup;
  source: string;
  headline: boolean;
  /** The city's annual total two years ago (a level for a non-additive indicator), its usual growth, its target growth. */
  demo: { total: number; growth: number; target: number };
}

const YI = ["亿元", "100 million yuan"] as const;
const KWH = ["亿千瓦时", "100 million kWh"] as const;
const ytd = { periodKind: "monthly", accumulation: "cumulative", better: "higher", additive: true, decimals: 2 } as const;

export const DEMO_CATALOG: CatalogEntry[] = [
  entry("GDP", "地区生产总值", "Gross regional product", YI, "overall", "JX-TJJ", true, [6900, 6.2, 6.0], {
    periodKind: "quarterly",
  }),
  entry(
    "IVA",
    "规模以上工业增加值",
    "Value added of industry above designated size",
    YI,
    "industry",
    "JX-TJJ",
    true,
    [2250, 8.1, 8.0],
  ),
  entry(
    "IOUT",
    "规模以上工业总产值",
    "Gross output of industry above designated size",
    YI,
    "industry",
    "JX-TJJ",
    false,
    [13100, 6.8, 7.0],
  ),
  entry("FAI", "固定资产投资", "Fixed-asset investment", YI, "investment", "JX-TJJ", true, [2700, 5.1, 6.0]),
  entry("IINV", "工业投资", "Industrial investment", YI, "investment", "JX-TJJ", false, [980, 9.5, 10.0]),
  entry(
    "RETAIL",
    "社会消费品零售总额",
    "Total retail sales of consumer goods",
    YI,
    "consumption",
    "JX-TJJ",
    true,
    [2350, 5.6, 6.0],
  ),
  entry("TRADE", "进出口总额", "Total imports and exports", YI, "foreign_trade", "JX-SWJ", true, [3900, 4.4, 5.0]),
  entry("EXPORT", "出口总额", "Exports", YI, "foreign_trade", "JX-SWJ", false, [2800, 5.2, 5.0]),
  entry(
    "FDI",
    "实际使用外资",
    "Foreign capital actually used",
    ["亿美元", "100 million US dollars"],
    "foreign_trade",
    "JX-SWJ",
    false,
    [38, 3.0, 5.0],
  ),
  entry("REVENUE", "一般公共预算收入", "General public budget revenue", YI, "fiscal", "JX-CZJ", true, [720, 3.6, 4.0]),
  entry("TAX", "税收收入", "Tax revenue", YI, "fiscal", "JX-CZJ", false, [610, 3.1, 4.0]),
  entry("ELEC", "全社会用电量", "Electricity consumption", KWH, "energy", "JX-TJJ", true, [720, 6.9, 6.0], {
    accumulation: "period",
  }),
  entry("IELEC", "工业用电量", "Industrial electricity consumption", KWH, "energy", "JX-TJJ", false, [520, 7.4, 6.0], {
    accumulation: "period",
  }),
  entry("UNEMP", "城镇调查失业率", "Surveyed urban unemployment rate", ["%", "%"], "employment", "JX-TJJ", false, [3.4, 0, 4.5], {
    accumulation: "period",
    better: "lower",
    additive: false,
    decimals: 1,
  }),
];

function entry(
  code: string,
  nameZh: string,
  nameEn: string,
  [measureUnit, measureUnitEn]: readonly [string, string],
  group: IndicatorGroup,
  source: string,
  headline: boolean,
  [total, growth, target]: [number, number, number],
  shape: Partial<IndicatorShape & { decimals: number }> = {},
): CatalogEntry {
  return {
    ...ytd,
    ...shape,
    code,
    nameZh,
    nameEn,
    measureUnit,
    measureUnitEn,
    group,
    source,
    headline,
    demo: { total, growth, target },
  };
}

/** How a year's total falls across the months (January and February are slow, December is the year-end push). */
const SEASON = [0.07, 0.055, 0.085, 0.082, 0.084, 0.09, 0.08, 0.079, 0.088, 0.084, 0.089, 0.115];
/** The districts' and counties' shares of the city. */
const SHARES: Record<string, number> = {
  "330402": 0.16,
  "330411": 0.13,
  "330421": 0.14,
  "330424": 0.1,
  "330481": 0.18,
  "330482": 0.14,
  "330483": 0.15,
};

export async function generateDemoIndicators(tx: Queryable, seed = 20261122): Promise<number> {
  const rand = random(seed);
  const [city] = await tx.select().from(regions).where(eq(regions.code, "330400"));
  if (!city) return 0;
  const parts = await tx.select({ id: regions.id, code: regions.code }).from(regions).where(eq(regions.parentId, city.id));
  const sources = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(
      inArray(
        units.code,
        DEMO_CATALOG.map((c) => c.source),
      ),
    );
  const sourceId = new Map(sources.map((s) => [s.code, s.id]));
  const latest = monthBefore(todayIso());
  const thisYear = yearOf(latest);
  const firstYear = thisYear - 2;
  const values: (typeof indicatorValues.$inferInsert)[] = [];
  const targets: (typeof indicatorTargets.$inferInsert)[] = [];

  for (const [order, c] of DEMO_CATALOG.entries()) {
    const { demo, code, source, ...fields } = c;
    const [indicator] = await tx
      .insert(indicators)
      .values({ ...fields, code, sourceUnitId: sourceId.get(source) ?? null, sortOrder: (order + 1) * 10 })
      .returning({ id: indicators.id });
    const places = c.additive ? parts : [{ id: city.id, code: city.code }, ...parts];
    for (const place of places) {
      const share = (SHARES[place.code] ?? 1) * (0.85 + rand() * 0.3);
      const pace = demo.growth + (rand() - 0.5) * 8;
      for (let year = firstYear; year <= thisYear; year++) {
        const annual = demo.total * share * (1 + pace / 100) ** (year - firstYear);
        let running = 0;
        for (const period of periodsOfYear(c.periodKind, year)) {
          if (period > latest) break;
          const month = Number(period.slice(5, 7));
          const months = c.periodKind === "monthly" ? [month] : [month - 2, month - 1, month];
          const flow = months.reduce((s, m) => s + annual * SEASON[m - 1], 0) * (0.97 + rand() * 0.06);
          running += flow;
          const value = !c.additive
            ? demo.total + (rand() - 0.5) * 0.8 + (month <= 2 ? 0.3 : 0)
            : c.accumulation === "cumulative"
              ? running
              : flow;
          values.push({
            indicatorId: indicator.id,
            regionId: place.id,
            period,
            value: roundTo(value, c.decimals),
            source: "import",
            sourceName: "demo",
            updatedByName: "system",
          });
        }
      }
      for (const year of [thisYear - 1, thisYear])
        targets.push({
          indicatorId: indicator.id,
          regionId: place.id,
          year,
          kind: c.additive ? "growth" : "value",
          amount: c.additive ? roundTo(demo.target + Math.round((rand() - 0.5) * 4) / 2, 1) : demo.target,
        });
    }
    // The city's own target (the sum of its parts is judged against it).
    if (c.additive)
      for (const year of [thisYear - 1, thisYear])
        targets.push({ indicatorId: indicator.id, regionId: city.id, year, kind: "growth", amount: demo.target });
  }
  for (let i = 0; i < values.length; i += 1000) await tx.insert(indicatorValues).values(values.slice(i, i + 1000));
  await tx.insert(indicatorTargets).values(targets);
  return values.length;
}
