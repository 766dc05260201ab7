import { and, desc, eq, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Queryable } from "../../db/connection.js";
import { projects, projectWarnings, regions, units } from "../../db/schema.js";
import type { Actor } from "../../domain/scope.js";
import type { warningListQuery } from "../../schemas/projects.js";
import { COUNT_CAP, decodeCursor, pageFrom } from "./paging.js";
import { projectScope } from "./projects.js";
import { anyOf } from "./task-scope.js";

/** Warnings of the projects in scope, newest first: open ones (the list offices work from) or all, with their history. */
export async function listWarnings(db: Queryable, actor: Actor, q: z.infer<typeof warningListQuery>) {
  const after = decodeCursor(q.cursor);
  // Scope and filters on the joined project: the newest warnings are read off the primary key
  // backwards, each project looked up by its key, rather than gathering every project id first.
  const where = and(
    projectScope(actor),
    q.open === "true" ? isNull(projectWarnings.clearedOn) : isNotNull(projectWarnings.clearedOn),
    q.kind ? eq(projectWarnings.kind, q.kind) : undefined,
    q.level ? eq(projectWarnings.level, q.level) : undefined,
    q.leadUnitId ? eq(projects.leadUnitId, q.leadUnitId) : undefined,
    q.regionId
      ? anyOf(
          projects.regionId,
          sql`select id from regions where path like (select path from regions where id = ${q.regionId}) || '%'`,
        )
      : undefined,
  );
  const rows = await db
    .select({
      w: projectWarnings,
      code: projects.code,
      name: projects.name,
      leadUnitId: units.id,
      leadName: units.name,
      regionId: regions.id,
      regionName: regions.name,
    })
    .from(projectWarnings)
    .innerJoin(projects, eq(projects.id, projectWarnings.projectId))
    .innerJoin(units, eq(units.id, projects.leadUnitId))
    .innerJoin(regions, eq(regions.id, projects.regionId))
    .where(and(where, after ? lt(projectWarnings.id, Number(after[1])) : undefined))
    .orderBy(desc(projectWarnings.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.w.id, r.w.id]);
  return {
    ...page,
    ...(await cappedWarningCount(db, where)),
    items: page.items.map((r) => ({
      id: r.w.id,
      kind: r.w.kind,
      node: r.w.node,
      level: r.w.level,
      detail: r.w.detail as Record<string, string | number>,
      history: r.w.history,
      raisedOn: r.w.raisedOn,
      clearedOn: r.w.clearedOn,
      project: { id: r.w.projectId, code: r.code, name: r.name },
      leadUnit: { id: r.leadUnitId, name: r.leadName },
      region: { id: r.regionId, name: r.regionName },
    })),
  };
}

/** How many warnings match (joined to their projects for scope), up to COUNT_CAP. */
async function cappedWarningCount(db: Queryable, where: SQL | undefined) {
  const matching = db
    .select({ one: sql`1` })
    .from(projectWarnings)
    .innerJoin(projects, eq(projects.id, projectWarnings.projectId))
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("matching");
  const [{ n }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(matching);
  return { total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP };
}
