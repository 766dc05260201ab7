import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { regions } from "../../db/schema.js";
import type { Actor } from "../../domain/scope.js";
import { notFound } from "../errors.js";
import { projectScope } from "./projects.js";

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
const n = (v: unknown) => Number(v ?? 0);

/**
 * Investment by region for a year: for each region one level below `regionId` (and the region's
 * own projects), the projects, total investment, the year's plan and what was invested, and the
 * warnings standing. One row per project-year is summed, not every month.
 */
export async function projectRegions(db: Queryable, actor: Actor, regionId: string, year: number) {
  const [region] = await db.select().from(regions).where(eq(regions.id, regionId));
  if (!region) throw notFound();
  const scope = projectScope(actor) ?? sql`true`;
  const rows = rowsOf(
    await db.execute(sql`with areas as (
        select id, code, name, name_en, path from regions where parent_id = ${region.id}
        union all select id, code, name, name_en, '' from regions where id = ${region.id}),
      -- Each region's projects summed once (one pass over the library), then regions rolled up into
      -- the areas: joining every project to every area it lies in cost twenty times more.
      per_region as (
        select projects.region_id, count(*) as projects, sum(projects.total_investment) as total,
          sum(y.amount) as planned, sum(y.invested) as invested,
          count(*) filter (where projects.warning_level = 'red') as red,
          count(*) filter (where projects.warning_level = 'yellow') as yellow,
          count(*) filter (where projects.warning_level = 'blue') as blue
        from projects left join project_year_plans y on y.project_id = projects.id and y.year = ${year}
        where ${scope}
        group by projects.region_id)
      select a.id, a.code, a.name, a.name_en, a.path = '' as own,
        coalesce(sum(p.projects), 0) as projects, coalesce(sum(p.total), 0) as total,
        coalesce(sum(p.planned), 0) as planned, coalesce(sum(p.invested), 0) as invested,
        coalesce(sum(p.red), 0) as red, coalesce(sum(p.yellow), 0) as yellow, coalesce(sum(p.blue), 0) as blue
      from areas a
      left join regions r on (a.path <> '' and r.path like a.path || '%') or (a.path = '' and r.id = a.id)
      left join per_region p on p.region_id = r.id
      group by a.id, a.code, a.name, a.name_en, a.path
      order by a.path = '' desc, a.code`),
  );
  return {
    region: { id: region.id, code: region.code, name: region.name, nameEn: region.nameEn },
    year,
    areas: rows.map((r) => {
      const planned = n(r.planned);
      const invested = n(r.invested);
      return {
        id: String(r.id),
        code: String(r.code),
        name: String(r.name),
        nameEn: r.name_en ? String(r.name_en) : null,
        own: Boolean(r.own),
        projects: n(r.projects),
        totalInvestment: n(r.total),
        planned,
        invested,
        completion: planned > 0 ? Math.round((invested / planned) * 1000) / 10 : null,
        warnings: { red: n(r.red), yellow: n(r.yellow), blue: n(r.blue) },
      };
    }),
  };
}
