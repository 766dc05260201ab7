import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import {
  directives,
  type ProjectRow,
  projectDirectives,
  projectNodes,
  projects,
  projectTasks,
  projectYearPlans,
  regions,
  tasks,
  units,
} from "../../db/schema.js";
import type { ProjectCreate, ProjectUpdate } from "../../schemas/projects.js";
import { writeAudit } from "../audit.js";
import { todayIso } from "../clock.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { nodeTemplates } from "../queries/settings.js";
import { refreshProjectWarnings } from "./refresh-project-warnings.js";

type Links = Pick<ProjectCreate, "nodes" | "yearPlans" | "taskIds" | "directiveIds">;

async function checkReferences(tx: Queryable, input: Partial<ProjectCreate>) {
  if (input.regionId) {
    const [r] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
    if (!r) throw badRequest("regionId", "not_found");
  }
  if (input.leadUnitId) {
    const [u] = await tx.select({ active: units.active }).from(units).where(eq(units.id, input.leadUnitId));
    if (!u) throw badRequest("leadUnitId", "not_found");
    if (!u.active) throw badRequest("leadUnitId", "unit_inactive");
  }
  const today = todayIso();
  input.nodes?.forEach((n, i) => {
    if (n.reachedOn && n.reachedOn > today) throw badRequest(`nodes.${i}.reachedOn`, "date_future");
  });
  const kinds = new Set(input.nodes?.map((n) => n.kind));
  if (input.nodes && kinds.size !== input.nodes.length) throw badRequest("nodes", "node_repeated");
  const years = new Set(input.yearPlans?.map((y) => y.year));
  if (input.yearPlans && years.size !== input.yearPlans.length) throw badRequest("yearPlans", "year_repeated");
  if (input.taskIds?.length) {
    const found = await tx.select({ id: tasks.id }).from(tasks).where(inArray(tasks.id, input.taskIds));
    if (found.length !== new Set(input.taskIds).size) throw badRequest("taskIds", "not_found");
  }
  if (input.directiveIds?.length) {
    const found = await tx.select({ id: directives.id }).from(directives).where(inArray(directives.id, input.directiveIds));
    if (found.length !== new Set(input.directiveIds).size) throw badRequest("directiveIds", "not_found");
  }
}

/** Replaces what was given of the node schedule, year plans and links; what was not given stays. */
async function writeLinks(tx: Queryable, projectId: string, links: Links) {
  if (links.nodes) {
    await tx.delete(projectNodes).where(eq(projectNodes.projectId, projectId));
    if (links.nodes.length)
      await tx
        .insert(projectNodes)
        .values(
          links.nodes.map((n) => ({ projectId, kind: n.kind, plannedOn: n.plannedOn ?? null, reachedOn: n.reachedOn ?? null })),
        );
  }
  if (links.yearPlans) {
    // Plans are replaced; what was reported for each year stays (a year without a plan keeps its figure).
    await tx.update(projectYearPlans).set({ amount: null }).where(eq(projectYearPlans.projectId, projectId));
    for (const y of links.yearPlans)
      await tx
        .insert(projectYearPlans)
        .values({ projectId, year: y.year, amount: y.amount })
        .onConflictDoUpdate({ target: [projectYearPlans.projectId, projectYearPlans.year], set: { amount: y.amount } });
  }
  if (links.taskIds) {
    await tx.delete(projectTasks).where(eq(projectTasks.projectId, projectId));
    const ids = [...new Set(links.taskIds)];
    if (ids.length) await tx.insert(projectTasks).values(ids.map((taskId) => ({ projectId, taskId })));
  }
  if (links.directiveIds) {
    await tx.delete(projectDirectives).where(eq(projectDirectives.projectId, projectId));
    const ids = [...new Set(links.directiveIds)];
    if (ids.length) await tx.insert(projectDirectives).values(ids.map((directiveId) => ({ projectId, directiveId })));
  }
}

/** Registers a project; without a node schedule it gets its category's nodes, undated. */
export async function createProject(ctx: ActingContext, input: ProjectCreate, tx: Queryable): Promise<ProjectRow> {
  await checkReferences(tx, input);
  const { nodes, yearPlans, taskIds, directiveIds, ...fields } = input;
  const [row] = await tx
    .insert(projects)
    .values({ ...fields, fundType: fields.fundType ?? null, officeUnitId: ctx.actor.unitId, createdBy: ctx.actor.id })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict("code_taken", "code", { code: input.code });
  await writeLinks(tx, row.id, {
    nodes: nodes ?? (await nodeTemplates(tx))[input.category].map((kind) => ({ kind })),
    yearPlans,
    taskIds,
    directiveIds,
  });
  await refreshProjectWarnings(tx, [row.id]);
  await writeAudit(tx, ctx, {
    action: "project.create",
    entityType: "project",
    entityId: row.id,
    after: { ...row, nodes, yearPlans, taskIds, directiveIds },
  });
  return row;
}

export async function updateProject(
  ctx: ActingContext,
  input: { project: ProjectRow; patch: ProjectUpdate },
  tx: Queryable,
): Promise<ProjectRow> {
  const { project, patch } = input;
  if (patch.version !== project.version) throw conflict("stale_version", "version");
  await checkReferences(tx, patch);
  const { nodes, yearPlans, taskIds, directiveIds, version: _v, ...fields } = patch;
  const [row] = await tx
    .update(projects)
    .set({ ...fields, version: project.version + 1, updatedAt: sql`now()` })
    .where(and(eq(projects.id, project.id), eq(projects.version, project.version)))
    .returning();
  if (!row) throw conflict("stale_version", "version");
  await writeLinks(tx, row.id, { nodes, yearPlans, taskIds, directiveIds });
  await refreshProjectWarnings(tx, [row.id]);
  await writeAudit(tx, ctx, {
    action: "project.update",
    entityType: "project",
    entityId: row.id,
    before: project,
    after: { ...row, nodes, yearPlans, taskIds, directiveIds },
  });
  return row;
}
