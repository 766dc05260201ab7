import { and, asc, desc, eq, ilike, like, or, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { regions, type UserRow, units, users } from "../../db/schema.js";
import type { Role } from "../../domain/people.js";
import type { UnitScope } from "../../domain/scope.js";
import type { UserListQuery } from "../../schemas/users.js";
import { notFound } from "../errors.js";
import { afterCursor, likePattern, pageFrom } from "./paging.js";
import { findRegion } from "./regions.js";
import { unitScopeWhere } from "./scope-sql.js";

const columns = {
  user: users,
  unitName: units.name,
  regionId: units.regionId,
  regionName: regions.name,
  regionPath: regions.path,
};
const sortColumns = { username: users.username, displayName: users.displayName, createdAt: users.createdAt } as const;

function flatten(r: { user: UserRow; unitName: string; regionId: string; regionName: string; regionPath: string }) {
  return { ...r.user, unitName: r.unitName, regionId: r.regionId, regionName: r.regionName, regionPath: r.regionPath };
}
export type LoadedUser = ReturnType<typeof flatten>;

export async function listUsers(db: Queryable, q: UserListQuery, scope: UnitScope) {
  let regionFilter: SQL | undefined;
  if (q.regionId) {
    const region = await findRegion(db, q.regionId);
    regionFilter = region ? like(regions.path, `${region.path}%`) : sql`false`;
  }
  const where = and(
    unitScopeWhere(scope),
    regionFilter,
    q.unitId ? eq(users.unitId, q.unitId) : undefined,
    q.role ? sql`${q.role}::user_role = any(${users.roles})` : undefined,
    q.active === "all" ? undefined : eq(users.active, q.active === "true"),
    q.q
      ? or(
          ilike(users.username, likePattern(q.q)),
          ilike(users.displayName, likePattern(q.q)),
          ilike(users.email, likePattern(q.q)),
        )
      : undefined,
  );
  const sortColumn = sortColumns[q.sort];
  const dir = q.order === "desc" ? desc : asc;
  const base = () =>
    db
      .select(columns)
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .innerJoin(regions, eq(regions.id, units.regionId));
  const rows = await base()
    .where(and(where, afterCursor(sortColumn, users.id, q.order, q.cursor)))
    .orderBy(dir(sortColumn), dir(users.id))
    .limit(q.limit + 1);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where);
  const page = pageFrom(rows, q.limit, (r) => [r.user[q.sort], r.user.id]);
  return { items: page.items.map(flatten), nextCursor: page.nextCursor, total };
}

export async function findUserBy(db: Queryable, where: SQL): Promise<LoadedUser | undefined> {
  const [row] = await db
    .select(columns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(where)
    .limit(1);
  return row ? flatten(row) : undefined;
}

export async function loadUser(db: Queryable, id: string): Promise<LoadedUser> {
  const user = await findUserBy(db, eq(users.id, id));
  if (!user) throw notFound();
  return user;
}

export const scopedUser = (u: LoadedUser) => ({ id: u.id, unit: { id: u.unitId, regionPath: u.regionPath } });

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(and(eq(users.active, true), sql`${"admin" satisfies Role}::user_role = any(${users.roles})`));
  return n;
}
