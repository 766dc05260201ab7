import { z } from "zod";
import { LIGHTS } from "../domain/light.js";
import { CADENCES } from "../domain/reporting-periods.js";
import { cursor, limit, optionalText, pageOf, patchText, text, version } from "./common.js";

const isoDate = z.iso.date();
const unitIds = z
  .array(z.uuid())
  .max(100)
  .transform((l) => [...new Set(l)]);

const checkPeriod = (v: { startOn?: string; endOn?: string }, ctx: z.RefinementCtx) => {
  if (v.startOn && v.endOn && v.endOn < v.startOn) ctx.addIssue({ code: "custom", path: ["endOn"], message: "date_range" });
};

export const campaignCreate = z
  .object({
    name: text(200),
    description: optionalText(4000),
    parentId: z.uuid().nullable().default(null),
    meetingId: z.uuid().nullable().default(null),
    startOn: isoDate,
    endOn: isoDate,
    cadence: z.enum(CADENCES).default("monthly"),
    leadUnitIds: unitIds.default([]),
  })
  .strict()
  .superRefine(checkPeriod);

export const campaignUpdate = z
  .object({
    name: text(200).optional(),
    description: patchText(4000),
    startOn: isoDate.optional(),
    endOn: isoDate.optional(),
    cadence: z.enum(CADENCES).optional(),
    leadUnitIds: unitIds.optional(),
    version,
  })
  .strict()
  .superRefine(checkPeriod);

export const campaignListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    parentId: z.union([z.uuid(), z.literal("root")]).optional(),
    limit,
    cursor,
  })
  .strict();

const unitRef = z.object({ id: z.string(), name: z.string() });

export const campaignSummaryOut = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  unit: unitRef,
  startOn: z.string(),
  endOn: z.string(),
  cadence: z.enum(CADENCES),
  leadUnits: z.array(unitRef),
  childCount: z.number(),
  taskCount: z.number(),
  version: z.number(),
});

/** One lead unit's part in a campaign: its tasks, lights, progress and the reports due and in for the last period. */
export const campaignUnitRow = z.object({
  unit: unitRef,
  tasks: z.number(),
  open: z.number(),
  closed: z.number(),
  lights: z.record(z.enum(LIGHTS), z.number()),
  progress: z.number(),
  reportsDue: z.number(),
  reportsIn: z.number(),
});

export const campaignOut = campaignSummaryOut.extend({
  description: z.string().nullable(),
  meeting: z.object({ id: z.string(), title: z.string() }).nullable(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  children: z.array(campaignSummaryOut),
  period: z.string().nullable(),
  units: z.array(campaignUnitRow),
  canEdit: z.boolean(),
});

export const campaignPage = pageOf(campaignSummaryOut);

export type CampaignCreate = z.infer<typeof campaignCreate>;
export type CampaignUpdate = z.infer<typeof campaignUpdate>;
export type CampaignListQuery = z.infer<typeof campaignListQuery>;
export type CampaignOut = z.infer<typeof campaignOut>;
export type CampaignSummaryOut = z.infer<typeof campaignSummaryOut>;
