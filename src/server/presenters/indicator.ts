import type { IndicatorFigures, RegionFigure } from "../../domain/indicator-figures.js";
import type { Contribution } from "../../domain/indicators.js";
import type { Actor } from "../../domain/scope.js";
import type { FiguresOut, IndicatorOut, RegionFigureOut } from "../../schemas/indicators.js";
import { can } from "../policies/index.js";
import type { LoadedIndicator, RegionRef } from "../queries/indicators.js";

export const presentIndicator = (i: LoadedIndicator, actor: Actor): IndicatorOut => ({
  id: i.id,
  code: i.code,
  nameZh: i.nameZh,
  nameEn: i.nameEn,
  measureUnit: i.measureUnit,
  measureUnitEn: i.measureUnitEn,
  decimals: i.decimals,
  group: i.group,
  periodKind: i.periodKind,
  accumulation: i.accumulation,
  better: i.better,
  additive: i.additive,
  sourceUnit: i.sourceUnitId ? { id: i.sourceUnitId, name: i.sourceUnitName ?? "" } : null,
  headline: i.headline,
  sortOrder: i.sortOrder,
  active: i.active,
  version: i.version,
  latestPeriod: i.latestPeriod,
  abilities: { update: can(actor, "indicator", "update"), enter: can(actor, "indicator", "enter", i) },
});

export function presentRegionFigure(f: RegionFigure, region: RegionRef, contribution?: Contribution): RegionFigureOut {
  return {
    region,
    value: f.value,
    lastYear: f.lastYear,
    growth: f.growth,
    growthPublished: f.growthPublished,
    periodValue: f.periodValue,
    periodGrowth: f.periodGrowth,
    change: f.change,
    target: f.target,
    annualTarget: f.status?.annualTarget ?? null,
    gap: f.status?.gap ?? null,
    completion: f.status?.completion ?? null,
    neededGrowth: f.status?.neededGrowth ?? null,
    light: f.status?.light ?? null,
    rank: f.rank,
    share: contribution?.share ?? null,
    pull: contribution?.pull ?? null,
  };
}

export function presentFigures(
  indicator: IndicatorOut,
  month: string,
  figures: IndicatorFigures,
  trend: FiguresOut["trend"],
  city: RegionRef,
  parts: RegionRef[],
): FiguresOut {
  const byId = new Map(parts.map((p) => [p.id, p]));
  const shares = new Map(figures.contributions.map((c) => [c.regionId, c]));
  return {
    indicator,
    month,
    period: figures.period,
    city: {
      ...presentRegionFigure(figures.city, city),
      summed: figures.city.summed,
      reported: figures.city.reported,
      expected: figures.city.expected,
    },
    parts: figures.parts.map((f) => presentRegionFigure(f, byId.get(f.regionId)!, shares.get(f.regionId))),
    trend,
  };
}
