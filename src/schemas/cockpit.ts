import { z } from "zod";
import { ACCUMULATIONS, BETTER, PERIOD_KINDS, TARGET_LIGHTS } from "../domain/indicators.js";
import { month } from "./indicators.js";

export const cockpitQuery = z
  .object({ month: month.optional(), regionId: z.uuid().optional(), mapIndicatorId: z.uuid().optional() })
  .strict();

const light = z.enum(TARGET_LIGHTS).nullable();
const partFigure = z.object({
  regionId: z.string(),
  value: z.number().nullable(),
  growth: z.number().nullable(),
  light,
  rank: z.number().nullable(),
});

export const cockpitOut = z.object({
  month: z.string(),
  /** The months any headline indicator has figures for, newest first: the month picker. */
  months: z.array(z.string()),
  city: z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string() }),
  regions: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string() })),
  headlines: z.array(
    z.object({
      indicator: z.object({
        id: z.string(),
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        measureUnit: z.string(),
        measureUnitEn: z.string(),
        decimals: z.number(),
        periodKind: z.enum(PERIOD_KINDS),
        accumulation: z.enum(ACCUMULATIONS),
        better: z.enum(BETTER),
        additive: z.boolean(),
      }),
      period: z.string(),
      value: z.number().nullable(),
      growth: z.number().nullable(),
      change: z.number().nullable(),
      target: z.number().nullable(),
      targetKind: z.enum(["growth", "value"]).nullable(),
      completion: z.number().nullable(),
      light,
      reported: z.number(),
      expected: z.number(),
      trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
      parts: z.array(partFigure),
    }),
  ),
  mapIndicatorId: z.string().nullable(),
  /** Work in the red from the other modules, within the reader's reach. */
  redTasks: z.object({
    total: z.number(),
    items: z.array(z.object({ id: z.string(), number: z.number(), title: z.string(), leadUnit: z.string(), dueOn: z.string() })),
  }),
  redProjects: z.object({
    total: z.number(),
    items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), region: z.string() })),
  }),
  /** The flags of the latest published result of each active evaluation scheme. */
  flags: z.array(
    z.object({
      schemeId: z.string(),
      scheme: z.string(),
      period: z.string(),
      resultId: z.string(),
      red: z.array(z.string()),
      yellow: z.array(z.string()),
    }),
  ),
});
export type CockpitOut = z.infer<typeof cockpitOut>;
