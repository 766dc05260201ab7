import { z } from "zod";
import { UNIT_KINDS } from "../domain/people.js";
import { activeFilter, cursor, limit, optionalText, order, pageOf, patchText, text, version } from "./common.js";

const unitCodeText = z
  .string()
  .trim()
  .max(40)
  .regex(/^[A-Za-z0-9._-]*$/, { error: "code_format_unit" });
const unitCode = unitCodeText.nullish().transform((v) => (v ? v : null));
const unitCodePatch = unitCodeText.nullish().transform((v) => (v === "" ? null : v));

/** A unit's keywords: distinct, trimmed, a few dozen at most. */
const keywords = z
  .array(z.string().trim().min(1).max(30))
  .max(40)
  .transform((l) => [...new Set(l)]);

export const unitCreate = z
  .object({
    code: unitCode,
    name: text(100),
    nameEn: optionalText(200),
    shortName: optionalText(40),
    keywords: keywords.default([]),
    kind: z.enum(UNIT_KINDS).default("department"),
    regionId: z.uuid(),
    parentId: z.uuid().nullable().default(null),
  })
  .strict();

export const unitUpdate = z
  .object({
    code: unitCodePatch,
    name: text(100).optional(),
    nameEn: patchText(200),
    shortName: patchText(40),
    keywords: keywords.optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    regionId: z.uuid().optional(),
    parentId: z.uuid().nullable().optional(),
    version,
  })
  .strict();

export const unitActive = z.object({ active: z.boolean(), version }).strict();

export const unitListQuery = z
  .object({
    regionId: z.uuid().optional(),
    /** Include units of the regions below `regionId`. */
    withinRegion: z.enum(["true", "false"]).default("false"),
    parentId: z.union([z.uuid(), z.literal("root")]).optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    q: z.string().trim().max(100).optional(),
    active: activeFilter,
    sort: z.enum(["name", "code", "createdAt"]).default("name"),
    order,
    limit,
    cursor,
  })
  .strict();

export const unitOut = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  shortName: z.string().nullable(),
  keywords: z.array(z.string()),
  kind: z.enum(UNIT_KINDS),
  regionId: z.string(),
  regionName: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  childCount: z.number().optional(),
  userCount: z.number().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const unitPage = pageOf(unitOut);

export type UnitCreate = z.infer<typeof unitCreate>;
export type UnitUpdate = z.infer<typeof unitUpdate>;
export type UnitListQuery = z.infer<typeof unitListQuery>;
export type UnitOut = z.infer<typeof unitOut>;
