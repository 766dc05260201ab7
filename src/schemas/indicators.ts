import { z } from "zod";
import { ACCUMULATIONS, BETTER, INDICATOR_GROUPS, PERIOD_KINDS, TARGET_LIGHTS } from "../domain/indicators.js";
import { text, version } from "./common.js";

export const month = z.string().regex(/^(?:19|2[01])\d{2}-(0[1-9]|1[0-2])$/, { error: "period_invalid" });
const year = z.coerce.number().int().min(2000).max(2100);
const figure = z.number({ error: "number_invalid" }).min(-1e12).max(1e12);
const unitRef = z.object({ id: z.string(), name: z.string() });
const regionRef = z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string() });

const indicatorFields = {
  nameZh: text(100),
  nameEn: text(200),
  measureUnit: text(20),
  measureUnitEn: text(40),
  decimals: z.number().int().min(0).max(4),
  group: z.enum(INDICATOR_GROUPS),
  periodKind: z.enum(PERIOD_KINDS),
  accumulation: z.enum(ACCUMULATIONS),
  better: z.enum(BETTER),
  additive: z.boolean(),
  sourceUnitId: z.uuid().nullable(),
  headline: z.boolean(),
  sortOrder: z.number().int().min(0).max(100_000),
  active: z.boolean(),
};

export const indicatorCreate = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, { error: "required" })
      .max(30)
      .regex(/^[A-Za-z0-9_.-]+$/, { error: "code_invalid" }),
    ...indicatorFields,
  })
  .strict();
export type IndicatorCreate = z.infer<typeof indicatorCreate>;
export const indicatorUpdate = z.object(indicatorFields).partial().extend({ version }).strict();
export type IndicatorUpdate = z.infer<typeof indicatorUpdate>;

export const indicatorListQuery = z
  .object({
    group: z.enum(INDICATOR_GROUPS).optional(),
    q: z.string().trim().max(100).optional(),
    active: z.enum(["true", "false", "all"]).default("true"),
  })
  .strict();

export const indicatorOut = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  measureUnit: z.string(),
  measureUnitEn: z.string(),
  decimals: z.number(),
  group: z.enum(INDICATOR_GROUPS),
  periodKind: z.enum(PERIOD_KINDS),
  accumulation: z.enum(ACCUMULATIONS),
  better: z.enum(BETTER),
  additive: z.boolean(),
  sourceUnit: unitRef.nullable(),
  headline: z.boolean(),
  sortOrder: z.number(),
  active: z.boolean(),
  version: z.number(),
  /** The latest period any region has a value for. */
  latestPeriod: z.string().nullable(),
  abilities: z.object({ update: z.boolean(), enter: z.boolean() }),
});
export type IndicatorOut = z.infer<typeof indicatorOut>;
export const indicatorList = z.object({ items: z.array(indicatorOut), total: z.number() });

const targetOut = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("growth"), growth: z.number() }),
  z.object({ kind: z.literal("value"), value: z.number() }),
]);

export const regionFigureOut = z.object({
  region: regionRef,
  value: z.number().nullable(),
  lastYear: z.number().nullable(),
  growth: z.number().nullable(),
  growthPublished: z.boolean(),
  periodValue: z.number().nullable(),
  periodGrowth: z.number().nullable(),
  change: z.number().nullable(),
  target: targetOut.nullable(),
  annualTarget: z.number().nullable(),
  gap: z.number().nullable(),
  completion: z.number().nullable(),
  neededGrowth: z.number().nullable(),
  light: z.enum(TARGET_LIGHTS).nullable(),
  rank: z.number().nullable(),
  /** Share of the city's increase (贡献率) and points of its growth (拉动), for a part. */
  share: z.number().nullable(),
  pull: z.number().nullable(),
});
export type RegionFigureOut = z.infer<typeof regionFigureOut>;

export const figuresQuery = z.object({ month: month.optional(), regionId: z.uuid().optional() }).strict();
export const figuresOut = z.object({
  indicator: indicatorOut,
  month: z.string(),
  period: z.string(),
  city: regionFigureOut.extend({ summed: z.boolean(), reported: z.number(), expected: z.number() }),
  parts: z.array(regionFigureOut),
  trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
});
export type FiguresOut = z.infer<typeof figuresOut>;

export const valuesQuery = z.object({ year: year.optional(), regionId: z.uuid().optional() }).strict();
const cellOut = z.object({ value: z.number(), reportedGrowth: z.number().nullable(), revision: z.number() });
export const valuesOut = z.object({
  indicator: indicatorOut,
  year: z.number(),
  periods: z.array(z.string()),
  regions: z.array(
    regionRef.extend({
      cells: z.record(z.string(), cellOut),
      target: targetOut.nullable(),
    }),
  ),
});
export type ValuesOut = z.infer<typeof valuesOut>;

export const valuesIn = z
  .object({
    values: z
      .array(
        z.object({ regionId: z.uuid(), period: month, value: figure, reportedGrowth: figure.nullable().default(null) }).strict(),
      )
      .min(1, { error: "required" })
      .max(5000),
  })
  .strict();
export type ValuesIn = z.infer<typeof valuesIn>;
export const valuesSaved = z.object({ saved: z.number(), unchanged: z.number() });

export const revisionsQuery = z.object({ regionId: z.uuid(), period: month }).strict();
export const revisionsOut = z.object({
  items: z.array(
    z.object({
      revision: z.number(),
      value: z.number(),
      reportedGrowth: z.number().nullable(),
      source: z.string(),
      sourceName: z.string().nullable(),
      changedByName: z.string(),
      changedAt: z.string(),
    }),
  ),
});

export const targetsIn = z
  .object({
    year: z.number().int().min(2000).max(2100),
    targets: z
      .array(z.object({ regionId: z.uuid(), kind: z.enum(["growth", "value"]), amount: figure.nullable() }).strict())
      .max(1000),
  })
  .strict();
export type TargetsIn = z.infer<typeof targetsIn>;

export const indicatorSettingsIn = z
  .object({
    growthClose: z.number().min(0).max(50),
    progressClose: z.number().min(0).max(50),
  })
  .strict();
export type IndicatorSettingsIn = z.infer<typeof indicatorSettingsIn>;

export const importQuery = z
  .object({
    commit: z.enum(["true", "false"]).default("false"),
    period: month.optional(),
    regionId: z.uuid().optional(),
  })
  .strict();
export const importOut = z.object({
  committed: z.boolean(),
  sheets: z.array(
    z.object({
      name: z.string(),
      layout: z.enum(["regions_across", "indicators_across"]).nullable(),
      period: z.string().nullable(),
      cells: z.number(),
    }),
  ),
  total: z.number(),
  fresh: z.number(),
  revised: z.number(),
  unchanged: z.number(),
  /** The first changes, for the preview. */
  changes: z.array(
    z.object({
      indicator: z.object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() }),
      region: z.object({ id: z.string(), name: z.string() }),
      period: z.string(),
      from: z.number().nullable(),
      to: z.number(),
      reportedGrowth: z.number().nullable(),
    }),
  ),
});
export type ImportOut = z.infer<typeof importOut>;

export const monthFiguresQuery = z
  .object({ month: month.optional(), regionId: z.uuid().optional(), group: z.enum(INDICATOR_GROUPS).optional() })
  .strict();
export const monthFiguresOut = z.object({
  month: z.string(),
  months: z.array(z.string()),
  city: regionRef,
  items: z.array(
    z.object({
      indicator: indicatorOut,
      period: z.string(),
      city: regionFigureOut.extend({ summed: z.boolean(), reported: z.number(), expected: z.number() }),
    }),
  ),
});
export type MonthFiguresOut = z.infer<typeof monthFiguresOut>;
