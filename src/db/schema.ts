/** The whole schema, one module per part of the loop; drizzle-kit reads it from here. */
export * from "./schema/core.js";
export * from "./schema/projects.js";
export * from "./schema/supervision.js";
export * from "./schema/tasks.js";

/** Tables in the order a restore must insert them (parents first). */
export const TABLES_IN_ORDER = [
  "regions",
  "units",
  "users",
  "sessions",
  "login_attempts",
  "audit_events",
  "meetings",
  "studied_items",
  "directives",
  "campaigns",
  "campaign_lead_units",
  "tasks",
  "task_co_units",
  "task_directives",
  "milestones",
  "task_events",
  "progress_reports",
  "attachments",
  "report_attachments",
  "settings",
  "notices",
  "notice_tasks",
  "instructions",
  "instruction_units",
  "notifications",
  "channels",
  "deliveries",
  "bulletins",
  "bulletin_recipients",
  "bulletin_schedules",
  "job_runs",
  "projects",
  "project_year_plans",
  "project_nodes",
  "project_reports",
  "project_media",
  "project_warnings",
  "project_tasks",
  "project_directives",
  "notice_projects",
] as const;
