/**
 * The province around the demo city: more cities under the province, counties under them, a
 * supervision office and a government in each new region, departments spread over every city
 * and county, and people in every unit (one password hash shared, the demo password).
 */
import { hashPassword } from "../../server/auth/password.js";
import { DEMO_PASSWORD } from "../demo-jurisdiction.js";
import { countOf, draw, type Fill, idOf, pickFrom, run } from "./fill.js";

const DEPARTMENTS = [
  "发展和改革局",
  "经济和信息化局",
  "商务局",
  "交通运输局",
  "住房和城乡建设局",
  "统计局",
  "财政局",
  "自然资源和规划局",
  "生态环境局",
  "应急管理局",
  "科学技术局",
  "农业农村局",
  "水利局",
  "教育局",
  "卫生健康委员会",
  "民政局",
  "人力资源和社会保障局",
  "文化广电旅游局",
  "市场监督管理局",
  "综合行政执法局",
];
const DEPARTMENTS_EN = [
  "Development and Reform Bureau",
  "Economy and Information Bureau",
  "Commerce Bureau",
  "Transportation Bureau",
  "Construction Bureau",
  "Statistics Bureau",
  "Finance Bureau",
  "Natural Resources Bureau",
  "Ecology and Environment Bureau",
  "Emergency Management Bureau",
  "Science and Technology Bureau",
  "Agriculture Bureau",
  "Water Resources Bureau",
  "Education Bureau",
  "Health Commission",
  "Civil Affairs Bureau",
  "Human Resources Bureau",
  "Culture and Tourism Bureau",
  "Market Regulation Bureau",
  "Law Enforcement Bureau",
];
const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "高",
  "林",
  "罗",
];

/** Regions whose code the generator gave (cities 39xxxx, counties 38xxxx). */
export const GENERATED_REGION = "r.code ~ '^3[89][0-9]{4}$'";

export async function fillJurisdiction(f: Fill): Promise<{ regions: number; units: number; users: number }> {
  const s = f.sizes;
  const province = "(select id, path from regions where code = '330000')";
  let regions = await run(
    f,
    `insert into regions (id, code, name, name_en, level, parent_id, path)
    select r.id, '39' || lpad(g::text, 4, '0'), '第' || g || '市', 'City ' || g, 'city'::region_level, p.id, p.path || r.id || '/'
    from generate_series(1, ${s.cities - 1}) g cross join ${province} p
    cross join lateral (select ${idOf(f, "city", "g")} as id) r order by g`,
  );
  // New counties go to the new cities in turn (to Jiaxing while it is the only city).
  regions += await run(
    f,
    `with cities as (
      select row_number() over (order by code) as n, id, path from regions
      where level = 'city' and (code like '39%' or ${s.cities} = 1))
    insert into regions (id, code, name, name_en, level, parent_id, path)
    select r.id, '38' || lpad(g::text, 4, '0'), '第' || g || '县', 'County ' || g, 'county'::region_level, c.id, c.path || r.id || '/'
    from generate_series(1, ${s.counties - 7}) g
    join cities c on c.n = 1 + (g - 1) % (select count(*) from cities)
    cross join lateral (select ${idOf(f, "county", "g")} as id) r order by g`,
  );
  let units = await run(
    f,
    `insert into units (id, code, name, name_en, short_name, kind, region_id)
    select ${idOf(f, "unit", "'ZJ-DCS'")}, 'ZJ-DCS', '浙江省委省政府督查室', 'Zhejiang Supervision Office', '省督查室', 'department'::unit_kind, id from regions where code = '330000'
    union all
    select ${idOf(f, "unit", "'ZJ-ZF'")}, 'ZJ-ZF', '浙江省人民政府', 'Zhejiang Provincial Government', '省政府', 'government'::unit_kind, id from regions where code = '330000'`,
  );
  units += await run(
    f,
    `insert into units (id, code, name, name_en, short_name, kind, region_id)
    select ${idOf(f, "unit", "'DCS-' || r.code")}, 'DCS-' || r.code, r.name || '督查室', r.name_en || ' Supervision Office', '督查室', 'department'::unit_kind, r.id
    from regions r where ${GENERATED_REGION}
    union all
    select ${idOf(f, "unit", "'ZF-' || r.code")}, 'ZF-' || r.code, r.name || '人民政府', r.name_en || ' Government', '政府', 'government'::unit_kind, r.id
    from regions r where ${GENERATED_REGION}`,
  );
  // Departments go round the cities and counties, twenty kinds of bureau in each before any repeats.
  const departments = Math.max(0, s.units - (units - 2));
  units += await run(
    f,
    `with places as (select row_number() over (order by code) as n, id, name, name_en from regions where level in ('city', 'county'))
    insert into units (id, code, name, name_en, short_name, kind, region_id)
    select ${idOf(f, "unit", "'B-' || g")}, 'B-' || lpad(g::text, 5, '0'),
      p.name || ${pickFrom(DEPARTMENTS, "(g - 1) / w.places")} || case when (g - 1) / w.places >= ${DEPARTMENTS.length} then '（' || ((g - 1) / w.places / ${DEPARTMENTS.length} + 1) || '）' else '' end,
      coalesce(p.name_en, p.name) || ' ' || ${pickFrom(DEPARTMENTS_EN, "(g - 1) / w.places")},
      ${pickFrom(DEPARTMENTS, "(g - 1) / w.places")}, 'department', p.id
    from generate_series(1, ${departments}) g
    cross join (select count(*) as places from places) w
    join places p on p.n = 1 + (g - 1) % w.places order by g`,
  );
  const hash = (await hashPassword(DEMO_PASSWORD)).replaceAll("'", "''");
  let users = await run(
    f,
    `insert into users (id, username, display_name, unit_id, roles, title, password_hash)
    select ${idOf(f, "user", "'province-coordinator'")}, 'province-coordinator', '省督查员', id, '{coordinator}'::user_role[], '省督查室主任', '${hash}' from units where code = 'ZJ-DCS'
    union all
    select ${idOf(f, "user", "'province-leader'")}, 'province-leader', '省领导', id, '{leader}'::user_role[], '副省长', '${hash}' from units where code = 'ZJ-ZF'
    union all
    select ${idOf(f, "user", "'c' || r.code")}, 'c' || r.code, r.name || '督查员', u.id, '{coordinator}'::user_role[], '督查室主任', '${hash}'
    from regions r join units u on u.code = 'DCS-' || r.code where ${GENERATED_REGION}
    union all
    select ${idOf(f, "user", "'l' || r.code")}, 'l' || r.code, r.name || '领导', u.id, '{leader}'::user_role[], '分管领导', '${hash}'
    from regions r join units u on u.code = 'ZF-' || r.code where ${GENERATED_REGION}`,
  );
  // Everyone else works in a department: mostly reporters, some viewers, a few leaders.
  users += await run(
    f,
    `with depts as (select row_number() over (order by code) as n, id from units where code like 'B-%')
    insert into users (id, username, display_name, unit_id, roles, title, password_hash)
    select ${idOf(f, "user", "'u' || g")}, 'u' || lpad(g::text, 6, '0'),
      ${pickFrom(SURNAMES, draw(f, "g", 11))} || ${pickFrom(["伟", "芳", "敏", "静", "强", "磊", "洋", "艳", "杰", "军"], draw(f, "g", 12))} || g,
      d.id, case when g % 10 < 7 then '{reporter}' when g % 10 < 9 then '{viewer}' else '{leader}' end::user_role[],
      case when g % 10 < 7 then '联络员' when g % 10 < 9 then '科员' else '分管领导' end, '${hash}'
    from generate_series(1, greatest(0, ${s.users} - ${users})) g
    join depts d on d.n = 1 + (g - 1) % (select count(*) from depts) order by g`,
  );
  return { regions, units, users };
}

/**
 * Offices (units with a coordinator) and, for each, the units it assigns work to: the other
 * units of its region and the regions below. Temporary tables for the later steps.
 */
export async function prepareOffices(f: Fill): Promise<number> {
  await run(f, "drop table if exists scale_offices");
  await run(f, "drop table if exists scale_pool");
  await run(
    f,
    `create unlogged table scale_offices as
    select row_number() over (order by u.code, u.id) as n, u.id, u.region_id, r.path, r.level,
      (select count(*) from units x join regions xr on xr.id = x.region_id where xr.path like r.path || '%' and x.id <> u.id and x.active) as pool_size
    from units u join regions r on r.id = u.region_id
    where u.active and exists (select 1 from users s where s.unit_id = u.id and 'coordinator' = any(s.roles))`,
  );
  await run(
    f,
    `create unlogged table scale_pool as
    select o.n as office_n, row_number() over (partition by o.n order by x.code, x.id) as k, x.id
    from scale_offices o join regions xr on xr.path like o.path || '%' join units x on x.region_id = xr.id and x.id <> o.id and x.active`,
  );
  await run(f, "create index on scale_pool (office_n, k)");
  return countOf(f, "select count(*) as n from scale_offices where pool_size > 0");
}
