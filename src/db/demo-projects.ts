import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import {
  DEFAULT_NODE_TEMPLATES,
  FUND_TYPES,
  type NodeKind,
  PROJECT_CATEGORIES,
  type ProjectCategory,
  type ProjectLevel,
  type ProjectStage,
} from "../domain/projects.js";
import { roughOutline } from "../domain/region-map.js";
import { addDays } from "../domain/reporting-periods.js";
import { todayIso } from "../server/clock.js";
import { refreshProjectWarnings } from "../server/commands/refresh-project-warnings.js";
import { storeFile } from "../server/files.js";
import type { Queryable } from "./connection.js";
import { sitePhoto } from "./demo-images.js";
import { random } from "./demo-random.js";
import {
  attachments,
  projectMedia,
  projectNodes,
  projectReports,
  projects,
  projectYearPlans,
  regionMaps,
  regions,
  units,
} from "./schema.js";

const WORKS: Record<ProjectCategory, { names: string[]; industry: string }> = {
  industrial: {
    industry: "制造业",
    names: [
      "年产 20 万吨高性能新材料项目",
      "智能制造产业园",
      "新能源汽车零部件生产基地",
      "集成电路封装测试项目",
      "光伏组件扩产项目",
      "高端装备制造基地",
    ],
  },
  infrastructure: {
    industry: "交通运输",
    names: ["城市快速路工程", "港区多用途码头", "高铁站综合枢纽", "跨河大桥工程", "城际铁路配套工程", "公路改扩建工程"],
  },
  social: {
    industry: "卫生和社会工作",
    names: ["人民医院新院区", "职业技术学院新校区", "保障性租赁住房", "养老服务中心", "文化艺术中心", "全民健身中心"],
  },
  agriculture: { industry: "农业", names: ["高标准农田建设", "现代农业产业园", "数字农业示范基地", "粮食仓储物流中心"] },
  ecology: { industry: "水利、环境", names: ["水系综合治理工程", "污水处理厂提标改造", "生活垃圾焚烧发电", "湿地生态修复工程"] },
  other: { industry: "信息技术", names: ["城市数据中心", "智慧城市运营中心", "科创孵化园"] },
};

const LEAD_CODES = [
  "JX-FGW",
  "JX-JTJ",
  "JX-JSJ",
  "JX-JKQ",
  "JX-GQ",
  "NH-ZF",
  "XZ-ZF",
  "JS-ZF",
  "HY-ZF",
  "HN-ZF",
  "PH-ZF",
  "TX-ZF",
];

const month = (iso: string, back: number) => {
  const d = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 7);
};

/**
 * A few hundred major projects over the demo regions, with node schedules, year plans and three
 * years of monthly figures (some behind pace, some silent, some late at a node), then their
 * warnings as the app computes them. Figures are demo data ("演示" in the owner's name).
 */
export async function generateDemoProjects(tx: Queryable, count = 300, seed = 20261123): Promise<number> {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const today = todayIso();
  const leads = await tx
    .select({ id: units.id, code: units.code, regionId: units.regionId })
    .from(units)
    .where(inArray(units.code, LEAD_CODES));
  const [office] = await tx.select({ id: units.id }).from(units).where(eq(units.code, "JX-DCS"));
  const regionCode = new Map((await tx.select({ id: regions.id, code: regions.code }).from(regions)).map((r) => [r.id, r.code]));
  const regionOf = new Map((await tx.select({ id: regions.id, name: regions.name }).from(regions)).map((r) => [r.id, r.name]));
  const rows: (typeof projects.$inferInsert)[] = [];
  const nodes: (typeof projectNodes.$inferInsert)[] = [];
  const plans: (typeof projectYearPlans.$inferInsert)[] = [];
  const reports: (typeof projectReports.$inferInsert)[] = [];
  const year = Number(today.slice(0, 4));
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const lead = pick(leads);
    const category: ProjectCategory = pick(PROJECT_CATEGORIES);
    const level: ProjectLevel = rnd() < 0.15 ? "province" : rnd() < 0.55 ? "city" : "county";
    const total = Math.round((5_000 + rnd() * 295_000) / 100) * 100;
    // Where it stands: a start 6 to 40 months ago for most; some still preparing.
    const startedMonthsAgo = Math.floor(rnd() * 40) - 6;
    const startOn = addDays(today, -startedMonthsAgo * 30);
    const span = 18 + Math.floor(rnd() * 24);
    const completionOn = addDays(startOn, span * 30);
    const stage: ProjectStage =
      startedMonthsAgo < 0
        ? rnd() < 0.5
          ? "reserve"
          : "preparatory"
        : completionOn < today
          ? rnd() < 0.6
            ? "completed"
            : "in_operation"
          : startedMonthsAgo < 3
            ? "started"
            : "under_construction";
    // A fifth fall behind, most of them a little.
    const pace = rnd() < 0.2 ? (rnd() < 0.25 ? 0.5 + rnd() * 0.15 : 0.72 + rnd() * 0.15) : 0.95 + rnd() * 0.15;
    const silent = rnd() < 0.08; // some stop reporting
    const regionName = regionOf.get(lead.regionId) ?? "";
    rows.push({
      id,
      code: `JX${year - 2}${String(i + 1).padStart(4, "0")}`,
      name: `${regionName.replace(/市$|县$|区$/, "")}${pick(WORKS[category].names)}`,
      regionId: lead.regionId,
      leadUnitId: lead.id,
      officeUnitId: office?.id ?? null,
      // Near the centre of its county (the city's own projects around Nanhu), for the map.
      ...(() => {
        const [lng, lat] = JIAXING_PARTS[regionCode.get(lead.regionId) ?? ""] ?? JIAXING_PARTS["330402"];
        return {
          longitude: Math.round((lng + (rnd() - 0.5) * 0.12) * 1e4) / 1e4,
          latitude: Math.round((lat + (rnd() - 0.5) * 0.09) * 1e4) / 1e4,
        };
      })(),
      ownerName: `${regionName}${pick(["城市投资集团", "交通投资集团", "产业发展公司", "建设发展公司"])}（演示）`,
      responsibleLeader: pick(["王副市长", "李副市长", "张副县长", "陈副区长"]),
      industry: WORKS[category].industry,
      category,
      fundType: rnd() < 0.3 ? pick(FUND_TYPES) : null,
      level,
      stage,
      totalInvestment: total,
      createdAt: `${month(today, 40)}-01T00:00:00Z`,
    });
    const template = DEFAULT_NODE_TEMPLATES[category];
    const offsets: Record<NodeKind, number> = {
      land: -120,
      approval: -60,
      start: 0,
      main_structure: Math.floor(span * 0.6) * 30,
      completion: span * 30,
      operation: span * 30 + 90,
    };
    // Some projects in preparation have let their planned start pass.
    const startSlipped = stage === "preparatory" && rnd() < 0.5;
    for (const kind of template) {
      const plannedOn =
        kind === "start" && startSlipped ? addDays(today, -20 - Math.floor(rnd() * 100)) : addDays(startOn, offsets[kind]);
      // Nodes before today are reached, a little late or early; a few main structures run late.
      const late = kind === "main_structure" && rnd() < 0.25;
      const reachedOn =
        plannedOn < today && !late && stage !== "reserve" && !(kind === "start" && stage === "preparatory")
          ? addDays(plannedOn, Math.floor(rnd() * 40) - 15)
          : null;
      nodes.push({ projectId: id, kind, plannedOn, reachedOn: reachedOn && reachedOn < today ? reachedOn : null });
    }
    if (stage === "reserve" || stage === "preparatory") continue;
    const monthly = total / span;
    // Each year's plan covers the months the works run in that year.
    for (let y = year - 2; y <= year; y++) {
      const from = [startOn, `${y}-01-01`].sort()[1];
      const to = [completionOn, `${y}-12-31`].sort()[0];
      const months = from > to ? 0 : Math.round((Date.parse(to) - Date.parse(from)) / (30.4 * 86_400_000));
      if (months > 0) plans.push({ projectId: id, year: y, amount: Math.round(monthly * months) });
    }
    for (let back = Math.min(startedMonthsAgo, 36); back >= 1; back--) {
      const period = month(today, back);
      if (silent && back < 4) continue;
      if (`${period}-28` > completionOn && stage !== "under_construction") continue;
      const amount = Math.round(monthly * pace * (0.6 + rnd() * 0.8));
      reports.push({
        projectId: id,
        period,
        amount,
        narrative: pick(["主体结构施工中", "桩基工程完成", "设备安装调试", "室外配套施工", "钢结构吊装", "土方开挖"]),
        submittedByName: "演示填报员",
        submittedAt: `${period}-26T09:00:00Z`,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200) await tx.insert(projects).values(rows.slice(i, i + 200));
  for (let i = 0; i < nodes.length; i += 500) await tx.insert(projectNodes).values(nodes.slice(i, i + 500));
  for (let i = 0; i < plans.length; i += 500) await tx.insert(projectYearPlans).values(plans.slice(i, i + 500));
  for (let i = 0; i < reports.length; i += 500) await tx.insert(projectReports).values(reports.slice(i, i + 500));
  // Totals and the last report as the reports say, then the warnings as the app computes them.
  await tx.execute(sqlTotals);
  await tx.execute(sql`insert into project_year_plans (project_id, year, amount, invested)
    select project_id, substr(period, 1, 4)::int, null, sum(amount) from project_reports group by 1, 2
    on conflict (project_id, year) do update set invested = excluded.invested`);
  await refreshProjectWarnings(
    tx,
    rows.map((r) => r.id as string),
    today,
  );
  return rows.length;
}

const sqlTotals = sql`update projects p set invested = r.total, last_report_period = r.last,
    last_report_on = (r.last || '-26')::date
  from (select project_id, sum(amount) as total, max(period) as last from project_reports group by project_id) r
  where r.project_id = p.id`;

/** Rough centres of Jiaxing's counties, for the outline the demo draws itself (no real boundaries ship with it). */
const JIAXING_PARTS: Record<string, [number, number]> = {
  "330402": [120.8, 30.74],
  "330411": [120.66, 30.82],
  "330421": [120.92, 30.87],
  "330424": [120.93, 30.53],
  "330481": [120.62, 30.48],
  "330482": [121.07, 30.7],
  "330483": [120.47, 30.66],
};

/** The demo's map of Jiaxing: a rough outline generated from the counties' centres, marked as generated. */
export async function generateDemoMap(tx: Queryable): Promise<void> {
  const [city] = await tx.select().from(regions).where(eq(regions.code, "330400"));
  if (!city) return;
  const parts = await tx.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.parentId, city.id));
  const places = parts
    .filter((p) => JIAXING_PARTS[p.code])
    .map((p) => ({ code: p.code, name: p.name, centre: JIAXING_PARTS[p.code] }));
  await tx
    .insert(regionMaps)
    .values({ regionId: city.id, geojson: roughOutline(places, [120.3, 30.35, 121.25, 31.0]), generated: true });
}

/** Site photos on the latest report of some projects under construction, stored as uploads are. */
export async function generateDemoProjectMedia(
  tx: Queryable,
  filesDir: string,
  photos = 8,
  projectsWithPhotos = 40,
): Promise<void> {
  const stored: { id: string }[] = [];
  for (let i = 0; i < photos; i++) {
    const content = sitePhoto(i + 1);
    const sha256 = await storeFile(filesDir, content);
    const [row] = await tx
      .insert(attachments)
      .values({ sha256, name: `现场照片-${i + 1}.png`, mime: "image/png", size: content.length })
      .returning({ id: attachments.id });
    stored.push(row);
  }
  const latest = (await tx.execute(sql`select distinct on (r.project_id) r.id from project_reports r
      join projects p on p.id = r.project_id where p.stage = 'under_construction'
      order by r.project_id, r.period desc limit ${projectsWithPhotos}`)) as unknown as { rows: { id: string }[] };
  const links = latest.rows.flatMap((r, i) => [
    { reportId: r.id, attachmentId: stored[i % stored.length].id, kind: "photo" as const },
    { reportId: r.id, attachmentId: stored[(i + 3) % stored.length].id, kind: "photo" as const },
  ]);
  if (links.length) await tx.insert(projectMedia).values(links);
}
