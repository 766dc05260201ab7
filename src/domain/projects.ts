/**
 * Major projects (重大项目): kinds, stages, node schedules, the investment figures development
 * and reform commissions report, and early warnings. Pure: amounts in 万元 (10,000 yuan), months
 * as YYYY-MM, dates as YYYY-MM-DD.
 */
import { daysBetween } from "./reporting-periods.js";

export const PROJECT_CATEGORIES = ["industrial", "infrastructure", "social", "agriculture", "ecology", "other"] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];
/** The four kinds of central funding (四类中央资金项目). */
export const FUND_TYPES = ["central_budget", "special_bond", "policy_finance", "treasury_bond"] as const;
export type FundType = (typeof FUND_TYPES)[number];
export const PROJECT_LEVELS = ["province", "city", "county"] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];
export const PROJECT_STAGES = ["reserve", "preparatory", "started", "under_construction", "completed", "in_operation"] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const NODE_KINDS = ["land", "approval", "start", "main_structure", "completion", "operation"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const WARNING_KINDS = ["investment_behind", "node_overdue", "start_overdue", "no_report"] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
export const WARNING_LEVELS = ["blue", "yellow", "red"] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** The nodes a project of each category is scheduled by; an admin may change them. */
export const DEFAULT_NODE_TEMPLATES: Record<ProjectCategory, NodeKind[]> = {
  industrial: ["land", "approval", "start", "main_structure", "completion", "operation"],
  infrastructure: ["land", "approval", "start", "completion", "operation"],
  social: ["land", "approval", "start", "main_structure", "completion", "operation"],
  agriculture: ["land", "approval", "start", "completion"],
  ecology: ["approval", "start", "completion"],
  other: ["approval", "start", "completion"],
};

/** Stages in which money is being spent on site and a monthly report is expected. */
export const BUILDING_STAGES: readonly ProjectStage[] = ["started", "under_construction"];

export interface MonthFigure {
  /** YYYY-MM */
  period: string;
  /** Invested in that month (万元). */
  amount: number;
}

export interface InvestmentStatus {
  /** The year the figures are for. */
  year: number;
  /** Invested this year up to and including the month (万元). */
  yearToDate: number;
  /** Invested since the project began (万元). */
  sinceStart: number;
  /** Share of the annual plan invested (0–100), null without a plan. */
  annualCompletion: number | null;
  /** Share of the year elapsed at the end of the month (0–100): the planned pace. */
  timeElapsed: number;
  /** Time elapsed minus annual completion: positive means behind the pace (percentage points). */
  paceGap: number | null;
  /** Share of the total investment spent (0–100), null without a total. */
  totalCompletion: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Investment as commissions report it for month `period`: year to date, since start, annual plan
 * completion against the share of the year elapsed ("time and task in step", 时间过半、任务过半).
 */
export function investmentStatus(
  figures: readonly MonthFigure[],
  period: string,
  plan: { annual: number | null; total: number | null },
): InvestmentStatus {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  let yearToDate = 0;
  let sinceStart = 0;
  for (const f of figures) {
    if (f.period > period) continue;
    sinceStart += f.amount;
    if (f.period.startsWith(`${year}-`)) yearToDate += f.amount;
  }
  const timeElapsed = round1((month / 12) * 100);
  const annualCompletion = plan.annual && plan.annual > 0 ? round1((yearToDate / plan.annual) * 100) : null;
  return {
    year,
    yearToDate: round1(yearToDate),
    sinceStart: round1(sinceStart),
    annualCompletion,
    timeElapsed,
    paceGap: annualCompletion === null ? null : round1(timeElapsed - annualCompletion),
    totalCompletion: plan.total && plan.total > 0 ? round1((sinceStart / plan.total) * 100) : null,
  };
}

export interface WarningSettings {
  /** Points behind the planned pace for a blue warning; twice as many for yellow, three times for red. */
  paceMarginPoints: number;
  /** Days a node may be late before its warning turns yellow, and red. */
  nodeYellowDays: number;
  nodeRedDays: number;
  /** Days without a report before a warning (blue); twice for yellow, three times for red. */
  reportDays: number;
}

export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  paceMarginPoints: 10,
  nodeYellowDays: 30,
  nodeRedDays: 90,
  reportDays: 45,
};

export interface ProjectFacts {
  stage: ProjectStage;
  annualPlan: number | null;
  totalInvestment: number | null;
  nodes: { kind: NodeKind; plannedOn: string | null; reachedOn: string | null }[];
  figures: readonly MonthFigure[];
  /** When the owner last reported (a date), null if never. */
  lastReportOn: string | null;
  /** When the project entered the library: the no-report clock starts here. */
  since: string;
}

export interface Warning {
  kind: WarningKind;
  level: WarningLevel;
  /** Which node, for node warnings: one warning per node. */
  node?: NodeKind;
  /** The figures behind it, for the page and the history. */
  detail: Record<string, number | string>;
}

const byMultiples = (value: number, unit: number): WarningLevel | null =>
  value >= unit * 3 ? "red" : value >= unit * 2 ? "yellow" : value >= unit ? "blue" : null;

const byDays = (days: number, s: WarningSettings): WarningLevel =>
  days >= s.nodeRedDays ? "red" : days >= s.nodeYellowDays ? "yellow" : "blue";

/** The month whose figures are judged on `today`: the one before it (this month's report is not due yet). */
export function judgedMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/**
 * The early warnings a project stands under today: investment behind the planned pace, a node
 * past its planned date, a planned start passed with no start, no report for too long.
 * Finished projects (completed, in operation) and those only in reserve raise none but the start.
 */
export function projectWarnings(p: ProjectFacts, today: string, s: WarningSettings = DEFAULT_WARNING_SETTINGS): Warning[] {
  const out: Warning[] = [];
  const finished = p.stage === "completed" || p.stage === "in_operation";
  if (finished) return out;
  const building = BUILDING_STAGES.includes(p.stage);
  const start = p.nodes.find((n) => n.kind === "start");
  if (!building && start?.plannedOn && !start.reachedOn && start.plannedOn < today) {
    const days = daysBetween(start.plannedOn, today);
    out.push({ kind: "start_overdue", level: byDays(days, s), detail: { plannedOn: start.plannedOn, days } });
  }
  if (!building) return out;
  for (const n of p.nodes) {
    if (n.kind === "start" || !n.plannedOn || n.reachedOn || n.plannedOn >= today) continue;
    const days = daysBetween(n.plannedOn, today);
    out.push({ kind: "node_overdue", level: byDays(days, s), node: n.kind, detail: { plannedOn: n.plannedOn, days } });
  }
  const month = judgedMonth(today);
  const status = investmentStatus(p.figures, month, { annual: p.annualPlan, total: p.totalInvestment });
  // Judged on last month's figures: this month's report is not due yet.
  if (status.paceGap !== null) {
    const level = byMultiples(status.paceGap, s.paceMarginPoints);
    if (level)
      out.push({
        kind: "investment_behind",
        level,
        detail: { month, annualCompletion: status.annualCompletion ?? 0, timeElapsed: status.timeElapsed, gap: status.paceGap },
      });
  }
  const silentSince = p.lastReportOn ?? p.since;
  const silent = daysBetween(silentSince, today);
  const level = byMultiples(silent, s.reportDays);
  if (level) out.push({ kind: "no_report", level, detail: { since: silentSince, days: silent } });
  return out;
}

/** A warning's identity: the same kind (and node) is one warning whose level may change, raised until cleared. */
export const warningKey = (w: Pick<Warning, "kind" | "node">) => (w.node ? `${w.kind}:${w.node}` : w.kind);
