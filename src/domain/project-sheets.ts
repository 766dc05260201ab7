/**
 * The spreadsheets offices keep of their major projects: the project library (项目库) and the
 * monthly investment sheet (月度投资). Columns are found by their header in either language;
 * kinds are written as words in either language. Pure.
 */
import type { Locale } from "./people.js";
import {
  FUND_TYPES,
  type FundType,
  PROJECT_CATEGORIES,
  PROJECT_LEVELS,
  PROJECT_STAGES,
  type ProjectCategory,
  type ProjectLevel,
  type ProjectStage,
} from "./projects.js";

export const LIBRARY_COLUMNS = [
  { key: "code", "zh-CN": "项目编码", en: "Code", width: 14 },
  { key: "name", "zh-CN": "项目名称", en: "Project", width: 36 },
  { key: "region", "zh-CN": "所在区划", en: "Region", width: 12 },
  { key: "leadUnit", "zh-CN": "责任单位", en: "Lead unit", width: 22 },
  { key: "owner", "zh-CN": "业主单位", en: "Owner", width: 24 },
  { key: "leader", "zh-CN": "联系领导", en: "Responsible leader", width: 12 },
  { key: "industry", "zh-CN": "行业", en: "Industry", width: 12 },
  { key: "category", "zh-CN": "项目类别", en: "Category", width: 12 },
  { key: "fundType", "zh-CN": "中央资金类型", en: "Central funding", width: 18 },
  { key: "level", "zh-CN": "项目级别", en: "Level", width: 10 },
  { key: "stage", "zh-CN": "建设阶段", en: "Stage", width: 10 },
  { key: "totalInvestment", "zh-CN": "总投资（万元）", en: "Total investment (10k yuan)", width: 14 },
  { key: "yearPlan", "zh-CN": "本年计划投资（万元）", en: "This year's plan (10k yuan)", width: 16 },
  { key: "startPlanned", "zh-CN": "计划开工日期", en: "Planned start", width: 12 },
  { key: "completionPlanned", "zh-CN": "计划竣工日期", en: "Planned completion", width: 12 },
  { key: "address", "zh-CN": "建设地点", en: "Location", width: 20 },
] as const;
export type LibraryColumn = (typeof LIBRARY_COLUMNS)[number]["key"];

export const MONTH_COLUMNS = [
  { key: "code", "zh-CN": "项目编码", en: "Code", width: 14 },
  { key: "name", "zh-CN": "项目名称", en: "Project", width: 36 },
  { key: "period", "zh-CN": "月份", en: "Month", width: 10 },
  { key: "amount", "zh-CN": "当月完成投资（万元）", en: "Invested this month (10k yuan)", width: 16 },
  { key: "narrative", "zh-CN": "形象进度", en: "Visible progress", width: 40 },
] as const;
export type MonthColumn = (typeof MONTH_COLUMNS)[number]["key"];

const norm = (s: string) => s.replace(/\s+/g, "").replace(/[（(]/g, "(").replace(/[）)]/g, ")").toLowerCase();

/** Which column holds which field (0-based), from a header row; null unless every required column is there. */
export function findColumns<K extends string>(
  cells: readonly unknown[],
  defs: readonly { key: K; "zh-CN": string; en: string }[],
  required: readonly K[],
): Map<K, number> | null {
  const byName = new Map<string, K>();
  for (const d of defs) {
    byName.set(norm(d["zh-CN"]), d.key);
    byName.set(norm(d.en), d.key);
  }
  const found = new Map<K, number>();
  cells.forEach((cell, i) => {
    const key = typeof cell === "string" ? byName.get(norm(cell)) : undefined;
    if (key && !found.has(key)) found.set(key, i);
  });
  return required.every((k) => found.has(k)) ? found : null;
}

const LABELS: Record<string, Record<string, Record<Locale, string>>> = {
  category: {
    industrial: { "zh-CN": "产业项目", en: "Industrial" },
    infrastructure: { "zh-CN": "基础设施", en: "Infrastructure" },
    social: { "zh-CN": "社会民生", en: "Social" },
    agriculture: { "zh-CN": "农业农村", en: "Agriculture" },
    ecology: { "zh-CN": "生态环保", en: "Ecology" },
    other: { "zh-CN": "其他", en: "Other" },
  },
  fundType: {
    central_budget: { "zh-CN": "中央预算内投资", en: "Central budget investment" },
    special_bond: { "zh-CN": "地方政府专项债券", en: "Local special bonds" },
    policy_finance: { "zh-CN": "政策性开发性金融工具", en: "Policy development finance" },
    treasury_bond: { "zh-CN": "增发国债", en: "Additional treasury bonds" },
  },
  level: {
    province: { "zh-CN": "省重点", en: "Province key" },
    city: { "zh-CN": "市重点", en: "City key" },
    county: { "zh-CN": "县重点", en: "County key" },
  },
  stage: {
    reserve: { "zh-CN": "储备", en: "Reserve" },
    preparatory: { "zh-CN": "前期", en: "Preparatory" },
    started: { "zh-CN": "新开工", en: "Started" },
    under_construction: { "zh-CN": "在建", en: "Under construction" },
    completed: { "zh-CN": "竣工", en: "Completed" },
    in_operation: { "zh-CN": "投运", en: "In operation" },
  },
};

export const kindLabel = (field: "category" | "fundType" | "level" | "stage", value: string | null, locale: Locale) =>
  value ? (LABELS[field][value]?.[locale] ?? value) : "";

/** A kind written as a word in either language (or as its code); undefined when it names none. */
export function parseKind(field: "category", text: string): ProjectCategory | undefined;
export function parseKind(field: "fundType", text: string): FundType | undefined;
export function parseKind(field: "level", text: string): ProjectLevel | undefined;
export function parseKind(field: "stage", text: string): ProjectStage | undefined;
export function parseKind(field: "category" | "fundType" | "level" | "stage", text: string): string | undefined {
  const t = norm(text);
  const codes: readonly string[] = {
    category: PROJECT_CATEGORIES,
    fundType: FUND_TYPES,
    level: PROJECT_LEVELS,
    stage: PROJECT_STAGES,
  }[field];
  for (const code of codes) {
    const l = LABELS[field][code];
    if (norm(code) === t || norm(l["zh-CN"]) === t || norm(l.en) === t) return code;
  }
  return undefined;
}

/** A month as offices write it: 2026-05, 2026/5, 2026.5, 2026年5月, or a date cell. */
export function parsePeriod(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 7);
  const m = String(value ?? "")
    .trim()
    .match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${m[2].padStart(2, "0")}`;
}

/** An amount in 万元: a number, or text with thousands separators; null when it is not one. */
export function parseAmount(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = String(value ?? "")
    .trim()
    .replace(/[,，\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}
