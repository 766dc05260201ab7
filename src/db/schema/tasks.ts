import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  date,
  doublePrecision,
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
import { LIGHTS } from "../../domain/light.js";
import { CADENCES } from "../../domain/reporting-periods.js";
import { TASK_STATES } from "../../domain/task-states.js";
import { directives, meetings, units, users } from "./core.js";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });
const stamps = { createdAt: at("created_at").notNull().defaultNow(), updatedAt: at("updated_at").notNull().defaultNow() };

export const reportCadence = pgEnum("report_cadence", CADENCES);
export const taskState = pgEnum("task_state", TASK_STATES);
export const light = pgEnum("light", LIGHTS);
export const targetKind = pgEnum("target_kind", ["none", "quantity", "outcome"]);
export const reportKind = pgEnum("report_kind", ["report", "note"]);
export const reviewState = pgEnum("review_state", ["pending", "accepted", "returned"]);

/** Red first, then yellow, then the rest: the order of "my work" (queries/my-work.ts sorts by the same expression). */
export const urgency = (column: AnyPgColumn) => sql`(case ${column} when 'red' then 0 when 'yellow' then 1 else 2 end)`;

/** A special action (专项行动); the ten actions of "ten special actions" are its children. Belongs to the office that runs it. */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    parentId: uuid("parent_id").references((): any => campaigns.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    startOn: date("start_on", { mode: "string" }).notNull(),
    endOn: date("end_on", { mode: "string" }).notNull(),
    cadence: reportCadence("cadence").notNull().default("monthly"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...stamps,
  },
  (t) => [index("campaigns_unit_idx").on(t.unitId), index("campaigns_parent_idx").on(t.parentId)],
);

export const campaignLeadUnits = pgTable(
  "campaign_lead_units",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] }), index("campaign_lead_units_unit_idx").on(t.unitId)],
);

/**
 * A task assigned by an office (owner unit) to a lead unit. `path` holds the task ids from the
 * root of its decomposition tree down, for sub-tree reads and roll-up. `light` caches what
 * src/domain/light.ts computes, refreshed on every change and by the daily sweep, so lists can filter on it.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigint("number", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
    title: text("title").notNull(),
    description: text("description"),
    parentId: uuid("parent_id").references((): any => tasks.id),
    path: text("path").notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    ownerUnitId: uuid("owner_unit_id")
      .notNull()
      .references(() => units.id),
    leadUnitId: uuid("lead_unit_id")
      .notNull()
      .references(() => units.id),
    responsibleLeader: text("responsible_leader"),
    startOn: date("start_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    cadence: reportCadence("cadence").notNull().default("monthly"),
    targetKind: targetKind("target_kind").notNull().default("none"),
    targetValue: doublePrecision("target_value"),
    targetUnit: text("target_unit"),
    measuredValue: doublePrecision("measured_value"),
    progress: doublePrecision("progress").notNull().default(0),
    weight: doublePrecision("weight").notNull().default(1),
    state: taskState("state").notNull().default("draft"),
    light: light("light"),
    lightReasons: text("light_reasons").array().notNull().default(sql`'{}'::text[]`),
    lightOverride: light("light_override"),
    lightOverrideReason: text("light_override_reason"),
    lastReportOn: date("last_report_on", { mode: "string" }),
    /** Reports awaiting the office's review, kept by src/db/pending-reports.ts so "my work" finds them by index. */
    pendingReports: integer("pending_reports").notNull().default(0),
    closedAt: at("closed_at"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...stamps,
  },
  (t) => [
    uniqueIndex("tasks_number_key").on(t.number),
    index("tasks_lead_idx").on(t.leadUnitId, t.state),
    // "My work" lists an office's tasks by state, most urgent first: read straight off the index, no sort.
    index("tasks_owner_idx").on(t.ownerUnitId, t.state, urgency(t.light), t.dueOn, t.number),
    // Keyset pages by each sort of the task list.
    index("tasks_progress_idx").on(t.progress, t.id),
    index("tasks_updated_idx").on(t.updatedAt, t.id),
    // Title search by character pairs (Chinese has no spaces to split words on): see titleSearch in queries/tasks.ts.
    index("tasks_title_grams_idx").using("gin", sql`title_grams(${t.title})`),
    index("tasks_pending_review_idx").on(t.ownerUnitId, urgency(t.light), t.dueOn, t.number).where(sql`${t.pendingReports} > 0`),
    index("tasks_campaign_idx").on(t.campaignId),
    index("tasks_parent_idx").on(t.parentId),
    index("tasks_due_idx").on(t.dueOn, t.id),
    index("tasks_state_light_idx").on(t.state, t.light),
    index("tasks_path_idx").using("btree", t.path.op("text_pattern_ops")),
  ],
);

export const taskCoUnits = pgTable(
  "task_co_units",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index("task_co_units_unit_idx").on(t.unitId)],
);

/** Which directives a task implements. A directive with tasks cannot be removed from its meeting. */
export const taskDirectives = pgTable(
  "task_directives",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    directiveId: uuid("directive_id")
      .notNull()
      .references(() => directives.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.directiveId] }), index("task_directives_directive_idx").on(t.directiveId)],
);

export const milestones = pgTable(
  "milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    title: text("title").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    doneOn: date("done_on", { mode: "string" }),
  },
  (t) => [index("milestones_task_idx").on(t.taskId, t.ordinal)],
);

/** The history of a task: every step, deadline change, override and review, with who and when. */
export const taskEvents = pgTable(
  "task_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    at: at("at").notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    kind: text("kind").notNull(),
    fromState: taskState("from_state"),
    toState: taskState("to_state"),
    reason: text("reason"),
    data: jsonb("data"),
  },
  (t) => [index("task_events_task_idx").on(t.taskId, t.id)],
);

/** A lead unit's report for a period, or a co-unit's note; reports are reviewed by the office. */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    kind: reportKind("kind").notNull().default("report"),
    period: text("period").notNull(),
    narrative: text("narrative").notNull(),
    percent: doublePrecision("percent"),
    measuredValue: doublePrecision("measured_value"),
    submittedBy: uuid("submitted_by").references(() => users.id),
    submittedByName: text("submitted_by_name").notNull(),
    submittedAt: at("submitted_at").notNull().defaultNow(),
    review: reviewState("review"),
    reviewReason: text("review_reason"),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: at("reviewed_at"),
  },
  (t) => [
    // By period within the task: whether a task has its report for a period (its light, a
    // campaign's "received") is one look, however long the task's history.
    index("progress_reports_task_idx").on(t.taskId, t.period, t.submittedAt),
    index("progress_reports_unit_idx").on(t.unitId, t.period),
    index("progress_reports_pending_idx").on(t.review, t.submittedAt),
  ],
);

/** A file stored once by its SHA-256 (content-addressed on disk); rows are the names people gave it. */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sha256: text("sha256").notNull(),
    name: text("name").notNull(),
    mime: text("mime").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("attachments_sha_idx").on(t.sha256), index("attachments_creator_idx").on(t.createdBy)],
);

export const reportAttachments = pgTable(
  "report_attachments",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => progressReports.id, { onDelete: "cascade" }),
    attachmentId: uuid("attachment_id")
      .notNull()
      .references(() => attachments.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.attachmentId] }), index("report_attachments_attachment_idx").on(t.attachmentId)],
);

/** Settings an admin may change (light thresholds…), one JSON value per key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export type CampaignRow = typeof campaigns.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type TaskEventRow = typeof taskEvents.$inferSelect;
export type ProgressReportRow = typeof progressReports.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
