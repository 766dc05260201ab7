import { z } from "zod";
import { REGION_LEVELS } from "../domain/people.js";
import { activeFilter, cursor, limit, optionalText, order, pageOf, patchText, text, version } from "./common.js";

export const regionCode = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, { error: "code_format_region" });

export const regionCreate = z
  .object({
    code: regionCode,
    name: text(60),
    nameEn: optionalText(100),
    level: z.enum(REGION_LEVELS),
    parentId: z.uuid().nullable().default(null),
  })
  .strict();

export const regionUpdate = z
  .object({
    code: regionCode.optional(),
    name: text(60).optional(),
    nameEn: patchText(100),
    parentId: z.uuid().nullable().optional(),
    version,
  })
  .strict();

export const regionActive = z.object({ active: z.boolean(), version }).strict();

export const regionListQuery = z
  .object({
    parentId: z.union([z.uuid(), z.literal("root")]).optional(),
    q: z.string().trim().max(60).optional(),
    level: z.enum(REGION_LEVELS).optional(),
    active: activeFilter,
    sort: z.enum(["code", "name"]).default("code"),
    order,
    limit,
    cursor,
  })
  .strict();

export const regionOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.enum(REGION_LEVELS),
  parentId: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  childCount: z.number().optional(),
  unitCount: z.number().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const regionPage = pageOf(regionOut);

export type RegionCreate = z.infer<typeof regionCreate>;
export type RegionUpdate = z.infer<typeof regionUpdate>;
export type RegionListQuery = z.infer<typeof regionListQuery>;
export type RegionOut = z.infer<typeof regionOut>;
