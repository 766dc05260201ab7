import { describe, expect, it } from "vitest";
import { type AnalysisFigures, draftAnalysis, formatFigure, periodPhrase } from "./analysis.js";

const figures: AnalysisFigures = {
  month: "2026-06",
  city: "嘉兴市",
  rows: [
    {
      code: "IVA",
      name: "规模以上工业增加值",
      measureUnit: "亿元",
      decimals: 2,
      periodKind: "monthly",
      level: false,
      better: "higher",
      period: "2026-06",
      value: 969.82,
      growth: 3.1811,
      change: null,
      targetKind: "growth",
      target: 6.5,
      completion: 47.787,
      neededGrowth: 9.7304,
      light: "behind",
      source: "市统计局",
      parts: [
        { region: "南湖区", value: 548.27, growth: 7.0004, rank: 1, light: "ahead" },
        { region: "秀洲区", value: 301.55, growth: 1.868, rank: 2, light: "behind" },
        { region: "嘉善县", value: 120, growth: -8.745, rank: 3, light: "behind" },
      ],
    },
    {
      code: "UNEMP",
      name: "城镇调查失业率",
      measureUnit: "%",
      decimals: 1,
      periodKind: "monthly",
      level: true,
      better: "lower",
      period: "2026-06",
      value: 3.1,
      growth: null,
      change: -0.2,
      targetKind: "value",
      target: 4.5,
      completion: null,
      neededGrowth: null,
      light: "ahead",
      source: null,
      parts: [],
    },
  ],
};

describe("the drafted analysis", () => {
  const zh = draftAnalysis(figures, "zh-CN");
  const text = zh.sections.flatMap((s) => s.paragraphs).join("\n");

  it("says what the figures say, rounded as published", () => {
    expect(zh.title).toBe("2026年1-6月嘉兴市经济运行分析");
    expect(text).toContain(
      "规模以上工业增加值969.82亿元，同比增长3.2%，低于年度目标（6.5%）3.3个百分点，完成年度目标的47.8%，其余月份须增长9.7%方能完成全年目标。",
    );
    expect(text).toContain("城镇调查失业率为3.1%，比上年同期下降0.2个百分点，年度目标为4.5%。");
    expect(text).toContain("规模以上工业增加值：增速居前的是南湖区（7.0%）、秀洲区（1.9%）；居后的是嘉善县（-8.7%）。");
    expect(text).toContain("落后于年度目标的指标有1项：规模以上工业增加值。");
    expect(text).toContain("落后于目标的地区：秀洲区（规模以上工业增加值）；嘉善县（规模以上工业增加值）。");
    expect(text).toContain("请市统计局牵头");
  });

  it("invents no number: every number in the text is a figure, a count, or the period", () => {
    const allowed = new Set([
      "2026",
      "1",
      "6",
      "2",
      "0",
      "969.82",
      "3.2",
      "6.5",
      "3.3",
      "47.8",
      "9.7",
      "3.1",
      "0.2",
      "4.5",
      "7.0",
      "-8.7",
      "8.7",
      "1.9",
    ]);
    const numbers = text.replaceAll("2026年1-6月", "").match(/-?\d+(?:\.\d+)?/g) ?? [];
    expect(numbers.filter((n) => !allowed.has(n))).toEqual([]);
  });

  it("names a quarterly figure's quarter", () => {
    const gdp = { ...figures.rows[0], name: "地区生产总值", periodKind: "quarterly" as const, period: "2026-06" };
    const text = draftAnalysis({ ...figures, month: "2026-08", rows: [gdp] }, "zh-CN").sections[1].paragraphs[0];
    expect(text.startsWith("地区生产总值（2026年上半年）969.82亿元")).toBe(true);
  });

  it("in English too", () => {
    const en = draftAnalysis({ ...figures, city: "Jiaxing" }, "en");
    expect(en.title).toBe("Jiaxing: economic operation analysis, January–June 2026");
    const words = en.sections.flatMap((s) => s.paragraphs).join("\n");
    expect(words).toContain("up 3.2% year on year, 3.3 points below the annual target (6.5%)");
    expect(words).toContain("0.2 points down on a year before");
  });

  it("names periods as bureaus do and groups thousands", () => {
    expect(periodPhrase("2026-09", "quarterly", "zh-CN")).toBe("2026年前三季度");
    expect(periodPhrase("2026-01", "monthly", "zh-CN")).toBe("2026年1月");
    expect(periodPhrase("2026-06", "quarterly", "en")).toBe("H1 2026");
    expect(formatFigure(1905.6, 2, "zh-CN")).toBe("1,905.60");
  });
});
