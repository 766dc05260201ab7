import { z } from "zod";
import { CHANNEL_KINDS, INSTRUCTION_SUBJECTS, NOTICE_GRADES, NOTICE_KINDS } from "../domain/supervision.js";
import { cursor, limit, pageOf, text } from "./common.js";

const isoDate = z.iso.date({ error: "date_invalid" });
const unitRef = z.object({ id: z.string(), name: z.string() });

// Notices

export const noticeCreate = z
  .object({
    /** Tasks to urge about; one notice goes to each lead unit among them. */
    taskIds: z.array(z.uuid()).min(1, { error: "required" }).max(500),
    kind: z.enum(["urge", "supervision"]),
    grade: z.enum(NOTICE_GRADES).nullish(),
    body: text(4000),
    replyBy: isoDate,
  })
  .strict();
export type NoticeCreate = z.infer<typeof noticeCreate>;

export const noticeReply = z.object({ explanation: text(4000), plan: text(4000) }).strict();

export const noticeListQuery = z
  .object({
    box: z.enum(["to_us", "from_us", "all"]).default("all"),
    kind: z.enum(NOTICE_KINDS).optional(),
    grade: z.enum(NOTICE_GRADES).optional(),
    state: z.enum(["awaiting", "overdue", "replied", "escalated"]).optional(),
    unitId: z.uuid().optional(),
    taskId: z.uuid().optional(),
    limit,
    cursor,
  })
  .strict();
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

export const noticeReason = z.union([
  z.object({ type: z.literal("due"), days: z.number(), dueOn: z.string() }),
  z.object({ type: z.literal("report"), period: z.string(), end: z.string() }),
  z.object({ type: z.literal("late"), days: z.number(), dueOn: z.string() }),
  z.object({ type: z.literal("unanswered"), number: z.number(), replyBy: z.string() }),
  z.object({ type: z.literal("project_warning"), kind: z.string(), level: z.string(), code: z.string(), name: z.string() }),
]);

export const noticeOut = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.enum(NOTICE_KINDS),
  grade: z.enum(NOTICE_GRADES).nullable(),
  fromUnit: unitRef,
  toUnit: unitRef,
  body: z.string(),
  reason: noticeReason.nullable(),
  createdByName: z.string(),
  automatic: z.boolean(),
  createdAt: z.string(),
  replyBy: z.string().nullable(),
  recipients: z.number(),
  readAt: z.string().nullable(),
  readByName: z.string().nullable(),
  repliedAt: z.string().nullable(),
  repliedByName: z.string().nullable(),
  replyText: z.string().nullable(),
  replyPlan: z.string().nullable(),
  escalatedToId: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  state: z.enum(["info", "awaiting", "overdue", "replied", "escalated"]),
  tasks: z.array(
    z.object({ id: z.string(), number: z.number(), title: z.string(), dueOn: z.string(), light: z.string().nullable() }),
  ),
  projects: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  canReply: z.boolean(),
});
export const noticePage = pageOf(noticeOut);
export const noticesCreated = z.object({ items: z.array(noticeOut) });

// Inbox

export const notificationOut = z.object({
  id: z.number(),
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  subject: z.string(),
  text: z.string(),
  path: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const inboxQuery = z.object({ unread: z.enum(["true", "false"]).optional(), limit, cursor }).strict();
export const inboxPage = pageOf(notificationOut).extend({ unread: z.number() });
export const unreadOut = z.object({ unread: z.number() });
export const markReadBody = z
  .object({ ids: z.array(z.number().int()).max(500).optional(), all: z.boolean().optional() })
  .strict();

// Instructions

export const instructionCreate = z
  .object({
    subjectType: z.enum(INSTRUCTION_SUBJECTS),
    subjectId: z.uuid(),
    text: text(4000),
    /** The units to acknowledge it; by default those the subject concerns. */
    unitIds: z.array(z.uuid()).max(200).optional(),
  })
  .strict();
export type InstructionCreate = z.infer<typeof instructionCreate>;

export const instructionOut = z.object({
  id: z.string(),
  subjectType: z.enum(INSTRUCTION_SUBJECTS),
  subjectId: z.string(),
  subjectTitle: z.string(),
  text: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      acknowledgedAt: z.string().nullable(),
      acknowledgedByName: z.string().nullable(),
    }),
  ),
  canAcknowledge: z.boolean(),
});
export const instructionListQuery = z
  .object({
    subjectType: z.enum(INSTRUCTION_SUBJECTS).optional(),
    subjectId: z.uuid().optional(),
    pending: z.enum(["true", "false"]).optional(),
    limit,
    cursor,
  })
  .strict();
export const instructionPage = pageOf(instructionOut);

// Settings, channels, deliveries

export const supervisionSettingsIn = z
  .object({
    dueReminderDays: z.array(z.number().int().min(0).max(90)).min(1, { error: "required" }).max(10),
    reportReminderDays: z.number().int().min(0).max(60),
    urgeAfterDays: z.number().int().min(1).max(365),
    blueAfterDays: z.number().int().min(1).max(365),
    yellowAfterDays: z.number().int().min(1).max(365),
    redAfterDays: z.number().int().min(1).max(365),
    replyDays: z.number().int().min(1).max(60),
  })
  .strict();
export const supervisionSettingsOut = supervisionSettingsIn.extend({ defaults: supervisionSettingsIn, canEdit: z.boolean() });

export const channelCreate = z
  .object({
    kind: z.enum(CHANNEL_KINDS),
    target: z.string().trim().min(1, { error: "required" }).max(1000),
    secret: z.string().trim().max(500).nullish(),
  })
  .strict();
export const channelOut = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  target: z.string(),
  hasSecret: z.boolean(),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export const channelList = z.object({ items: z.array(channelOut) });
export const unitIdParams = z.object({ id: z.uuid() }).strict();
export const channelParams = z.object({ id: z.uuid(), channelId: z.uuid() }).strict();

export const deliveryListQuery = z
  .object({ state: z.enum(["pending", "sent", "failed"]).optional(), kind: z.enum(CHANNEL_KINDS).optional(), limit, cursor })
  .strict();
export const deliveryOut = z.object({
  id: z.number(),
  kind: z.enum(CHANNEL_KINDS),
  target: z.string(),
  subject: z.string(),
  topic: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  unit: z.string().nullable(),
  state: z.enum(["pending", "sent", "failed"]),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export const deliveryPage = pageOf(deliveryOut).extend({
  counts: z.object({ pending: z.number(), sent: z.number(), failed: z.number() }),
  mailConfigured: z.boolean(),
});
export const deliveryIdParams = z.object({ id: z.coerce.number().int().min(1) }).strict();

// Dashboard

export const dashboardOut = z.object({
  lights: z.object({ green: z.number(), yellow: z.number(), red: z.number() }),
  byUnit: z.array(
    z.object({
      unitId: z.string(),
      unit: z.string(),
      green: z.number(),
      yellow: z.number(),
      red: z.number(),
      overdue: z.number(),
    }),
  ),
  pipeline: z.object({
    reminder: z.number(),
    urge: z.number(),
    blue: z.number(),
    yellow: z.number(),
    red: z.number(),
    listed: z.number(),
  }),
  responses: z.array(
    z.object({
      unitId: z.string(),
      unit: z.string(),
      notices: z.number(),
      replied: z.number(),
      avgReplyHours: z.number().nullable(),
      unanswered: z.number(),
    }),
  ),
  trend: z.array(
    z.object({ month: z.string(), issued: z.number(), replied: z.number(), supervision: z.number(), closed: z.number() }),
  ),
});

export type NoticeOut = z.infer<typeof noticeOut>;
export type NotificationOut = z.infer<typeof notificationOut>;
export type InstructionOut = z.infer<typeof instructionOut>;
export type DashboardOut = z.infer<typeof dashboardOut>;
export type SupervisionSettingsOut = z.infer<typeof supervisionSettingsOut>;
export type DeliveryOut = z.infer<typeof deliveryOut>;
export type ChannelOut = z.infer<typeof channelOut>;
