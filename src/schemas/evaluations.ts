import { z } from "zod";
import { CRITERION_SOURCES, EVALUATION_PERIODS, MISSING_RULES, PEER_KINDS, SCORING_METHODS } from "../domain/evaluation.js";
import { text, version } from "./common.js";

export const periodCode = z
  .string()
  .regex(/^\d{4}(?:-(?:H[12]|Q[1-4]|M(?:0[1-9]|1[0-2])))?$/, { error: "evaluation_period_invalid" });

const criterionIn = z
  .object({
    name: text(100),
    source: z.enum(CRITERION_SOURCES),
    indicatorId: z.uuid().nullable().default(null),
    weight: z.number({ error: "number_invalid" }).positive({ error: "weight_positive" }).max(1000),
    method: z.enum(SCORING_METHODS),
    better: z.enum(["higher", "lower"]),
    missing: z.enum(MISSING_RULES),
    target: z.number().positive().max(1e9).nullable().default(null),
  })
  .strict();

const schemeFields = {
  name: text(200),
  period: z.enum(EVALUATION_PERIODS),
  peerKind: z.enum(PEER_KINDS),
  redFlags: z.number().int().min(0).max(100),
  yellowFlags: z.number().int().min(0).max(100),
  peers: z
    .array(z.object({ peerId: z.uuid(), group: z.string().trim().max(40).default("") }).strict())
    .min(2, { error: "peers_too_few" })
    .max(2000),
  criteria: z.array(criterionIn).min(1, { error: "required" }).max(50),
};
export const schemeCreate = z.object(schemeFields).strict();
export type SchemeCreate = z.infer<typeof schemeCreate>;
export const schemeUpdate = z.object({ ...schemeFields, active: z.boolean().optional(), version }).strict();
export type SchemeUpdate = z.infer<typeof schemeUpdate>;

const criterionOut = criterionIn.extend({ id: z.string(), indicatorName: z.string().nullable() });
export const schemeOut = z.object({
  id: z.string(),
  name: z.string(),
  period: z.enum(EVALUATION_PERIODS),
  peerKind: z.enum(PEER_KINDS),
  ownerUnit: z.object({ id: z.string(), name: z.string() }),
  redFlags: z.number(),
  yellowFlags: z.number(),
  active: z.boolean(),
  version: z.number(),
  peers: z.array(z.object({ peerId: z.string(), name: z.string(), group: z.string() })),
  criteria: z.array(criterionOut),
  /** The latest result of each period, newest first. */
  periods: z.array(z.object({ period: z.string(), resultId: z.string(), version: z.number(), state: z.string() })),
  abilities: z.object({ update: z.boolean(), compute: z.boolean() }),
});
export type SchemeOut = z.infer<typeof schemeOut>;
export const schemeList = z.object({
  items: z.array(
    schemeOut.pick({ id: true, name: true, period: true, peerKind: true, ownerUnit: true, active: true, periods: true }),
  ),
});

export const computeIn = z.object({ period: periodCode, correction: z.string().trim().max(500).optional() }).strict();
export const adjustmentIn = z
  .object({
    period: periodCode,
    peerId: z.uuid(),
    points: z
      .number({ error: "number_invalid" })
      .min(-100)
      .max(100)
      .refine((v) => v !== 0, { error: "points_zero" }),
    reason: text(500),
    attachmentId: z.uuid().nullable().default(null),
  })
  .strict();
export type AdjustmentIn = z.infer<typeof adjustmentIn>;
export const adjustmentOut = z.object({
  id: z.string(),
  period: z.string(),
  peerId: z.string(),
  points: z.number(),
  reason: z.string(),
  attachmentId: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export const adjustmentsQuery = z.object({ period: periodCode }).strict();

const scoreOut = z.object({
  criterionId: z.string(),
  figure: z.number().nullable(),
  points: z.number(),
  rank: z.number().nullable(),
  missing: z.enum(MISSING_RULES).nullable(),
});
export const resultOut = z.object({
  id: z.string(),
  number: z.number(),
  schemeId: z.string(),
  schemeName: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  version: z.number(),
  state: z.enum(["draft", "published", "superseded"]),
  correction: z.string().nullable(),
  computedAt: z.string(),
  publishedAt: z.string().nullable(),
  criteria: z.array(criterionOut),
  rows: z.array(
    z.object({
      peerId: z.string(),
      name: z.string(),
      group: z.string(),
      total: z.number(),
      criteriaPoints: z.number(),
      adjustmentPoints: z.number(),
      rank: z.number(),
      flag: z.enum(["red", "yellow"]).nullable(),
      /** The rank in the last published period, for the change. */
      previousRank: z.number().nullable(),
      scores: z.array(scoreOut),
      adjustments: z.array(z.object({ points: z.number(), reason: z.string() })),
    }),
  ),
  abilities: z.object({ publish: z.boolean(), recompute: z.boolean() }),
});
export type ResultOut = z.infer<typeof resultOut>;

export const historyOut = z.object({
  items: z.array(
    z.object({
      period: z.string(),
      resultId: z.string(),
      version: z.number(),
      publishedAt: z.string().nullable(),
      red: z.array(z.string()),
      yellow: z.array(z.string()),
    }),
  ),
});
