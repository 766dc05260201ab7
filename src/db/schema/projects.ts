import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
import {
  FUND_TYPES,
  NODE_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STAGES,
  WARNING_KINDS,
  WARNING_LEVELS,
} from "../../domain/projects.js";
import { directives, regions, units, users } from "./core.js";
import { notices } from "./supervision.js";
import { attachments, tasks } from "./tasks.js";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

export const projectCategory = pgEnum("project_category", PROJECT_CATEGORIES);
export const fundType = pgEnum("fund_type", FUND_TYPES);
export const projectLevel = pgEnum("project_level", PROJECT_LEVELS);
export const projectStage = pgEnum("project_stage", PROJECT_STAGES);
export const nodeKind = pgEnum("node_kind", NODE_KINDS);
export const warningKind = pgEnum("warning_kind", WARNING_KINDS);
export const warningLevel = pgEnum("warning_level", WARNING_LEVELS);
export const mediaKind = pgEnum("media_kind", ["photo", "video"]);

/**
 * A major project in the library. The lead unit reports on it monthly and answers for it;
 * the owner (业主) is usually a company and kept as a name. `warningLevel` and `invested` cache
 * what the warnings and the reports say, so the library filters and sorts by index.
 */
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => regions.id),
    leadUnitId: uuid("lead_unit_id")
      .notNull()
      .references(() => units.id),
    ownerName: text("owner_name"),
    responsibleLeader: text("responsible_leader"),
    /** The office that keeps the project in the library (registered it) and supervises it: notices come from it. */
    officeUnitId: uuid("office_unit_id").references(() => units.id),
    industry: text("industry"),
    category: projectCategory("category").notNull(),
    fundType: fundType("fund_type"),
    level: projectLevel("level").notNull(),
    stage: projectStage("stage").notNull().default("reserve"),
    /** 万元 */
    totalInvestment: doublePrecision("total_investment").notNull(),
    invested: doublePrecision("invested").notNull().default(0),
    description: text("description"),
    address: text("address"),
    longitude: doublePrecision("longitude"),
    latitude: doublePrecision("latitude"),
    lastReportPeriod: text("last_report_period"),
    lastReportOn: date("last_report_on", { mode: "string" }),
    warningLevel: warningLevel("warning_level"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("projects_code_key").on(t.code),
    index("projects_region_idx").on(t.regionId, t.id),
    index("projects_lead_idx").on(t.leadUnitId),
    index("projects_warning_idx").on(t.warningLevel, t.id),
    index("projects_name_idx").on(t.name),
  ],
);

/**
 * Each year of a project: the investment planned (null when none was set) and the investment
 * reported, kept by the monthly report so region views sum one row per project, not every month.
 */
export const projectYearPlans = pgTable(
  "project_year_plans",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    amount: doublePrecision("amount"),
    invested: doublePrecision("invested").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] }), index("project_year_plans_year_idx").on(t.year)],
);

/** The node schedule: planned and reached dates of land, approval, start, main structure, completion, operation. */
export const projectNodes = pgTable(
  "project_nodes",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: nodeKind("kind").notNull(),
    plannedOn: date("planned_on", { mode: "string" }),
    reachedOn: date("reached_on", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.kind] })],
);

/** A month's report: the amount invested that month, the visible progress (形象进度), and who reported. */
export const projectReports = pgTable(
  "project_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    amount: doublePrecision("amount").notNull(),
    narrative: text("narrative").notNull(),
    submittedBy: uuid("submitted_by").references(() => users.id),
    submittedByName: text("submitted_by_name").notNull(),
    submittedAt: at("submitted_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("project_reports_period_key").on(t.projectId, t.period), index("project_reports_period_idx").on(t.period)],
);

export const projectMedia = pgTable(
  "project_media",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => projectReports.id, { onDelete: "cascade" }),
    attachmentId: uuid("attachment_id")
      .notNull()
      .references(() => attachments.id),
    kind: mediaKind("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.attachmentId] }), index("project_media_attachment_idx").on(t.attachmentId)],
);

/**
 * An early warning: raised when the rules first find it, its level kept up to date (each change
 * in `history`), cleared when the rules no longer find it. One open warning per project and key.
 */
export const projectWarnings = pgTable(
  "project_warnings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    kind: warningKind("kind").notNull(),
    node: nodeKind("node"),
    level: warningLevel("level").notNull(),
    detail: jsonb("detail").notNull(),
    history: jsonb("history").$type<{ level: string; on: string }[]>().notNull().default(sql`'[]'::jsonb`),
    raisedOn: date("raised_on", { mode: "string" }).notNull(),
    clearedOn: date("cleared_on", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("project_warnings_open_key").on(t.projectId, t.key).where(sql`${t.clearedOn} is null`),
    index("project_warnings_project_idx").on(t.projectId, t.id),
    index("project_warnings_open_idx").on(t.level).where(sql`${t.clearedOn} is null`),
  ],
);

export const projectTasks = pgTable(
  "project_tasks",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.taskId] }), index("project_tasks_task_idx").on(t.taskId)],
);

export const projectDirectives = pgTable(
  "project_directives",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    directiveId: uuid("directive_id")
      .notNull()
      .references(() => directives.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.directiveId] }), index("project_directives_directive_idx").on(t.directiveId)],
);

/** Notices about projects (a warning that climbed the ladder), beside notice_tasks. */
export const noticeProjects = pgTable(
  "notice_projects",
  {
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => notices.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.projectId] }), index("notice_projects_project_idx").on(t.projectId)],
);

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectReportRow = typeof projectReports.$inferSelect;
export type ProjectWarningRow = typeof projectWarnings.$inferSelect;

/** The outline of a region's parts (a GeoJSON FeatureCollection keyed by administrative code), for maps. */
export const regionMaps = pgTable("region_maps", {
  regionId: uuid("region_id")
    .primaryKey()
    .references(() => regions.id, { onDelete: "cascade" }),
  geojson: jsonb("geojson").notNull(),
  generated: boolean("generated").notNull().default(false),
  updatedAt: at("updated_at").notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id),
});
