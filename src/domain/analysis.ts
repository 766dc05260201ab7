/**
 * The month's operation analysis (经济运行分析): the figures' tables and a draft text written
 * from them, in Chinese or English. Every number in the text is one of the figures, rounded as
 * the tables show it: nothing is invented. Pure.
 */
import type { TargetLight } from "./indicators.js";
import { monthOf, roundTo, yearOf } from "./indicators.js";
import type { Locale } from "./people.js";

export interface AnalysisIndicatorRow {
  code: string;
  name: string;
  measureUnit: string;
  decimals: number;
  periodKind: "monthly" | "quarterly";
  /** A level (a rate) has a value and a change in points, no growth. */
  level: boolean;
  better: "higher" | "lower";
  period: string;
  value: number | null;
  growth: number | null;
  change: number | null;
  targetKind: "growth" | "value" | null;
  target: number | null;
  completion: number | null;
  neededGrowth: number | null;
  light: TargetLight | null;
  source: string | null;
  /** The parts, best first; unranked (no figure) last. */
  parts: { region: string; value: number | null; growth: number | null; rank: number | null; light: TargetLight | null }[];
}

export interface AnalysisFigures {
  month: string;
  city: string;
  rows: AnalysisIndicatorRow[];
}

export interface AnalysisSection {
  heading: string;
  paragraphs: string[];
}

/** A figure as the tables show it: its digits, thousands grouped. */
export function formatFigure(value: number, decimals: number, locale: Locale): string {
  return roundTo(value, decimals).toLocaleString(locale === "en" ? "en-US" : "zh-CN", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
const pct = (v: number) => roundTo(v, 1).toFixed(1);
const CN_QUARTER = ["一季度", "上半年", "前三季度", "全年"];
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026年1-10月", "2026年前三季度", "January–October 2026". */
export function periodPhrase(period: string, kind: "monthly" | "quarterly", locale: Locale, toDate = true): string {
  const [y, m] = [yearOf(period), monthOf(period)];
  if (locale === "en") {
    if (kind === "quarterly") return `${["Q1", "H1", "Q1–Q3", "the year"][m / 3 - 1]} ${y}`;
    return toDate && m > 1 ? `January–${EN_MONTHS[m - 1]} ${y}` : `${EN_MONTHS[m - 1]} ${y}`;
  }
  if (kind === "quarterly") return `${y}年${CN_QUARTER[m / 3 - 1]}`;
  return toDate && m > 1 ? `${y}年1-${m}月` : `${y}年${m}月`;
}

const LIGHT_ORDER: TargetLight[] = ["ahead", "close", "behind"];

function indicatorSentence(row: AnalysisIndicatorRow, month: string, locale: Locale): string {
  const zh = locale !== "en";
  // A quarterly figure stands for its quarter, which the heading's months may not name.
  const own = row.period !== month ? periodPhrase(row.period, row.periodKind, locale) : null;
  const r = own ? { ...row, name: zh ? `${row.name}（${own}）` : `${row.name} (${own})` } : row;
  if (r.value == null) return zh ? `${r.name}：本期数据尚未报齐。` : `${r.name}: this period's figures are not all in.`;
  const value = `${formatFigure(r.value, r.decimals, locale)}${zh ? "" : " "}${r.measureUnit}`;
  const parts: string[] = [];
  if (r.level) {
    parts.push(zh ? `${r.name}为${value}` : `${r.name} stood at ${value}`);
    if (r.change != null)
      parts.push(
        zh
          ? `比上年同期${r.change >= 0 ? "上升" : "下降"}${pct(Math.abs(r.change))}个百分点`
          : `${pct(Math.abs(r.change))} points ${r.change >= 0 ? "up" : "down"} on a year before`,
      );
  } else {
    parts.push(zh ? `${r.name}${value}` : `${r.name} reached ${value}`);
    if (r.growth != null)
      parts.push(
        zh
          ? `同比${r.growth >= 0 ? "增长" : "下降"}${pct(Math.abs(r.growth))}%`
          : `${r.growth >= 0 ? "up" : "down"} ${pct(Math.abs(r.growth))}% year on year`,
      );
  }
  if (r.targetKind === "growth" && r.target != null && r.growth != null) {
    const diff = roundTo(r.growth, 1) - roundTo(r.target, 1);
    parts.push(
      zh
        ? diff === 0
          ? `与年度目标（${pct(r.target)}%）持平`
          : `${diff > 0 ? "高于" : "低于"}年度目标（${pct(r.target)}%）${pct(Math.abs(diff))}个百分点`
        : diff === 0
          ? `level with the annual target (${pct(r.target)}%)`
          : `${pct(Math.abs(diff))} points ${diff > 0 ? "above" : "below"} the annual target (${pct(r.target)}%)`,
    );
  } else if (r.targetKind === "value" && r.target != null) {
    const target = `${formatFigure(r.target, r.decimals, locale)}${zh ? "" : " "}${r.measureUnit}`;
    parts.push(zh ? `年度目标为${target}` : `against an annual target of ${target}`);
  }
  if (r.completion != null && !r.level)
    parts.push(zh ? `完成年度目标的${pct(r.completion)}%` : `${pct(r.completion)}% of the year's target done`);
  if (r.neededGrowth != null && r.light !== "ahead")
    parts.push(
      zh
        ? `其余月份须增长${pct(r.neededGrowth)}%方能完成全年目标`
        : `the remaining months must grow ${pct(r.neededGrowth)}% to meet it`,
    );
  return zh ? `${parts.join("，")}。` : `${parts.join(", ")}.`;
}

function regionSentence(r: AnalysisIndicatorRow, locale: Locale): string | null {
  const zh = locale !== "en";
  const ranked = r.parts.filter((p) => p.rank != null);
  if (ranked.length < 2) return null;
  const show = (p: AnalysisIndicatorRow["parts"][number]) =>
    r.level
      ? `${p.region}（${formatFigure(p.value as number, r.decimals, locale)}${r.measureUnit}）`
      : `${p.region}（${pct(p.growth as number)}%）`;
  const showEn = (p: AnalysisIndicatorRow["parts"][number]) =>
    r.level
      ? `${p.region} (${formatFigure(p.value as number, r.decimals, locale)} ${r.measureUnit})`
      : `${p.region} (${pct(p.growth as number)}%)`;
  const top = ranked.slice(0, Math.min(3, Math.ceil(ranked.length / 2)));
  const bottom = ranked.slice(-Math.min(2, ranked.length - top.length)).reverse();
  const missing = r.parts.filter((p) => p.rank == null).map((p) => p.region);
  if (zh)
    return `${r.name}：${r.level ? "较好" : "增速居前"}的是${top.map(show).join("、")}；${r.level ? "较差" : "居后"}的是${bottom.map(show).join("、")}${missing.length ? `；${missing.join("、")}数据未报` : ""}。`;
  return `${r.name}: leading ${top.map(showEn).join(", ")}; trailing ${bottom.map(showEn).join(", ")}${missing.length ? `; no figures from ${missing.join(", ")}` : ""}.`;
}

/** The draft text of the analysis, in sections, from the figures alone. */
export function draftAnalysis(f: AnalysisFigures, locale: Locale): { title: string; sections: AnalysisSection[] } {
  const zh = locale !== "en";
  const monthly = periodPhrase(f.month, "monthly", locale);
  const withFigures = f.rows.filter((r) => r.value != null);
  const count = (light: TargetLight) => f.rows.filter((r) => r.light === light).length;
  const judged = LIGHT_ORDER.reduce((s, l) => s + count(l), 0);
  const overview = zh
    ? `${monthly}，${f.city}${f.rows.length}项主要经济指标中，${withFigures.length}项已有数据；有年度目标的${judged}项中，${count("ahead")}项达到或快于目标进度，${count("close")}项接近目标，${count("behind")}项落后于目标。`
    : `For ${monthly}, ${withFigures.length} of ${f.city}'s ${f.rows.length} main indicators have figures; of the ${judged} with an annual target, ${count("ahead")} are on or ahead of target, ${count("close")} close to it and ${count("behind")} behind.`;
  const behind = f.rows.filter((r) => r.light === "behind");
  const trailingRegions = new Map<string, string[]>();
  for (const r of f.rows)
    for (const p of r.parts)
      if (p.light === "behind") trailingRegions.set(p.region, [...(trailingRegions.get(p.region) ?? []), r.name]);
  const concerns: string[] = [];
  if (behind.length)
    concerns.push(
      zh
        ? `落后于年度目标的指标有${behind.length}项：${behind.map((r) => r.name).join("、")}。`
        : `${behind.length} indicators are behind their annual target: ${behind.map((r) => r.name).join(", ")}.`,
    );
  if (trailingRegions.size)
    concerns.push(
      zh
        ? `落后于目标的地区：${[...trailingRegions].map(([region, names]) => `${region}（${names.join("、")}）`).join("；")}。`
        : `Regions behind target: ${[...trailingRegions].map(([region, names]) => `${region} (${names.join(", ")})`).join("; ")}.`,
    );
  if (!concerns.length) concerns.push(zh ? "本期各项指标均未落后于目标。" : "No indicator is behind its target this period.");
  const next = behind.map((r) =>
    zh
      ? `${r.name}：${r.source ? `请${r.source}牵头，` : ""}分析落后原因，逐月跟踪，明确赶超措施。`
      : `${r.name}: ${r.source ? `${r.source} to lead: ` : ""}find why it is behind, follow it month by month, and set out how to catch up.`,
  );
  if (!next.length)
    next.push(
      zh ? "保持当前势头，继续做好常态化调度和运行监测。" : "Keep up the pace with the regular scheduling and monitoring.",
    );

  return {
    title: zh ? `${monthly}${f.city}经济运行分析` : `${f.city}: economic operation analysis, ${monthly}`,
    sections: [
      { heading: zh ? "总体情况" : "Overview", paragraphs: [overview] },
      {
        heading: zh ? "主要指标完成情况" : "The main indicators",
        paragraphs: f.rows.map((r) => indicatorSentence(r, f.month, locale)),
      },
      {
        heading: zh ? "各地区情况" : "The regions",
        paragraphs: f.rows.map((r) => regionSentence(r, locale)).filter((s): s is string => s != null),
      },
      { heading: zh ? "需要关注的问题" : "Concerns", paragraphs: concerns },
      { heading: zh ? "下一步工作建议" : "Next steps", paragraphs: next },
    ],
  };
}
