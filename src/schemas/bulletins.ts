import { z } from "zod";
import { NOTICE_GRADES, NOTICE_KINDS } from "../domain/supervision.js";
import { cursor, limit, pageOf, version } from "./common.js";

const isoDate = z.iso.date({ error: "date_invalid" });
const unitRef = z.object({ id: z.string(), name: z.string() });

/** Bulletins (通报): generation, editing, publishing, receipts, monthly schedules. */

export const bulletinCreate = z
  .object({
    periodFrom: isoDate,
    periodTo: isoDate,
    regionId: z.uuid().optional(),
    campaignId: z.uuid().nullish(),
    title: z.string().trim().max(200).optional(),
  })
  .strict();
export const bulletinUpdate = z
  .object({
    version,
    title: z.string().trim().min(1, { error: "required" }).max(200).optional(),
    opening: z.string().max(10_000).optional(),
    closing: z.string().max(10_000).optional(),
    regenerate: z.boolean().optional(),
  })
  .strict();
export const bulletinPublish = z.object({ version }).strict();
export const bulletinListQuery = z.object({ state: z.enum(["draft", "published"]).optional(), limit, cursor }).strict();

const taskLine = z.object({
  taskId: z.string(),
  number: z.number(),
  title: z.string(),
  leadUnitId: z.string(),
  leadUnit: z.string(),
  dueOn: z.string(),
  progress: z.number(),
  daysLate: z.number(),
});
const noticeLine = z.object({
  noticeId: z.string(),
  number: z.number(),
  kind: z.enum(NOTICE_KINDS),
  grade: z.enum(NOTICE_GRADES).nullable(),
  toUnit: z.string(),
  issuedOn: z.string(),
  replyBy: z.string().nullable(),
  replied: z.boolean(),
});
export const bulletinContentOut = z.object({
  asOf: z.string(),
  summary: z.object({
    tasks: z.number(),
    due: z.number(),
    closed: z.number(),
    closedOnTime: z.number(),
    overdue: z.number(),
    red: z.number(),
    onTimeRate: z.number().nullable(),
    completionRate: z.number().nullable(),
  }),
  overdue: z.array(taskLine),
  red: z.array(taskLine),
  rankings: z.array(
    z.object({
      unitId: z.string(),
      unit: z.string(),
      due: z.number(),
      closed: z.number(),
      closedOnTime: z.number(),
      overdue: z.number(),
      onTimeRate: z.number().nullable(),
      completionRate: z.number().nullable(),
      rank: z.number(),
    }),
  ),
  unanswered: z.array(noticeLine),
  supervision: z.array(noticeLine),
  projects: z
    .array(
      z.object({
        projectId: z.string(),
        code: z.string(),
        name: z.string(),
        leadUnit: z.string(),
        kinds: z.array(z.string()),
        invested: z.number(),
        totalInvestment: z.number(),
      }),
    )
    .optional(),
  flags: z
    .array(
      z.object({
        schemeId: z.string(),
        scheme: z.string(),
        period: z.string(),
        red: z.array(z.string()),
        yellow: z.array(z.string()),
      }),
    )
    .optional(),
});
export const bulletinSummaryOut = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  state: z.enum(["draft", "published"]),
  issuer: unitRef,
  periodFrom: z.string(),
  periodTo: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  recipients: z.number(),
  read: z.number(),
});
export const bulletinOut = bulletinSummaryOut.extend({
  opening: z.string(),
  closing: z.string(),
  content: bulletinContentOut,
  region: unitRef,
  campaign: unitRef.nullable(),
  createdByName: z.string(),
  publishedByName: z.string().nullable(),
  generatedAt: z.string(),
  version: z.number(),
  receipts: z.array(
    z.object({ unitId: z.string(), unit: z.string(), readAt: z.string().nullable(), readByName: z.string().nullable() }),
  ),
  canEdit: z.boolean(),
});
export const bulletinPage = pageOf(bulletinSummaryOut);

export const scheduleCreate = z.object({ regionId: z.uuid().optional(), autoPublish: z.boolean().default(false) }).strict();
export const scheduleActive = z.object({ active: z.boolean() }).strict();
export const scheduleOut = z.object({
  id: z.string(),
  issuer: unitRef,
  region: unitRef,
  autoPublish: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
});
export const scheduleList = z.object({ items: z.array(scheduleOut) });
export type ScheduleOut = z.infer<typeof scheduleOut>;

export type BulletinOut = z.infer<typeof bulletinOut>;
export type BulletinSummaryOut = z.infer<typeof bulletinSummaryOut>;
