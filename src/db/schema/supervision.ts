import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CHANNEL_KINDS,
  DELIVERY_STATES,
  INSTRUCTION_SUBJECTS,
  NOTICE_GRADES,
  NOTICE_KINDS,
  type NoticeReason,
} from "../../domain/supervision.js";
import { regions, units, users } from "./core.js";
import { campaigns, tasks } from "./tasks.js";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

export const noticeKind = pgEnum("notice_kind", NOTICE_KINDS);
export const noticeGrade = pgEnum("notice_grade", NOTICE_GRADES);
export const channelKind = pgEnum("channel_kind", CHANNEL_KINDS);
export const deliveryState = pgEnum("delivery_state", DELIVERY_STATES);
export const instructionSubject = pgEnum("instruction_subject", INSTRUCTION_SUBJECTS);
export const bulletinState = pgEnum("bulletin_state", ["draft", "published"]);

/**
 * A reminder, urge notice or supervision notice (督办单) from an office to a unit about tasks.
 * `dedupeKey` is set by the supervision jobs (one notice per task, deadline and rung of the
 * ladder), so a sweep run twice, or on two servers, issues each notice once.
 */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigint("number", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
    kind: noticeKind("kind").notNull(),
    grade: noticeGrade("grade"),
    /** Issued by a person (null: by the supervision jobs). */
    createdBy: uuid("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    fromUnitId: uuid("from_unit_id")
      .notNull()
      .references(() => units.id),
    toUnitId: uuid("to_unit_id")
      .notNull()
      .references(() => units.id),
    /** What the office wrote; empty on notices the jobs issue, which say why in `reason`. */
    body: text("body").notNull(),
    reason: jsonb("reason").$type<NoticeReason>(),
    /** The unit must reply by this date; reminders ask for none. */
    replyBy: date("reply_by", { mode: "string" }),
    dedupeKey: text("dedupe_key"),
    /** How many people were told (0: the unit has no active users). */
    recipients: integer("recipients").notNull().default(0),
    createdAt: at("created_at").notNull().defaultNow(),
    readAt: at("read_at"),
    readByName: text("read_by_name"),
    repliedAt: at("replied_at"),
    repliedBy: uuid("replied_by").references(() => users.id),
    repliedByName: text("replied_by_name"),
    replyText: text("reply_text"),
    replyPlan: text("reply_plan"),
    /** The notice that took this one's place when it went unanswered. */
    escalatedToId: uuid("escalated_to_id"),
    escalatedAt: at("escalated_at"),
  },
  (t) => [
    uniqueIndex("notices_number_key").on(t.number),
    uniqueIndex("notices_dedupe_key").on(t.dedupeKey),
    index("notices_to_idx").on(t.toUnitId, t.createdAt),
    index("notices_from_idx").on(t.fromUnitId, t.createdAt),
    index("notices_open_idx").on(t.replyBy).where(sql`${t.repliedAt} is null and ${t.escalatedToId} is null`),
  ],
);

export const noticeTasks = pgTable(
  "notice_tasks",
  {
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => notices.id, { onDelete: "cascade" }),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.taskId] }), index("notice_tasks_task_idx").on(t.taskId)],
);

/** A leader's instruction (批示) on a task, meeting, campaign or bulletin, for the units concerned to acknowledge. */
export const instructions = pgTable(
  "instructions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectType: instructionSubject("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    /** What the subject is called, kept so lists need no join per kind. */
    subjectTitle: text("subject_title").notNull(),
    text: text("text").notNull(),
    authorId: uuid("author_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    authorUnitId: uuid("author_unit_id")
      .notNull()
      .references(() => units.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("instructions_subject_idx").on(t.subjectType, t.subjectId), index("instructions_created_idx").on(t.createdAt)],
);

export const instructionUnits = pgTable(
  "instruction_units",
  {
    instructionId: uuid("instruction_id")
      .notNull()
      .references(() => instructions.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    acknowledgedAt: at("acknowledged_at"),
    acknowledgedByName: text("acknowledged_by_name"),
  },
  (t) => [primaryKey({ columns: [t.instructionId, t.unitId] }), index("instruction_units_unit_idx").on(t.unitId)],
);

/** One line in a person's inbox. `kind` and `data` are rendered in the reader's language. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    data: jsonb("data").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    readAt: at("read_at"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_once_key").on(t.userId, t.kind, t.entityId),
  ],
);

/** Where a unit's group robot listens (or its shared mailbox); `secret` signs DingTalk and Feishu messages. */
export const channels = pgTable(
  "channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    kind: channelKind("kind").notNull(),
    target: text("target").notNull(),
    secret: text("secret"),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("channels_unit_idx").on(t.unitId)],
);

/**
 * The outbox: one message to one channel. Workers claim due rows with FOR UPDATE SKIP LOCKED,
 * so several servers never send the same one; failures wait longer each time and stop as `failed`.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    kind: channelKind("kind").notNull(),
    target: text("target").notNull(),
    secret: text("secret"),
    /** What is sent: the subject and the text in the recipient's language, and a link. */
    message: jsonb("message").notNull(),
    /** Why: the entity and the unit or person it is for, to show admins. */
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The notification kind (notice.issued…): one message per entity, topic and address. */
    topic: text("topic").notNull(),
    unitId: uuid("unit_id").references(() => units.id, { onDelete: "set null" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    state: deliveryState("state").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: at("sent_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.state} = 'pending'`),
    index("deliveries_state_idx").on(t.state, t.id),
    uniqueIndex("deliveries_once_key").on(t.entityId, t.topic, t.kind, t.target),
  ],
);

/**
 * A bulletin (通报) for a period over an office's region (optionally one campaign). `content`
 * is the snapshot taken when it was generated, so what was published stays what units read.
 */
export const bulletins = pgTable(
  "bulletins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigint("number", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
    title: text("title").notNull(),
    issuerUnitId: uuid("issuer_unit_id")
      .notNull()
      .references(() => units.id),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    opening: text("opening").notNull().default(""),
    closing: text("closing").notNull().default(""),
    content: jsonb("content").notNull(),
    state: bulletinState("state").notNull().default("draft"),
    /** Set when the supervision jobs made it from a schedule. */
    scheduleKey: text("schedule_key"),
    createdBy: uuid("created_by").references(() => users.id),
    createdByName: text("created_by_name").notNull(),
    generatedAt: at("generated_at").notNull().defaultNow(),
    publishedAt: at("published_at"),
    publishedByName: text("published_by_name"),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("bulletins_number_key").on(t.number),
    uniqueIndex("bulletins_schedule_key").on(t.scheduleKey),
    index("bulletins_issuer_idx").on(t.issuerUnitId, t.createdAt),
  ],
);

export const bulletinRecipients = pgTable(
  "bulletin_recipients",
  {
    bulletinId: uuid("bulletin_id")
      .notNull()
      .references(() => bulletins.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    readAt: at("read_at"),
    readByName: text("read_by_name"),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.unitId] }), index("bulletin_recipients_unit_idx").on(t.unitId)],
);

/** A bulletin made every month by the jobs for an office, as a draft or published at once. */
export const bulletinSchedules = pgTable("bulletin_schedules", {
  id: uuid("id").primaryKey().defaultRandom(),
  issuerUnitId: uuid("issuer_unit_id")
    .notNull()
    .references(() => units.id),
  regionId: uuid("region_id")
    .notNull()
    .references(() => regions.id),
  campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "cascade" }),
  autoPublish: boolean("auto_publish").notNull().default(false),
  active: boolean("active").notNull().default(true),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** What each job last finished, so a restarted server knows where it stands. */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  lastDay: date("last_day", { mode: "string" }),
  startedAt: at("started_at"),
  finishedAt: at("finished_at"),
  lastError: text("last_error"),
  stats: jsonb("stats"),
});

export type NoticeRow = typeof notices.$inferSelect;
export type InstructionRow = typeof instructions.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;
export type BulletinRow = typeof bulletins.$inferSelect;
