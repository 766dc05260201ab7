import { z } from "zod";
import {
  FUND_TYPES,
  NODE_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STAGES,
  WARNING_KINDS,
  WARNING_LEVELS,
} from "../domain/projects.js";
import { cursor, limit, optionalText, pageOf, text, version } from "./common.js";

const isoDate = z.iso.date({ error: "date_invalid" });
const amount = z.number({ error: "number_invalid" }).min(0, { error: "not_negative" }).max(100_000_000);
const unitRef = z.object({ id: z.string(), name: z.string() });

const node = z.object({ kind: z.enum(NODE_KINDS), plannedOn: isoDate.nullish(), reachedOn: isoDate.nullish() }).strict();
const yearPlan = z.object({ year: z.number().int().min(2000).max(2100), amount }).strict();

const projectFields = {
  name: text(200),
  regionId: z.uuid(),
  leadUnitId: z.uuid(),
  ownerName: optionalText(200),
  responsibleLeader: optionalText(60),
  industry: optionalText(60),
  category: z.enum(PROJECT_CATEGORIES),
  fundType: z.enum(FUND_TYPES).nullish(),
  level: z.enum(PROJECT_LEVELS),
  stage: z.enum(PROJECT_STAGES),
  totalInvestment: amount,
  description: optionalText(4000),
  address: optionalText(200),
  longitude: z.number().min(-180).max(180).nullish(),
  latitude: z.number().min(-90).max(90).nullish(),
  nodes: z.array(node).max(NODE_KINDS.length).optional(),
  yearPlans: z.array(yearPlan).max(30).optional(),
  taskIds: z.array(z.uuid()).max(100).optional(),
  directiveIds: z.array(z.uuid()).max(100).optional(),
};

export const projectCreate = z
  .object({
    code: z.string().trim().min(1, { error: "required" }).max(40),
    ...projectFields,
    stage: z.enum(PROJECT_STAGES).default("reserve"),
  })
  .strict();
export type ProjectCreate = z.infer<typeof projectCreate>;

/** For edits: what is absent stays as it is. */
export const projectUpdate = z.object(projectFields).partial().extend({ version }).strict();
export type ProjectUpdate = z.infer<typeof projectUpdate>;

export const projectReportIn = z
  .object({
    period: z.string().regex(/^(?:19|2[01])\d{2}-(0[1-9]|1[0-2])$/, { error: "period_invalid" }),
    amount,
    narrative: text(4000),
    /** Nodes reached this month, with the date. */
    nodesReached: z
      .array(z.object({ kind: z.enum(NODE_KINDS), reachedOn: isoDate }).strict())
      .max(NODE_KINDS.length)
      .default([]),
    stage: z.enum(PROJECT_STAGES).optional(),
    attachmentIds: z.array(z.uuid()).max(20).default([]),
  })
  .strict();
export type ProjectReportIn = z.infer<typeof projectReportIn>;

export const projectListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    regionId: z.uuid().optional(),
    leadUnitId: z.uuid().optional(),
    level: z.enum(PROJECT_LEVELS).optional(),
    category: z.enum(PROJECT_CATEGORIES).optional(),
    fundType: z.enum(FUND_TYPES).optional(),
    stage: z.enum(PROJECT_STAGES).optional(),
    warning: z.enum([...WARNING_LEVELS, "any", "none"]).optional(),
    sort: z.enum(["code", "name", "totalInvestment", "invested", "warning"]).default("code"),
    order: z.enum(["asc", "desc"]).default("asc"),
    limit,
    cursor,
  })
  .strict();
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectSummaryOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  region: unitRef,
  leadUnit: unitRef,
  category: z.enum(PROJECT_CATEGORIES),
  fundType: z.enum(FUND_TYPES).nullable(),
  level: z.enum(PROJECT_LEVELS),
  stage: z.enum(PROJECT_STAGES),
  totalInvestment: z.number(),
  invested: z.number(),
  lastReportPeriod: z.string().nullable(),
  warningLevel: z.enum(WARNING_LEVELS).nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
});
export const projectPage = pageOf(projectSummaryOut);

const warningOut = z.object({
  id: z.number(),
  kind: z.enum(WARNING_KINDS),
  node: z.enum(NODE_KINDS).nullable(),
  level: z.enum(WARNING_LEVELS),
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
  history: z.array(z.object({ level: z.string(), on: z.string() })),
  raisedOn: z.string(),
  clearedOn: z.string().nullable(),
});

export const projectOut = projectSummaryOut.extend({
  ownerName: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  industry: z.string().nullable(),
  description: z.string().nullable(),
  address: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  nodes: z.array(z.object({ kind: z.enum(NODE_KINDS), plannedOn: z.string().nullable(), reachedOn: z.string().nullable() })),
  yearPlans: z.array(z.object({ year: z.number(), amount: z.number().nullable(), invested: z.number() })),
  /** This year's figures as of the last month reported. */
  status: z.object({
    period: z.string().nullable(),
    yearToDate: z.number(),
    sinceStart: z.number(),
    annualPlan: z.number().nullable(),
    annualCompletion: z.number().nullable(),
    timeElapsed: z.number(),
    paceGap: z.number().nullable(),
    totalCompletion: z.number().nullable(),
  }),
  /** Month by month for the chart: invested, cumulative this year, and the plan's straight line. */
  curve: z.array(
    z.object({ period: z.string(), amount: z.number(), cumulative: z.number().nullable(), planned: z.number().nullable() }),
  ),
  reports: z.array(
    z.object({
      id: z.string(),
      period: z.string(),
      amount: z.number(),
      narrative: z.string(),
      submittedByName: z.string(),
      submittedAt: z.string(),
      media: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), kind: z.enum(["photo", "video"]) })),
    }),
  ),
  warnings: z.array(warningOut),
  tasks: z.array(z.object({ id: z.string(), number: z.number(), title: z.string(), state: z.string() })),
  directives: z.array(z.object({ id: z.string(), text: z.string(), meetingId: z.string(), meetingTitle: z.string() })),
  version: z.number(),
  abilities: z.object({ update: z.boolean(), report: z.boolean() }),
});
export type ProjectOut = z.infer<typeof projectOut>;
export type ProjectSummaryOut = z.infer<typeof projectSummaryOut>;

export const warningListQuery = z
  .object({
    regionId: z.uuid().optional(),
    leadUnitId: z.uuid().optional(),
    kind: z.enum(WARNING_KINDS).optional(),
    level: z.enum(WARNING_LEVELS).optional(),
    open: z.enum(["true", "false"]).default("true"),
    limit,
    cursor,
  })
  .strict();
export const warningListOut = pageOf(
  warningOut.extend({
    project: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    leadUnit: unitRef,
    region: unitRef,
  }),
);

export const projectRegionsQuery = z
  .object({ regionId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100).optional() })
  .strict();
export const projectRegionsOut = z.object({
  region: z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  year: z.number(),
  areas: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      /** The region's own projects (not in a region below it). */
      own: z.boolean(),
      projects: z.number(),
      totalInvestment: z.number(),
      planned: z.number(),
      invested: z.number(),
      completion: z.number().nullable(),
      warnings: z.object({ red: z.number(), yellow: z.number(), blue: z.number() }),
    }),
  ),
});
export type ProjectRegionsOut = z.infer<typeof projectRegionsOut>;

export const projectExportQuery = projectListQuery
  .omit({ limit: true, cursor: true })
  .extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const projectImportOut = z.object({ created: z.number(), updated: z.number(), reports: z.number() });

const nodeList = z.array(z.enum(NODE_KINDS)).min(1, { error: "required" }).max(NODE_KINDS.length);
export const projectSettingsIn = z
  .object({
    warnings: z
      .object({
        paceMarginPoints: z.number().min(1).max(100),
        nodeYellowDays: z.number().int().min(1).max(365),
        nodeRedDays: z.number().int().min(1).max(730),
        reportDays: z.number().int().min(1).max(365),
      })
      .strict(),
    nodeTemplates: z
      .object(
        Object.fromEntries(PROJECT_CATEGORIES.map((c) => [c, nodeList])) as Record<
          (typeof PROJECT_CATEGORIES)[number],
          typeof nodeList
        >,
      )
      .strict(),
  })
  .strict();
export type ProjectSettingsIn = z.infer<typeof projectSettingsIn>;
export const projectSettingsOut = projectSettingsIn.extend({ defaults: projectSettingsIn, canEdit: z.boolean() });
