import { z } from "zod";
import { LIGHTS } from "../domain/light.js";
import { CADENCES } from "../domain/reporting-periods.js";
import { TASK_ACTIONS, TASK_STATES } from "../domain/task-states.js";
import { cursor, limit, optionalText, order, pageOf, patchText, text, version } from "./common.js";

const isoDate = z.iso.date();
const ids = (max: number) =>
  z
    .array(z.uuid())
    .max(max)
    .default([])
    .transform((list) => [...new Set(list)]);

export const TARGET_KINDS = ["none", "quantity", "outcome"] as const;

export const milestoneIn = z.object({ title: text(200), dueOn: isoDate, doneOn: isoDate.nullable().default(null) }).strict();

const taskFields = {
  title: text(300),
  description: optionalText(4000),
  campaignId: z.uuid().nullable().default(null),
  leadUnitId: z.uuid(),
  coUnitIds: ids(50),
  responsibleLeader: optionalText(100),
  startOn: isoDate,
  dueOn: isoDate,
  cadence: z.enum(CADENCES).default("monthly"),
  targetKind: z.enum(TARGET_KINDS).default("none"),
  targetValue: z.number().finite().nullable().default(null),
  targetUnit: optionalText(20),
  weight: z.number().gt(0).max(1000).default(1),
  milestones: z.array(milestoneIn).max(50).default([]),
};

/** Dates in order, a quantity target with its figure, milestones inside the task's span. */
function checkTask(
  t: { startOn?: string; dueOn?: string; targetKind?: string; targetValue?: number | null },
  ctx: z.RefinementCtx,
) {
  if (t.startOn && t.dueOn && t.dueOn < t.startOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "date_range" });
  if (t.targetKind === "quantity" && (t.targetValue === null || t.targetValue === undefined))
    ctx.addIssue({ code: "custom", path: ["targetValue"], message: "required" });
}

export const taskCreate = z
  .object({
    ...taskFields,
    directiveIds: ids(50),
    parentId: z.uuid().nullable().default(null),
    /** Assign at once (the lead unit sees it to sign for) or keep as a draft. */
    assign: z.boolean().default(true),
  })
  .strict()
  .superRefine(checkTask);

/** Creating several tasks from one or several directives in one go (each its own lead unit). */
export const taskBatchCreate = z.object({ tasks: z.array(taskCreate).min(1, { error: "required" }).max(100) }).strict();

export const taskUpdate = z
  .object({
    title: text(300).optional(),
    description: patchText(4000),
    campaignId: z.uuid().nullable().optional(),
    leadUnitId: z.uuid().optional(),
    coUnitIds: ids(50).optional(),
    directiveIds: ids(50).optional(),
    responsibleLeader: patchText(100),
    startOn: isoDate.optional(),
    dueOn: isoDate.optional(),
    /** A changed deadline needs its reason; both are kept in the task's history. */
    deadlineReason: patchText(500),
    cadence: z.enum(CADENCES).optional(),
    targetKind: z.enum(TARGET_KINDS).optional(),
    targetValue: z.number().finite().nullable().optional(),
    targetUnit: patchText(20),
    weight: z.number().gt(0).max(1000).optional(),
    milestones: z.array(milestoneIn).max(50).optional(),
    version,
  })
  .strict()
  .superRefine(checkTask);

export const milestoneDone = z.object({ doneOn: isoDate.nullable() }).strict();

export const taskTransition = z.object({ action: z.enum(TASK_ACTIONS), reason: optionalText(1000), version }).strict();

export const lightOverride = z
  .object({ light: z.enum(LIGHTS).nullable(), reason: optionalText(500), version })
  .strict()
  .superRefine((v, ctx) => {
    if (v.light && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });

export const TASK_SORTS = ["dueOn", "number", "progress", "updatedAt"] as const;

export const taskListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    /** Lead unit only. */
    leadUnitId: z.uuid().optional(),
    /** Lead or co-operating unit. */
    unitId: z.uuid().optional(),
    campaignId: z.uuid().optional(),
    /** Led by a unit of the region or a region under it. */
    regionId: z.uuid().optional(),
    meetingId: z.uuid().optional(),
    directiveId: z.uuid().optional(),
    parentId: z.union([z.uuid(), z.literal("root")]).optional(),
    state: z.enum(TASK_STATES).optional(),
    open: z.enum(["true", "false"]).optional(),
    light: z.enum(LIGHTS).optional(),
    dueFrom: isoDate.optional(),
    dueTo: isoDate.optional(),
    sort: z.enum(TASK_SORTS).default("dueOn"),
    order: order.default("asc"),
    limit,
    cursor,
  })
  .strict();

export const reportCreate = z
  .object({
    kind: z.enum(["report", "note"]).default("report"),
    /** The reporting period ("2023-05", "2023-W19", "2023-Q2"); the current one when left out. */
    period: z
      .string()
      .regex(/^(?:19|2[01])\d{2}-(?:\d{2}|W\d{2}|Q[1-4])$/, { error: "period_format" })
      .optional(),
    narrative: text(4000),
    percent: z.number().min(0).max(100).nullable().default(null),
    measuredValue: z.number().finite().nullable().default(null),
    attachmentIds: ids(20),
  })
  .strict();

export const reportReview = z
  .object({ decision: z.enum(["accepted", "returned"]), reason: optionalText(1000) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === "returned" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });

const unitRef = z.object({ id: z.string(), name: z.string() });

export const taskSummaryOut = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  parentId: z.string().nullable(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  ownerUnit: unitRef,
  leadUnit: unitRef,
  coUnits: z.array(unitRef),
  responsibleLeader: z.string().nullable(),
  startOn: z.string(),
  dueOn: z.string(),
  state: z.enum(TASK_STATES),
  light: z.enum(LIGHTS).nullable(),
  lightReasons: z.array(z.string()),
  lightOverridden: z.boolean(),
  progress: z.number(),
  targetKind: z.enum(TARGET_KINDS),
  targetValue: z.number().nullable(),
  targetUnit: z.string().nullable(),
  measuredValue: z.number().nullable(),
  weight: z.number(),
  childCount: z.number(),
  sourceMeetings: z.array(z.object({ id: z.string(), title: z.string() })),
  version: z.number(),
  updatedAt: z.string(),
});

/** A task as "my work" lists it: a line of a short list, not a row of the task table. */
export const taskBriefOut = taskSummaryOut.pick({
  id: true,
  number: true,
  title: true,
  state: true,
  light: true,
  lightReasons: true,
  lightOverridden: true,
  dueOn: true,
  progress: true,
  ownerUnit: true,
  leadUnit: true,
});
export type TaskBriefOut = z.infer<typeof taskBriefOut>;

export const attachmentOut = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
});

export const reportOut = z.object({
  id: z.string(),
  taskId: z.string(),
  kind: z.enum(["report", "note"]),
  unit: unitRef,
  period: z.string(),
  narrative: z.string(),
  percent: z.number().nullable(),
  measuredValue: z.number().nullable(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  review: z.enum(["pending", "accepted", "returned"]).nullable(),
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  attachments: z.array(attachmentOut),
});

export const taskEventOut = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  kind: z.string(),
  fromState: z.enum(TASK_STATES).nullable(),
  toState: z.enum(TASK_STATES).nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const taskOut = taskSummaryOut.extend({
  description: z.string().nullable(),
  cadence: z.enum(CADENCES),
  path: z.array(z.object({ id: z.string(), number: z.number(), title: z.string() })),
  directives: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      meetingId: z.string(),
      meetingTitle: z.string(),
      heldOn: z.string().nullable(),
    }),
  ),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), dueOn: z.string(), doneOn: z.string().nullable() })),
  lightOverrideReason: z.string().nullable(),
  children: z.array(taskSummaryOut),
  reports: z.array(reportOut),
  events: z.array(taskEventOut),
  /** The current reporting period and whether its report is in. */
  currentPeriod: z.string(),
  /** What the reader may do now, for the buttons. */
  abilities: z.object({
    actions: z.array(z.enum(TASK_ACTIONS)),
    edit: z.boolean(),
    report: z.boolean(),
    note: z.boolean(),
    review: z.boolean(),
    overrideLight: z.boolean(),
    decompose: z.boolean(),
    milestones: z.boolean(),
  }),
});

export const taskPage = pageOf(taskSummaryOut);
export const taskBatchOut = z.object({ items: z.array(taskSummaryOut) });

export type TaskCreate = z.infer<typeof taskCreate>;
export type TaskUpdate = z.infer<typeof taskUpdate>;
export type TaskListQuery = z.infer<typeof taskListQuery>;
export type TaskSummaryOut = z.infer<typeof taskSummaryOut>;
export type TaskOut = z.infer<typeof taskOut>;
export type ReportCreate = z.infer<typeof reportCreate>;
export type ReportOut = z.infer<typeof reportOut>;
