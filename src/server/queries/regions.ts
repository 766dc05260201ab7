import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type RegionRow, regions } from "../../db/schema.js";
import type { RegionListQuery } from "../../schemas/regions.js";
import { notFound } from "../errors.js";
import { afterCursor, likePattern, pageFrom } from "./paging.js";

const counts = {
  childCount: sql<number>`(select count(*) from regions c where c.parent_id = "regions"."id")`.mapWith(Number),
  unitCount: sql<number>`(select count(*) from units u where u.region_id = "regions"."id")`.mapWith(Number),
};

export async function listRegions(db: Queryable, q: RegionListQuery) {
  const sortColumn = q.sort === "name" ? regions.name : regions.code;
  const filters: (SQL | undefined)[] = [
    q.parentId === "root" ? isNull(regions.parentId) : q.parentId ? eq(regions.parentId, q.parentId) : undefined,
    q.level ? eq(regions.level, q.level) : undefined,
    q.active === "all" ? undefined : eq(regions.active, q.active === "true"),
    q.q
      ? or(ilike(regions.name, likePattern(q.q)), ilike(regions.code, likePattern(q.q)), ilike(regions.nameEn, likePattern(q.q)))
      : undefined,
  ];
  const where = and(...filters);
  const dir = q.order === "desc" ? desc : asc;
  const rows = await db
    .select({ region: regions, ...counts })
    .from(regions)
    .where(and(where, afterCursor(sortColumn, regions.id, q.order, q.cursor)))
    .orderBy(dir(sortColumn), dir(regions.id))
    .limit(q.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(regions)
    .where(where);
  const page = pageFrom(rows, q.limit, (r) => [q.sort === "name" ? r.region.name : r.region.code, r.region.id]);
  return {
    items: page.items.map((r) => ({ ...r.region, childCount: r.childCount, unitCount: r.unitCount })),
    nextCursor: page.nextCursor,
    total,
  };
}

export async function findRegion(db: Queryable, id: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id)).limit(1);
  return row;
}

export async function loadRegion(db: Queryable, id: string, forUpdate = false): Promise<RegionRow> {
  const query = db.select().from(regions).where(eq(regions.id, id)).limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

export async function loadRegionWithCounts(db: Queryable, id: string) {
  const [row] = await db
    .select({ region: regions, ...counts })
    .from(regions)
    .where(eq(regions.id, id))
    .limit(1);
  if (!row) throw notFound();
  return { ...row.region, childCount: row.childCount, unitCount: row.unitCount };
}

/** The chain of regions from the root down to `id`, for breadcrumbs. */
export async function regionAncestors(db: Queryable, region: RegionRow): Promise<RegionRow[]> {
  const ids = region.path.split("/").filter(Boolean);
  const rows = await db.select().from(regions).where(inArray(regions.id, ids));
  return ids.map((i) => rows.find((r) => r.id === i)).filter((r): r is RegionRow => !!r);
}
