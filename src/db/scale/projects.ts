/**
 * Major projects in every county, led by a unit there and kept by the city's office, with node
 * schedules, year plans and up to three years of monthly investment; the warnings they raise are
 * computed by the application's own daily pass.
 */
import { FUND_TYPES, PROJECT_CATEGORIES } from "../../domain/projects.js";
import { refreshAllProjectWarnings } from "../../server/commands/refresh-project-warnings.js";
import { draw, type Fill, idOf, pickFrom, run } from "./fill.js";

export async function fillProjects(f: Fill): Promise<{ projects: number; reports: number; warnings: number }> {
  const s = f.sizes;
  const year = Number(f.today.slice(0, 4));
  await run(f, "drop table if exists scale_places");
  // Counties with units of their own, each with the office of its city (or the province's office).
  await run(
    f,
    `create unlogged table scale_places as
    select row_number() over (order by r.code) as n, r.id, r.path,
      (select count(*) from units x where x.region_id = r.id and x.active) as units,
      coalesce(
        (select o.id from scale_offices o join regions c on c.id = o.region_id where c.level = 'city' and r.path like c.path || '%' order by o.n limit 1),
        (select o.id from scale_offices o order by o.level, o.n limit 1)) as office_id
    from regions r where r.level = 'county' and exists (select 1 from units x where x.region_id = r.id and x.active)`,
  );
  await run(f, "drop table if exists scale_place_units");
  await run(
    f,
    `create unlogged table scale_place_units as
    select p.n as place_n, row_number() over (partition by p.n order by x.code, x.id) as k, x.id
    from scale_places p join units x on x.region_id = p.id and x.active`,
  );
  const projects = await run(
    f,
    `insert into projects (id, code, name, region_id, lead_unit_id, office_unit_id, owner_name, industry, category, fund_type, level, stage,
      total_investment, longitude, latitude, created_at)
    select ${idOf(f, "project", "g")}, 'S' || lpad(g::text, 6, '0'),
      ${pickFrom(["智能制造产业园", "综合交通枢纽", "污水处理提标改造", "高标准农田建设", "人民医院迁建", "新能源汽车零部件", "城市更新片区", "湿地生态修复", "物流园区", "数字产业园"], draw(f, "g", 41))} || '项目（' || g || '）',
      p.id, u.id, p.office_id, '建设单位' || g, '制造业',
      ${pickFrom(PROJECT_CATEGORIES, draw(f, "g", 42), "::project_category")},
      case when g % 5 = 0 then ${pickFrom(FUND_TYPES, draw(f, "g", 43), "::fund_type")} end,
      ${pickFrom(["province", "city", "city", "county", "county"], draw(f, "g", 44), "::project_level")},
      ${pickFrom(["preparatory", "started", "under_construction", "under_construction", "under_construction", "under_construction", "completed"], draw(f, "g", 45), "::project_stage")},
      10000 + ${draw(f, "g", 46)} % 290000, 120.0 + (${draw(f, "g", 47)} % 1800) / 1000.0, 29.0 + (${draw(f, "g", 48)} % 1600) / 1000.0,
      now() - interval '40 months'
    from generate_series(1, ${s.projects}) g
    join scale_places p on p.n = 1 + (g - 1) % (select count(*) from scale_places)
    join scale_place_units u on u.place_n = p.n and u.k = 1 + ${draw(f, "g", 49)} % p.units
    order by g`,
  );
  const generated = "p.code ~ '^S[0-9]{6}$'";
  await run(
    f,
    `insert into project_nodes (project_id, kind, planned_on, reached_on)
    select p.id, k.kind::node_kind, date '${f.today}' + k.offs + (${draw(f, "substr(p.code, 2)::int", 50)} % 400)::int - 300,
      case when k.offs < 0 and p.stage <> 'preparatory' then date '${f.today}' + k.offs - 300 end
    from projects p cross join (values ('approval', -400), ('start', -300), ('main_structure', 60), ('completion', 400)) k(kind, offs)
    where ${generated}`,
  );
  // Every twentieth project stopped reporting: the "no report" warning has something to find.
  const reports = await run(
    f,
    `insert into project_reports (id, project_id, period, amount, narrative, submitted_by_name, submitted_at)
    select ${idOf(f, "project-report", "substr(p.code, 2)::int * 100 + m")}, p.id,
      to_char(date_trunc('month', date '${f.today}') - (m || ' months')::interval, 'YYYY-MM'),
      round((p.total_investment / 48.0) * (0.5 + (${draw(f, "substr(p.code, 2)::int * 100 + m", 51)} % 100) / 100.0)),
      ${pickFrom(["主体施工中", "完成桩基工程", "钢结构吊装", "设备安装调试", "室外配套施工"], "m")}, '联络员',
      date_trunc('month', date '${f.today}') - (m || ' months')::interval + interval '25 days'
    from projects p cross join generate_series(1, ${s.projectMonths}) m
    where ${generated} and p.stage <> 'preparatory' and ${draw(f, "substr(p.code, 2)::int", 52)} % 20 <> 0
      and m > ${draw(f, "substr(p.code, 2)::int", 53)} % 3`,
  );
  // Fresh tables have no statistics yet; without them the planner loops where it should hash.
  await run(f, "analyze projects");
  await run(f, "analyze project_reports");
  await run(
    f,
    `insert into project_year_plans (project_id, year, amount, invested)
    select p.id, y, round(p.total_investment / 4.0),
      coalesce((select sum(amount) from project_reports r where r.project_id = p.id and r.period like y || '-%'), 0)
    from projects p cross join generate_series(${year - 2}, ${year}) y where ${generated}`,
  );
  await run(
    f,
    `update projects p set invested = r.total, last_report_period = r.last, last_report_on = (r.last || '-26')::date
    from (select project_id, sum(amount) as total, max(period) as last from project_reports group by project_id) r
    where r.project_id = p.id and ${generated}`,
  );
  const warnings = await refreshAllProjectWarnings(f.db, f.today);
  return { projects, reports, warnings: warnings.raised };
}
