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
        union all select id, code, name, name_en, '' from regions where id = ${region.id})
      select a.id, a.code, a.name, a.name_en, a.path = '' as own,
        count(projects.id) as projects, coalesce(sum(projects.total_investment), 0) as total,
        coalesce(sum(y.amount), 0) as planned, coalesce(sum(y.invested), 0) as invested,
        count(projects.id) filter (where projects.warning_level = 'red') as red,
        count(projects.id) filter (where projects.warning_level = 'yellow') as yellow,
        count(projects.id) filter (where projects.warning_level = 'blue') as blue
      from areas a
      left join regions r on (a.path <> '' and r.path like a.path || '%') or (a.path = '' and r.id = a.id)
      left join projects on projects.region_id = r.id and ${scope}
      left join project_year_plans y on y.project_id = projects.id and y.year = ${year}
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
