import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { analyses, regions } from "../../db/schema.js";
import { type AnalysisFigures, draftAnalysis } from "../../domain/analysis.js";
import type { Locale } from "../../domain/people.js";
import { regionInScope } from "../../domain/scope.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import { figuresFor } from "../queries/indicator-figures.js";
import { cityAndParts, listIndicators } from "../queries/indicators.js";
import { indicatorLightSettings } from "../queries/settings.js";

/** The figures of every active indicator for the month over a city, named in the reader's language. */
export async function analysisFigures(db: Queryable, month: string, regionId: string, locale: Locale): Promise<AnalysisFigures> {
  const en = locale === "en";
  const list = await listIndicators(db, { active: "true" });
  const { city, parts } = await cityAndParts(db, regionId);
  const names = new Map(parts.map((p) => [p.id, en ? p.nameEn : p.name]));
  const figures = await figuresFor(db, list, month, city, parts, await indicatorLightSettings(db));
  return {
    month,
    city: en ? city.nameEn : city.name,
    rows: figures.map(({ indicator: i, figures: f }) => ({
      code: i.code,
      name: en ? i.nameEn : i.nameZh,
      measureUnit: en ? i.measureUnitEn : i.measureUnit,
      decimals: i.decimals,
      periodKind: i.periodKind,
      level: !i.additive && i.accumulation === "period",
      better: i.better,
      period: f.period,
      value: f.city.value,
      growth: f.city.growth,
      change: f.city.change,
      targetKind: f.city.target?.kind ?? null,
      target: f.city.target ? (f.city.target.kind === "growth" ? f.city.target.growth : f.city.target.value) : null,
      completion: f.city.status?.completion ?? null,
      neededGrowth: f.city.status?.neededGrowth ?? null,
      light: f.city.status?.light ?? null,
      source: i.sourceUnitName,
      parts: [...f.parts]
        .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER))
        .map((p) => ({
          region: names.get(p.regionId) ?? "",
          value: p.value,
          growth: p.growth,
          rank: p.rank,
          light: p.status?.light ?? null,
        })),
    })),
  };
}

/** Drafts the month's analysis from the figures as they stand and keeps both for editing. */
export async function createAnalysis(ctx: ActingContext, month: string, regionId: string, tx: Queryable): Promise<string> {
  // Written for one's own region or one below.
  const [region] = await tx.select({ path: regions.path }).from(regions).where(eq(regions.id, regionId));
  if (!region || !regionInScope(ctx.actor, region.path)) throw badRequest("regionId", "region_missing");
  const locale = ctx.locale;
  const figures = await analysisFigures(tx, month, regionId, locale);
  const draft = draftAnalysis(figures, locale);
  const [row] = await tx
    .insert(analyses)
    .values({
      period: month,
      regionId,
      title: draft.title,
      locale,
      figures,
      sections: draft.sections,
      createdBy: ctx.actor.id,
      createdByName: ctx.actor.displayName,
    })
    .returning();
  await writeAudit(tx, ctx, {
    action: "analysis.create",
    entityType: "analysis",
    entityId: row.id,
    after: { period: month, regionId, title: row.title },
  });
  return row.id;
}
