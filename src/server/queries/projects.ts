import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/connection.js";
import { PLAN_EACH_TIME } from "../../db/named-statements.js";
import {
  attachments,
  directives,
  meetings,
  projectDirectives,
  projectMedia,
  projectNodes,
  projectReports,
  projects,
  projectTasks,
  projectWarnings,
  projectYearPlans,
  regions,
  tasks,
  units,
} from "../../db/schema.js";
import { investmentStatus } from "../../domain/projects.js";
import { type Actor, unitScopeOf } from "../../domain/scope.js";
import type { ProjectListQuery } from "../../schemas/projects.js";
import { todayIso } from "../clock.js";
import { notFound } from "../errors.js";
import { type CountKeeper, countNow } from "../lag-cache.js";
import type { ScopedProject } from "../policies/project.js";
import { afterCursor, cappedCount, likePattern, pageFrom } from "./paging.js";
import { unitIdsUnder } from "./scope-sql.js";
import { anyOf } from "./task-scope.js";

const leadRegion = alias(regions, "lead_region");

const summaryColumns = {
  project: projects,
  regionName: regions.name,
  leadName: units.name,
  leadRegionPath: leadRegion.path,
};

const base = (db: Queryable) =>
  db
    .select(summaryColumns)
    .from(projects)
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .innerJoin(units, eq(units.id, projects.leadUnitId))
    .innerJoin(leadRegion, eq(leadRegion.id, units.regionId));

type Joined = Awaited<ReturnType<ReturnType<typeof base>["execute"]>>[number];
export type LoadedProject = Joined["project"] & { regionName: string; leadName: string; leadRegionPath: string };
const flatten = (r: Joined): LoadedProject => ({
  ...r.project,
  regionName: r.regionName,
  leadName: r.leadName,
  leadRegionPath: r.leadRegionPath,
});

export const scopedProject = (p: LoadedProject): ScopedProject => ({ lead: { id: p.leadUnitId, regionPath: p.leadRegionPath } });

export async function loadProject(db: Queryable, id: string): Promise<LoadedProject> {
  const [row] = await base(db).where(eq(projects.id, id));
  if (!row) throw notFound();
  return flatten(row);
}

/** The SQL form of project scope: projects led by a unit the actor sees. */
export function projectScope(actor: Actor): SQL | undefined {
  const scope = unitScopeOf(actor);
  if (scope.kind === "all") return undefined;
  if (scope.kind === "none") return sql`false`;
  if (scope.kind === "unit") return eq(projects.leadUnitId, scope.unitId);
  // The region's units as a subquery PostgreSQL hashes once and probes for each project (a
  // "hashed SubPlan"), so a list can walk an index in its order and stop at the page. An array of
  // thousands of units was searched project by project (0.6 s for a province's red warnings); a
  // semi-join let the planner join the units to every project it walked (13 ms against 1.8 ms).
  return sql`(${projects.leadUnitId} = ${scope.unitId}::uuid or ${projects.leadUnitId} in (${unitIdsUnder(`${scope.regionPath}%`)}))`;
}

const RANK_OF = { red: 3, yellow: 2, blue: 1, none: 0 } as const;
const WARNING_RANK = sql`(case ${projects.warningLevel} when 'red' then 3 when 'yellow' then 2 when 'blue' then 1 else 0 end)`;

function projectListing(actor: Actor, q: ProjectListQuery) {
  const where = and(
    projectScope(actor),
    q.q ? or(ilike(projects.name, likePattern(q.q)), ilike(projects.code, likePattern(q.q))) : undefined,
    q.regionId
      ? anyOf(
          projects.regionId,
          sql`select id from regions where path like (select path from regions where id = ${q.regionId}) || '%'`,
        )
      : undefined,
    q.leadUnitId ? eq(projects.leadUnitId, q.leadUnitId) : undefined,
    q.level ? eq(projects.level, q.level) : undefined,
    q.category ? eq(projects.category, q.category) : undefined,
    q.fundType ? eq(projects.fundType, q.fundType) : undefined,
    q.stage ? eq(projects.stage, q.stage) : undefined,
    q.warning === "any"
      ? isNotNull(projects.warningLevel)
      : q.warning === "none"
        ? isNull(projects.warningLevel)
        : q.warning
          ? eq(projects.warningLevel, q.warning)
          : undefined,
    // A warning level or a phrase matches a few projects or thousands: planned for its values.
    q.q || q.warning ? PLAN_EACH_TIME : undefined,
  );
  const sortColumn = {
    code: projects.code,
    name: projects.name,
    totalInvestment: projects.totalInvestment,
    invested: projects.invested,
    warning: WARNING_RANK,
  }[q.sort];
  const dir = q.order === "asc" ? asc : desc;
  return {
    where,
    // The warning sort runs on an expression; keyset comparisons work on it all the same.
    page: and(where, afterCursor(sortColumn as typeof projects.code, projects.id, q.order, q.cursor)),
    order: [dir(sortColumn), dir(projects.id)],
    key: (p: ProjectSummaryRow): [unknown, string] => [
      q.sort === "warning" ? RANK_OF[p.warningLevel ?? "none"] : p[q.sort],
      p.id,
    ],
  };
}

/** A project as the library lists it. */
export type ProjectSummaryRow = Pick<
  LoadedProject,
  | "id"
  | "code"
  | "name"
  | "regionId"
  | "regionName"
  | "leadUnitId"
  | "leadName"
  | "category"
  | "fundType"
  | "level"
  | "stage"
  | "totalInvestment"
  | "invested"
  | "lastReportPeriod"
  | "warningLevel"
  | "longitude"
  | "latitude"
>;

// The summary's columns only, named as ProjectSummaryRow and read without Drizzle's row mapping
// (a type check per column per row), which cost more than PostgreSQL's work on a page.
const SUMMARY = sql.raw(`select projects.id, projects.code, projects.name, projects.region_id as "regionId",
  (select r.name from regions r where r.id = projects.region_id) as "regionName", projects.lead_unit_id as "leadUnitId",
  (select u.name from units u where u.id = projects.lead_unit_id) as "leadName", projects.category,
  projects.fund_type as "fundType", projects.level, projects.stage, projects.total_investment as "totalInvestment",
  projects.invested, projects.last_report_period as "lastReportPeriod", projects.warning_level as "warningLevel",
  projects.longitude, projects.latitude from projects`);

/** A page of the project library, in the list's order, with how many match. */
export async function listProjects(db: Queryable, actor: Actor, q: ProjectListQuery, count: CountKeeper = countNow) {
  const l = projectListing(actor, q);
  const { rows } = (await db.execute(
    sql`${SUMMARY} where ${l.page ?? sql`true`} order by ${sql.join(l.order, sql`, `)} limit ${q.limit + 1}`,
  )) as unknown as { rows: ProjectSummaryRow[] };
  return { ...pageFrom(rows, q.limit, l.key), ...(await count(() => cappedCount(db, projects, l.where))) };
}

/** Whole projects in the library's order, a page at a time (the workbook export). */
export async function listProjectsInFull(db: Queryable, actor: Actor, q: ProjectListQuery) {
  const l = projectListing(actor, q);
  const rows = await base(db)
    .where(l.page)
    .orderBy(...l.order)
    .limit(q.limit + 1);
  return pageFrom(rows.map(flatten), q.limit, l.key);
}

/** Everything the project page shows. */
export async function projectDetail(db: Queryable, p: LoadedProject) {
  const [nodes, plans, reports, warnings, linkedTasks, linkedDirectives] = await Promise.all([
    db.select().from(projectNodes).where(eq(projectNodes.projectId, p.id)),
    db.select().from(projectYearPlans).where(eq(projectYearPlans.projectId, p.id)).orderBy(projectYearPlans.year),
    db.select().from(projectReports).where(eq(projectReports.projectId, p.id)).orderBy(desc(projectReports.period)),
    db.select().from(projectWarnings).where(eq(projectWarnings.projectId, p.id)).orderBy(desc(projectWarnings.id)),
    db
      .select({ id: tasks.id, number: tasks.number, title: tasks.title, state: tasks.state })
      .from(projectTasks)
      .innerJoin(tasks, eq(tasks.id, projectTasks.taskId))
      .where(eq(projectTasks.projectId, p.id)),
    db
      .select({ id: directives.id, text: directives.text, meetingId: meetings.id, meetingTitle: meetings.title })
      .from(projectDirectives)
      .innerJoin(directives, eq(directives.id, projectDirectives.directiveId))
      .innerJoin(meetings, eq(meetings.id, directives.meetingId))
      .where(eq(projectDirectives.projectId, p.id)),
  ]);
  const media = reports.length
    ? await db
        .select({
          reportId: projectMedia.reportId,
          id: attachments.id,
          name: attachments.name,
          mime: attachments.mime,
          kind: projectMedia.kind,
        })
        .from(projectMedia)
        .innerJoin(attachments, eq(attachments.id, projectMedia.attachmentId))
        .where(
          inArray(
            projectMedia.reportId,
            reports.map((r) => r.id),
          ),
        )
    : [];
  const figures = reports.map((r) => ({ period: r.period, amount: r.amount }));
  const period = p.lastReportPeriod ?? todayIso().slice(0, 7);
  const year = Number(period.slice(0, 4));
  const annualPlan = plans.find((y) => y.year === year)?.amount ?? null;
  const status = investmentStatus(figures, period, { annual: annualPlan, total: p.totalInvestment });
  // The year of the last report, month by month: invested, cumulative, and the plan's straight line.
  let cumulative = 0;
  const curve = Array.from({ length: 12 }, (_, i) => {
    const m = `${year}-${String(i + 1).padStart(2, "0")}`;
    const amount = figures.filter((f) => f.period === m).reduce((n, f) => n + f.amount, 0);
    cumulative += amount;
    return {
      period: m,
      amount,
      // Months not reported yet have no cumulative figure: the line stops where the reports stop.
      cumulative: p.lastReportPeriod !== null && m <= p.lastReportPeriod ? Math.round(cumulative * 10) / 10 : null,
      planned: annualPlan === null ? null : Math.round(((annualPlan * (i + 1)) / 12) * 10) / 10,
    };
  });
  const order = ["land", "approval", "start", "main_structure", "completion", "operation"];
  return {
    nodes: nodes
      .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      .map((n) => ({ kind: n.kind, plannedOn: n.plannedOn, reachedOn: n.reachedOn })),
    yearPlans: plans.map((y) => ({ year: y.year, amount: y.amount, invested: y.invested })),
    status: { period: p.lastReportPeriod, annualPlan, ...status },
    curve,
    reports: reports.map((r) => ({
      id: r.id,
      period: r.period,
      amount: r.amount,
      narrative: r.narrative,
      submittedByName: r.submittedByName,
      submittedAt: r.submittedAt,
      media: media.filter((m) => m.reportId === r.id).map(({ reportId: _, ...m }) => m),
    })),
    warnings,
    tasks: linkedTasks,
    directives: linkedDirectives,
  };
}
