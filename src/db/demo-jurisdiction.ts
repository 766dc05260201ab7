/**
 * The demo jurisdiction of DESIGN.md: Jiaxing with its districts, counties and county-level
 * cities, the two zones, and the municipal units the seed reports name. Codes follow the
 * national administrative division codes; township codes and unit codes are demo data.
 */
import type { RegionLevel, Role, UnitKind } from "../domain/people.js";

export interface DemoRegion {
  code: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parent?: string;
}

export const DEMO_REGIONS: DemoRegion[] = [
  { code: "330000", name: "浙江省", nameEn: "Zhejiang Province", level: "province" },
  { code: "330400", name: "嘉兴市", nameEn: "Jiaxing", level: "city", parent: "330000" },
  { code: "330402", name: "南湖区", nameEn: "Nanhu District", level: "county", parent: "330400" },
  { code: "330411", name: "秀洲区", nameEn: "Xiuzhou District", level: "county", parent: "330400" },
  { code: "330421", name: "嘉善县", nameEn: "Jiashan County", level: "county", parent: "330400" },
  { code: "330424", name: "海盐县", nameEn: "Haiyan County", level: "county", parent: "330400" },
  { code: "330481", name: "海宁市", nameEn: "Haining", level: "county", parent: "330400" },
  { code: "330482", name: "平湖市", nameEn: "Pinghu", level: "county", parent: "330400" },
  { code: "330483", name: "桐乡市", nameEn: "Tongxiang", level: "county", parent: "330400" },
  { code: "330483001", name: "梧桐街道", nameEn: "Wutong Subdistrict", level: "township", parent: "330483" },
  { code: "330483002", name: "凤鸣街道", nameEn: "Fengming Subdistrict", level: "township", parent: "330483" },
  { code: "330483101", name: "乌镇镇", nameEn: "Wuzhen Town", level: "township", parent: "330483" },
  { code: "330483102", name: "濮院镇", nameEn: "Puyuan Town", level: "township", parent: "330483" },
  { code: "330421001", name: "罗星街道", nameEn: "Luoxing Subdistrict", level: "township", parent: "330421" },
  { code: "330421101", name: "西塘镇", nameEn: "Xitang Town", level: "township", parent: "330421" },
  { code: "330424101", name: "武原街道", nameEn: "Wuyuan Subdistrict", level: "township", parent: "330424" },
  { code: "330402001", name: "建设街道", nameEn: "Jianshe Subdistrict", level: "township", parent: "330402" },
];

export interface DemoUnit {
  code: string;
  name: string;
  nameEn: string;
  shortName?: string;
  keywords?: string[];
  kind: UnitKind;
  region: string;
  parent?: string;
}

const municipal: [string, string, string, string][] = [
  ["JX-FGW", "嘉兴市发展和改革委员会", "Jiaxing Development and Reform Commission", "市发改委"],
  ["JX-JXJ", "嘉兴市经济和信息化局", "Jiaxing Economic and Information Bureau", "市经信局"],
  ["JX-SWJ", "嘉兴市商务局", "Jiaxing Commerce Bureau", "市商务局"],
  ["JX-JTJ", "嘉兴市交通运输局", "Jiaxing Transportation Bureau", "市交通运输局"],
  ["JX-JSJ", "嘉兴市住房和城乡建设局", "Jiaxing Construction Bureau", "市建设局"],
  ["JX-TJJ", "嘉兴市统计局", "Jiaxing Statistics Bureau", "市统计局"],
  ["JX-CZJ", "嘉兴市财政局", "Jiaxing Finance Bureau", "市财政局"],
  ["JX-ZRZY", "嘉兴市自然资源和规划局", "Jiaxing Natural Resources and Planning Bureau", "市自然资源和规划局"],
  ["JX-STHJ", "嘉兴市生态环境局", "Jiaxing Ecology and Environment Bureau", "市生态环境局"],
  ["JX-YJGL", "嘉兴市应急管理局", "Jiaxing Emergency Management Bureau", "市应急管理局"],
  ["JX-KJJ", "嘉兴市科学技术局", "Jiaxing Science and Technology Bureau", "市科技局"],
];

/** What each department handles, in the words of directives in both languages: lead-unit suggestions start here. */
const KEYWORDS: Record<string, string[]> = {
  "JX-FGW": ["项目", "重大项目", "投资", "有效投资", "发展改革", "project", "investment", "major projects"],
  "JX-JXJ": ["工业", "制造业", "数字经济", "企业", "industry", "industrial", "manufacturing", "digital economy", "enterprise"],
  "JX-SWJ": ["外贸", "消费", "招商", "开放", "foreign trade", "export", "consumption", "consumer", "investment promotion"],
  "JX-JTJ": ["交通", "公路", "港口", "物流", "transport", "traffic", "logistics", "port"],
  "JX-JSJ": ["城市建设", "住房", "城乡", "城市更新", "housing", "urban renewal", "construction", "city quality"],
  "JX-TJJ": ["统计", "指标", "数据", "statistics", "indicator"],
  "JX-CZJ": ["财政", "资金", "预算", "专项债", "fiscal", "budget", "funds", "bonds"],
  "JX-ZRZY": ["用地", "土地", "规划", "land", "planning", "land use"],
  "JX-STHJ": ["生态", "环境", "污染", "治水", "ecology", "environment", "pollution", "emission"],
  "JX-YJGL": ["安全生产", "应急", "防汛", "safety", "emergency", "flood"],
  "JX-KJJ": ["科技", "创新", "人才", "科创", "technology", "innovation", "talent", "science"],
};

const counties: [string, string, string, string][] = [
  ["330402", "NH", "南湖区人民政府", "Nanhu District Government"],
  ["330411", "XZ", "秀洲区人民政府", "Xiuzhou District Government"],
  ["330421", "JS", "嘉善县人民政府", "Jiashan County Government"],
  ["330424", "HY", "海盐县人民政府", "Haiyan County Government"],
  ["330481", "HN", "海宁市人民政府", "Haining Municipal Government"],
  ["330482", "PH", "平湖市人民政府", "Pinghu Municipal Government"],
  ["330483", "TX", "桐乡市人民政府", "Tongxiang Municipal Government"],
];

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: "JX-SW",
    name: "中共嘉兴市委",
    nameEn: "CPC Jiaxing Municipal Party Committee",
    shortName: "市委",
    kind: "committee",
    region: "330400",
  },
  {
    code: "JX-SWBGS",
    name: "中共嘉兴市委办公室",
    nameEn: "General Office of the Municipal Party Committee",
    shortName: "市委办",
    kind: "department",
    region: "330400",
    parent: "JX-SW",
  },
  {
    code: "JX-DCS",
    name: "嘉兴市委市政府督查室",
    nameEn: "Jiaxing Supervision Office",
    shortName: "督查室",
    kind: "department",
    region: "330400",
    parent: "JX-SWBGS",
  },
  {
    code: "JX-ZFW",
    name: "中共嘉兴市委政法委员会",
    nameEn: "Jiaxing Political and Legal Committee",
    shortName: "市委政法委",
    kind: "department",
    region: "330400",
    parent: "JX-SW",
  },
  {
    code: "JX-ZF",
    name: "嘉兴市人民政府",
    nameEn: "Jiaxing Municipal Government",
    shortName: "市政府",
    kind: "government",
    region: "330400",
  },
  ...municipal.map(([code, name, nameEn, shortName]) => ({
    code,
    name,
    nameEn,
    shortName,
    keywords: KEYWORDS[code],
    kind: "department" as const,
    region: "330400",
    parent: "JX-ZF",
  })),
  {
    code: "JX-GSL",
    name: "嘉兴市工商业联合会",
    nameEn: "Jiaxing City Federation of Industry and Commerce",
    shortName: "市工商联",
    kind: "other",
    region: "330400",
  },
  {
    code: "JX-JKQ",
    name: "嘉兴经济技术开发区管理委员会",
    nameEn: "Jiaxing Economic Development Zone",
    shortName: "经开区",
    kind: "zone",
    region: "330400",
  },
  { code: "JX-GQ", name: "嘉兴港区管理委员会", nameEn: "Jiaxing Port Area", shortName: "港区", kind: "zone", region: "330400" },
  ...counties.map(([region, abbr, name, nameEn]) => ({ code: `${abbr}-ZF`, name, nameEn, kind: "government" as const, region })),
  {
    code: "TX-FGJ",
    name: "桐乡市发展和改革局",
    nameEn: "Tongxiang Development and Reform Bureau",
    shortName: "桐乡发改局",
    kind: "department",
    region: "330483",
    parent: "TX-ZF",
  },
  {
    code: "TX-JXJ",
    name: "桐乡市经济和信息化局",
    nameEn: "Tongxiang Economic and Information Bureau",
    shortName: "桐乡经信局",
    kind: "department",
    region: "330483",
    parent: "TX-ZF",
  },
  { code: "TX-WZ", name: "乌镇镇人民政府", nameEn: "Wuzhen Town Government", kind: "government", region: "330483101" },
];

export interface DemoUser {
  username: string;
  displayName: string;
  unit: string;
  roles: Role[];
  title: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: "admin", displayName: "系统管理员", unit: "JX-SWBGS", roles: ["admin"], title: "系统管理员" },
  { username: "coordinator", displayName: "陈督查", unit: "JX-DCS", roles: ["coordinator"], title: "督查室主任" },
  { username: "leader", displayName: "李市长", unit: "JX-ZF", roles: ["leader"], title: "副市长" },
  { username: "reporter", displayName: "王发改", unit: "JX-FGW", roles: ["reporter"], title: "综合处科员" },
  { username: "viewer", displayName: "赵统计", unit: "JX-TJJ", roles: ["viewer"], title: "综合处科员" },
  { username: "statistician", displayName: "钱统计", unit: "JX-TJJ", roles: ["reporter"], title: "综合处副处长" },
  { username: "tongxiang", displayName: "周桐乡", unit: "TX-ZF", roles: ["reporter"], title: "市府办科员" },
  { username: "tx-coordinator", displayName: "吴督查", unit: "TX-ZF", roles: ["coordinator"], title: "桐乡市督查科科长" },
];

/** The password every demo account shares (printed at start-up; demo data only). */
export const DEMO_PASSWORD = "Luoshi-demo-2026";
