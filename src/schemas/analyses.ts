import { z } from "zod";
import { TARGET_LIGHTS } from "../domain/indicators.js";
import { cursor, limit, pageOf, text, version } from "./common.js";
import { month } from "./indicators.js";

const section = z.object({ heading: text(100), paragraphs: z.array(z.string().trim().max(4000)).max(100) }).strict();

export const analysisCreate = z.object({ month, regionId: z.uuid().optional() }).strict();
export const analysisUpdate = z
  .object({ title: text(200).optional(), sections: z.array(section).min(1).max(30).optional(), version })
  .strict();
export type AnalysisUpdate = z.infer<typeof analysisUpdate>;
export const analysisListQuery = z.object({ month: month.optional(), limit, cursor }).strict();

const light = z.enum(TARGET_LIGHTS).nullable();
export const analysisFiguresOut = z.object({
  month: z.string(),
  city: z.string(),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      measureUnit: z.string(),
      decimals: z.number(),
      periodKind: z.enum(["monthly", "quarterly"]),
      level: z.boolean(),
      better: z.enum(["higher", "lower"]),
      period: z.string(),
      value: z.number().nullable(),
      growth: z.number().nullable(),
      change: z.number().nullable(),
      targetKind: z.enum(["growth", "value"]).nullable(),
      target: z.number().nullable(),
      completion: z.number().nullable(),
      neededGrowth: z.number().nullable(),
      light,
      source: z.string().nullable(),
      parts: z.array(
        z.object({
          region: z.string(),
          value: z.number().nullable(),
          growth: z.number().nullable(),
          rank: z.number().nullable(),
          light,
        }),
      ),
    }),
  ),
});

export const analysisSummaryOut = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  period: z.string(),
  region: z.object({ id: z.string(), name: z.string() }),
  locale: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const analysisOut = analysisSummaryOut.extend({
  figures: analysisFiguresOut,
  sections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type AnalysisOut = z.infer<typeof analysisOut>;
export const analysisPage = pageOf(analysisSummaryOut);
