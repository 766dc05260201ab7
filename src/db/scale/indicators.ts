/**
 * The statistics: the catalogue grown to its full size and ten years of monthly year-to-date
 * values for every region that has none yet (the province, its cities and counties), with this
 * year's growth targets. Each series grows about 6% a year with a small wobble.
 */
import { monthBefore } from "../../domain/indicators.js";
import { draw, type Fill, pickFrom, run } from "./fill.js";

export async function fillIndicators(f: Fill): Promise<{ indicators: number; values: number }> {
  const s = f.sizes;
  const latest = monthBefore(f.today);
  const indicators = await run(
    f,
    `insert into indicators (code, name_zh, name_en, measure_unit, measure_unit_en, "group", period_kind, sort_order, headline)
    select 'S' || lpad(g::text, 3, '0'), ${pickFrom(["工业增加值", "固定资产投资", "社会消费品零售总额", "出口总额", "财政收入", "用电量", "新增贷款", "规上工业营业收入"], "g")} || '（' || g || '）',
      'Indicator ' || g, '亿元', '100 million yuan', 'other', case when g % 5 = 0 then 'quarterly' else 'monthly' end::period_kind, 1000 + g, false
    from generate_series(1, greatest(0, ${s.indicators} - (select count(*) from indicators))) g order by g`,
  );
  await run(f, "drop table if exists scale_series");
  await run(
    f,
    `create unlogged table scale_series as
    select i.id as indicator_id, i.code as icode, i.period_kind, r.id as region_id, r.code as rcode
    from indicators i cross join regions r
    where r.level in ('province', 'city', 'county')
      and not exists (select 1 from indicator_values v where v.indicator_id = i.id and v.region_id = r.id)`,
  );
  const values = await run(
    f,
    `insert into indicator_values (indicator_id, region_id, period, value, source, updated_by_name)
    select x.indicator_id, x.region_id, to_char(m.month, 'YYYY-MM'),
      round(((10 + ${draw(f, "hashtext(x.icode || x.rcode)", 61)} % 90) * extract(month from m.month) * power(1.06, extract(year from m.month) - 2000) / 10
        * (0.97 + (${draw(f, "hashtext(x.icode || x.rcode || m.month::text)", 62)} % 60) / 1000.0))::numeric, 2),
      'import', '统计局'
    from scale_series x
    cross join (select (date '${latest}-01' - (k || ' months')::interval)::date as month from generate_series(0, ${s.indicatorMonths} - 1) k) m
    where x.period_kind = 'monthly' or extract(month from m.month)::int % 3 = 0`,
  );
  await run(
    f,
    `insert into indicator_targets (indicator_id, region_id, year, kind, amount)
    select x.indicator_id, x.region_id, ${Number(latest.slice(0, 4))}, 'growth', 5 + ${draw(f, "hashtext(x.icode || x.rcode)", 63)} % 4
    from scale_series x
    on conflict do nothing`,
  );
  return { indicators, values };
}
