import type { Queryable } from "../../db/connection.js";
import { monthBefore } from "../../domain/indicators.js";
import { type Actor, unitScopeOf } from "../../domain/scope.js";
import type { CockpitOut } from "../../schemas/cockpit.js";
import { todayIso } from "../clock.js";
import { latestFlags } from "./evaluations.js";
import { figuresFor } from "./indicator-figures.js";
import { cityAndParts, listIndicators, recentMonths } from "./indicators.js";
import { listProjects } from "./projects.js";
import { indicatorLightSettings } from "./settings.js";
import { listTasks } from "./tasks.js";

/** How many headline tiles the cockpit shows when none are marked: the first of the catalog. */
const FALLBACK_HEADLINES = 8;

/** The leaders' screen: headline figures with their trend and light, the regions on a map and ranked, and work in the red. */
export async function cockpit(
  db: Queryable,
  actor: Actor,
  q: { month?: string; regionId?: string; mapIndicatorId?: string },
): Promise<CockpitOut> {
  const active = await listIndicators(db, { active: "true" });
  const marked = active.filter((i) => i.headline);
  const headlines = marked.length ? marked : active.slice(0, FALLBACK_HEADLINES);
  const months = recentMonths(headlines);
  const month = q.month ?? months[0] ?? monthBefore(todayIso());
  const { city, parts } = await cityAndParts(db, q.regionId ?? actor.regionId);
  const scope = unitScopeOf(actor);
  const [figures, red, projects, flags] = await Promise.all([
    figuresFor(db, headlines, month, city, parts, await indicatorLightSettings(db)),
    listTasks(db, { light: "red", open: "true", sort: "dueOn", order: "asc", limit: 8 }, scope),
    listProjects(db, actor, { warning: "red", sort: "code", order: "asc", limit: 8 }),
    latestFlags(db),
  ]);
  const mapIndicatorId = headlines.some((i) => i.id === q.mapIndicatorId) ? q.mapIndicatorId! : (headlines[0]?.id ?? null);
  return {
    month,
    months,
    city,
    regions: parts,
    headlines: figures.map(({ indicator: i, figures: f, trend }) => ({
      indicator: {
        id: i.id,
        code: i.code,
        nameZh: i.nameZh,
        nameEn: i.nameEn,
        measureUnit: i.measureUnit,
        measureUnitEn: i.measureUnitEn,
        decimals: i.decimals,
        periodKind: i.periodKind,
        accumulation: i.accumulation,
        better: i.better,
        additive: i.additive,
      },
      period: f.period,
      value: f.city.value,
      growth: f.city.growth,
      change: f.city.change,
      target: f.city.target ? (f.city.target.kind === "growth" ? f.city.target.growth : f.city.target.value) : null,
      targetKind: f.city.target?.kind ?? null,
      completion: f.city.status?.completion ?? null,
      light: f.city.status?.light ?? null,
      reported: f.city.reported,
      expected: f.city.expected,
      trend,
      parts: f.parts.map((p) => ({
        regionId: p.regionId,
        value: p.value,
        growth: p.growth,
        light: p.status?.light ?? null,
        rank: p.rank,
      })),
    })),
    mapIndicatorId,
    redTasks: {
      total: red.total,
      items: red.items.map((t) => ({ id: t.id, number: t.number, title: t.title, leadUnit: t.leadName, dueOn: t.dueOn })),
    },
    redProjects: {
      total: projects.total,
      items: projects.items.map((p) => ({ id: p.id, code: p.code, name: p.name, region: p.regionName })),
    },
    flags,
  };
}
