import { and, asc, desc, eq, ilike, isNull, like, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { regions, type UnitRow, units } from "../../db/schema.js";
import type { UnitScope } from "../../domain/scope.js";
import type { UnitListQuery } from "../../schemas/units.js";
import { notFound } from "../errors.js";
import { afterCursor, likePattern, pageFrom } from "./paging.js";
import { findRegion } from "./regions.js";
import { unitScopeWhere } from "./scope-sql.js";

const columns = {
  unit: units,
  regionName: regions.name,
  regionPath: regions.path,
  childCount: sql<number>`(select count(*) from units c where c.parent_id = "units"."id")`.mapWith(Number),
  userCount: sql<number>`(select count(*) from users u where u.unit_id = "units"."id")`.mapWith(Number),
  parentName: sql<string | null>`(select p.name from units p where p.id = "units"."parent_id")`,
};

type Sortable = "name" | "code" | "createdAt";
const sortColumns = { name: units.name, code: units.code, createdAt: units.createdAt } as const;

export async function listUnits(db: Queryable, q: UnitListQuery, scope: UnitScope) {
  let regionFilter: SQL | undefined;
  if (q.regionId) {
    const region = await findRegion(db, q.regionId);
    regionFilter = q.withinRegion === "true" && region ? like(regions.path, `${region.path}%`) : eq(units.regionId, q.regionId);
  }
  const filters = [
    unitScopeWhere(scope),
    regionFilter,
    q.parentId === "root" ? isNull(units.parentId) : q.parentId ? eq(units.parentId, q.parentId) : undefined,
    q.kind ? eq(units.kind, q.kind) : undefined,
    q.active === "all" ? undefined : eq(units.active, q.active === "true"),
    q.q
      ? or(
          ilike(units.name, likePattern(q.q)),
          ilike(units.code, likePattern(q.q)),
          ilike(units.shortName, likePattern(q.q)),
          ilike(units.nameEn, likePattern(q.q)),
        )
      : undefined,
  ];
  const where = and(...filters);
  const sortKey: Sortable = q.sort;
  // Units without a code sort by the empty string so the keyset never meets a NULL.
  const sortColumn = sortKey === "code" ? sql`coalesce(${units.code}, '')` : sortColumns[sortKey];
  const dir = q.order === "desc" ? desc : asc;
  const rows = await db
    .select(columns)
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(where, afterCursor(sortColumn as any, units.id, q.order, q.cursor)))
    .orderBy(dir(sortColumn), dir(units.id))
    .limit(q.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where);
  const page = pageFrom(rows, q.limit, (r) => [
    sortKey === "code" ? (r.unit.code ?? "") : sortKey === "createdAt" ? r.unit.createdAt : r.unit.name,
    r.unit.id,
  ]);
  return { items: page.items.map(flatten), nextCursor: page.nextCursor, total };
}

function flatten(r: {
  unit: UnitRow;
  regionName: string;
  regionPath: string;
  childCount: number;
  userCount: number;
  parentName: string | null;
}) {
  return {
    ...r.unit,
    regionName: r.regionName,
    regionPath: r.regionPath,
    childCount: r.childCount,
    userCount: r.userCount,
    parentName: r.parentName,
  };
}

export type LoadedUnit = ReturnType<typeof flatten>;

export async function findUnit(db: Queryable, id: string): Promise<LoadedUnit | undefined> {
  const [row] = await db
    .select(columns)
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(units.id, id))
    .limit(1);
  return row ? flatten(row) : undefined;
}

export async function loadUnit(db: Queryable, id: string): Promise<LoadedUnit> {
  const unit = await findUnit(db, id);
  if (!unit) throw notFound();
  return unit;
}

/** Parent links of units above `id`, walked one at a time (unit trees are shallow). */
export async function unitParentOf(db: Queryable, id: string): Promise<string | null | undefined> {
  const [row] = await db.select({ parentId: units.parentId }).from(units).where(eq(units.id, id)).limit(1);
  return row?.parentId;
}
