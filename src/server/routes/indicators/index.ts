import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../../../db/connection.js";
import { indicatorRevisions, indicatorValues } from "../../../db/schema.js";
import { monthBefore, periodsOfYear, yearOf } from "../../../domain/indicators.js";
import type { Actor } from "../../../domain/scope.js";
import { idParams } from "../../../schemas/common.js";
import {
  figuresOut,
  figuresQuery,
  indicatorCreate,
  indicatorList,
  indicatorListQuery,
  indicatorOut,
  indicatorSettingsIn,
  indicatorUpdate,
  monthFiguresOut,
  monthFiguresQuery,
  revisionsOut,
  revisionsQuery,
  targetsIn,
  valuesIn,
  valuesOut,
  valuesQuery,
  valuesSaved,
} from "../../../schemas/indicators.js";
import { todayIso } from "../../clock.js";
import { recordIndicatorValues } from "../../commands/record-indicator-values.js";
import { createIndicator, updateIndicator } from "../../commands/save-indicator.js";
import { saveIndicatorSettings } from "../../commands/save-indicator-settings.js";
import { saveIndicatorTargets } from "../../commands/save-indicator-targets.js";
import type { ActingContext } from "../../context.js";
import { authorize } from "../../policies/index.js";
import { presentFigures, presentIndicator, presentRegionFigure } from "../../presenters/indicator.js";
import { figuresFor } from "../../queries/indicator-figures.js";
import { cityAndParts, listIndicators, loadCells, loadIndicator, loadTargets, recentMonths } from "../../queries/indicators.js";
import { indicatorLightSettings } from "../../queries/settings.js";
import type { RoutePlugin } from "../types.js";

const tags = ["indicators"];

async function indicatorView(db: Queryable, id: string, actor: Actor) {
  return presentIndicator(await loadIndicator(db, id), actor);
}

export const indicatorRoutes: RoutePlugin = async (app, { database }) => {
  const { db } = database;

  app.get(
    "/api/indicators",
    { schema: { tags, querystring: indicatorListQuery, response: { 200: indicatorList } } },
    async (req) => {
      authorize(req.ctx, "indicator", "list");
      const items = await listIndicators(db, req.query);
      return { items: items.map((i) => presentIndicator(i, req.ctx.actor!)), total: items.length };
    },
  );

  app.post(
    "/api/indicators",
    { schema: { tags, body: indicatorCreate, response: { 201: indicatorOut } } },
    async (req, reply) => {
      authorize(req.ctx, "indicator", "create");
      const ctx = req.ctx as ActingContext;
      const id = await db.transaction((tx) => createIndicator(ctx, req.body, tx));
      return reply.code(201).send(await indicatorView(db, id, ctx.actor));
    },
  );

  app.get("/api/indicators/:id", { schema: { tags, params: idParams, response: { 200: indicatorOut } } }, async (req) => {
    authorize(req.ctx, "indicator", "read");
    return indicatorView(db, req.params.id, req.ctx.actor!);
  });

  app.patch(
    "/api/indicators/:id",
    { schema: { tags, params: idParams, body: indicatorUpdate, response: { 200: indicatorOut } } },
    async (req) => {
      authorize(req.ctx, "indicator", "update");
      const ctx = req.ctx as ActingContext;
      await db.transaction((tx) => updateIndicator(ctx, req.params.id, req.body, tx));
      return indicatorView(db, req.params.id, ctx.actor);
    },
  );

  // Every indicator's figure for the city in a month: the figures table.
  app.get(
    "/api/indicator-figures",
    { schema: { tags, querystring: monthFiguresQuery, response: { 200: monthFiguresOut } } },
    async (req) => {
      authorize(req.ctx, "indicator", "list");
      const actor = req.ctx.actor!;
      const list = await listIndicators(db, { active: "true", group: req.query.group });
      const months = recentMonths(list);
      const month = req.query.month ?? months[0] ?? monthBefore(todayIso());
      const { city, parts } = await cityAndParts(db, req.query.regionId ?? actor.regionId);
      const figures = await figuresFor(db, list, month, city, parts, await indicatorLightSettings(db), true);
      return {
        month,
        months,
        city,
        items: figures.map(({ indicator, figures: f }) => ({
          indicator: presentIndicator(indicator, actor),
          period: f.period,
          city: {
            ...presentRegionFigure(f.city, city),
            summed: f.city.summed,
            reported: f.city.reported,
            expected: f.city.expected,
          },
        })),
      };
    },
  );

  // The month's figures over a city (default: the reader's region) and the regions under it.
  app.get(
    "/api/indicators/:id/figures",
    { schema: { tags, params: idParams, querystring: figuresQuery, response: { 200: figuresOut } } },
    async (req) => {
      authorize(req.ctx, "indicator", "read");
      const actor = req.ctx.actor!;
      const indicator = await loadIndicator(db, req.params.id);
      const month = req.query.month ?? indicator.latestPeriod ?? monthBefore(todayIso());
      const { city, parts } = await cityAndParts(db, req.query.regionId ?? actor.regionId);
      const [one] = await figuresFor(db, [indicator], month, city, parts, await indicatorLightSettings(db));
      return presentFigures(presentIndicator(indicator, actor), month, one.figures, one.trend, city, parts);
    },
  );

  // A year of values over a city and its parts, as the entry grid shows them, with the year's targets.
  app.get(
    "/api/indicators/:id/values",
    { schema: { tags, params: idParams, querystring: valuesQuery, response: { 200: valuesOut } } },
    async (req) => {
      authorize(req.ctx, "indicator", "read");
      const actor = req.ctx.actor!;
      const indicator = await loadIndicator(db, req.params.id);
      const year = req.query.year ?? yearOf(indicator.latestPeriod ?? monthBefore(todayIso()));
      const { city, parts } = await cityAndParts(db, req.query.regionId ?? actor.regionId);
      const places = [city, ...parts];
      const ids = places.map((p) => p.id);
      const [cells, targets] = await Promise.all([
        loadCells(db, [indicator.id], ids, `${year}-01`, `${year}-12`),
        loadTargets(db, [indicator.id], ids, [year]),
      ]);
      const byRegion = cells.get(indicator.id);
      const yearTargets = targets.get(`${indicator.id} ${year}`);
      return {
        indicator: presentIndicator(indicator, actor),
        year,
        periods: periodsOfYear(indicator.periodKind, year),
        regions: places.map((p) => ({
          ...p,
          cells: Object.fromEntries(byRegion?.get(p.id) ?? []),
          target: yearTargets?.get(p.id) ?? null,
        })),
      };
    },
  );

  app.put(
    "/api/indicators/:id/values",
    { schema: { tags, params: idParams, body: valuesIn, response: { 200: valuesSaved } } },
    async (req) => {
      const indicator = await loadIndicator(db, req.params.id);
      authorize(req.ctx, "indicator", "enter", indicator);
      const ctx = req.ctx as ActingContext;
      const cells = req.body.values.map((v) => ({ ...v, indicatorId: indicator.id }));
      return db.transaction((tx) =>
        recordIndicatorValues(ctx, new Map([[indicator.id, indicator]]), cells, { kind: "entry", name: null }, tx),
      );
    },
  );

  // Every value a cell has had, newest first.
  app.get(
    "/api/indicators/:id/revisions",
    { schema: { tags, params: idParams, querystring: revisionsQuery, response: { 200: revisionsOut } } },
    async (req) => {
      authorize(req.ctx, "indicator", "read");
      await loadIndicator(db, req.params.id);
      const cell = and(
        eq(indicatorValues.indicatorId, req.params.id),
        eq(indicatorValues.regionId, req.query.regionId),
        eq(indicatorValues.period, req.query.period),
      );
      const [now] = await db.select().from(indicatorValues).where(cell);
      const before = await db
        .select()
        .from(indicatorRevisions)
        .where(
          and(
            eq(indicatorRevisions.indicatorId, req.params.id),
            eq(indicatorRevisions.regionId, req.query.regionId),
            eq(indicatorRevisions.period, req.query.period),
          ),
        )
        .orderBy(desc(indicatorRevisions.revision));
      const current = now ? [{ ...now, changedByName: now.updatedByName, changedAt: now.updatedAt }] : [];
      return { items: [...current, ...before] };
    },
  );

  app.put(
    "/api/indicators/:id/targets",
    { schema: { tags, params: idParams, body: targetsIn, response: { 200: indicatorOut } } },
    async (req) => {
      authorize(req.ctx, "indicator", "target");
      const ctx = req.ctx as ActingContext;
      const indicator = await loadIndicator(db, req.params.id);
      await db.transaction((tx) => saveIndicatorTargets(ctx, indicator, req.body, tx));
      return presentIndicator(indicator, ctx.actor);
    },
  );

  app.get("/api/settings/indicators", { schema: { tags, response: { 200: indicatorSettingsIn } } }, async (req) => {
    authorize(req.ctx, "settings", "read");
    return indicatorLightSettings(db);
  });

  app.put(
    "/api/settings/indicators",
    { schema: { tags, body: indicatorSettingsIn, response: { 200: indicatorSettingsIn } } },
    async (req) => {
      authorize(req.ctx, "settings", "update");
      const ctx = req.ctx as ActingContext;
      await db.transaction((tx) => saveIndicatorSettings(ctx, req.body, tx));
      return indicatorLightSettings(db);
    },
  );
};
