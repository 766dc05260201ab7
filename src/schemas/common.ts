import { z } from "zod";

export const id = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();

export const limit = z.coerce.number().int().min(1).max(200).default(50);
export const cursor = z.string().max(500).optional();
export const activeFilter = z.enum(["true", "false", "all"]).default("all");
export const order = z.enum(["asc", "desc"]).default("asc");

export const text = (max: number) => z.string().trim().min(1, { error: "required" }).max(max);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const version = z.number().int().min(1);

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    /** True when counting stopped at a cap: there are more than `total`. */
    totalCapped: z.boolean().optional(),
  });

export const errorBody = z.object({
  statusCode: z.number(),
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const okBody = z.object({ ok: z.literal(true) });

/** For edits: absent stays absent (unchanged), "" or null clears. */
export const patchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === "" ? null : v));
