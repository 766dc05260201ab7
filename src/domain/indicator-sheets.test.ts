import { describe, expect, it } from "vitest";
import { columnName, normalName, parseFigure, periodInText, readStatisticsSheet, type SheetText } from "./indicator-sheets.js";

const catalog = {
  cityId: "jx",
  indicators: [
    {
      id: "iva",
      code: "IVA",
      nameZh: "规模以上工业增加值",
      nameEn: "Value added of industry above designated size",
      periodKind: "monthly" as const,
    },
    {
      id: "retail",
      code: "RETAIL",
      nameZh: "社会消费品零售总额",
      nameEn: "Total retail sales of consumer goods",
      periodKind: "monthly" as const,
    },
    { id: "gdp", code: "GDP", nameZh: "地区生产总值", nameEn: "Gross regional product", periodKind: "quarterly" as const },
  ],
  regions: [
    { id: "jx", code: "330400", name: "嘉兴市", nameEn: "Jiaxing" },
    { id: "nh", code: "330402", name: "南湖区", nameEn: "Nanhu District" },
    { id: "xz", code: "330411", name: "秀洲区", nameEn: "Xiuzhou District" },
  ],
};

const sheet = (name: string, rows: string[][]): SheetText => ({ name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) });

describe("reading a statistics sheet", () => {
  it("one indicator per row, the regions across with their growth, the month from the title", () => {
    const r = readStatisticsSheet(
      sheet("Sheet1", [
        ["2026年1-10月嘉兴市主要经济指标"],
        ["指标", "计量单位", "全市", "增长%", "南湖区", "增长%", "秀洲"],
        ["一、工业"],
        ["1.规模以上工业增加值（亿元）", "亿元", "1,905.60", "6.8", "310.2", "7.1", "250"],
        ["社会消费品零售总额", "亿元", "2010", "-", "—", "", "301.5"],
      ]),
      catalog,
      null,
    );
    expect(r.layout).toBe("regions_across");
    expect(r.period).toBe("2026-10");
    expect(r.problems).toEqual([]);
    expect(r.cells.map((c) => [c.indicatorId, c.regionId, c.value, c.reportedGrowth, c.column])).toEqual([
      ["iva", "jx", 1905.6, 6.8, "C"],
      ["iva", "nh", 310.2, 7.1, "E"],
      ["iva", "xz", 250, null, "G"],
      ["retail", "jx", 2010, null, "C"],
      ["retail", "xz", 301.5, null, "G"],
    ]);
  });

  it("regions down the side and indicators across, the month given by the importer", () => {
    const r = readStatisticsSheet(
      sheet("表2", [
        ["地区", "IVA", "Total retail sales of consumer goods"],
        ["Nanhu District", "310.2", "280"],
        ["330411", "250", "301.5"],
      ]),
      catalog,
      "2026-09",
    );
    expect(r.layout).toBe("indicators_across");
    expect(r.period).toBe("2026-09");
    expect(r.cells).toHaveLength(4);
    expect(r.cells[3]).toMatchObject({ indicatorId: "retail", regionId: "xz", value: 301.5, row: 3, column: "C" });
  });

  it("lists every bad cell: an unknown indicator, a word for a number, a quarterly figure in a month", () => {
    const r = readStatisticsSheet(
      sheet("2026年10月", [
        ["指标", "南湖区", "秀洲区"],
        ["规上工业利润", "12", "13"],
        ["规模以上工业增加值", "三百", "250"],
        ["地区生产总值", "900", "800"],
        ["说明：数据为快报数"],
      ]),
      catalog,
      null,
    );
    expect(r.problems.map((p) => [p.row, p.column, p.value, p.reason])).toEqual([
      [2, "A", "规上工业利润", "indicator_unknown"],
      [3, "B", "三百", "number_invalid"],
      [4, "B", "900", "period_not_quarter"],
      [4, "C", "800", "period_not_quarter"],
    ]);
    expect(r.cells).toHaveLength(1);
  });

  it("a sheet without a month anywhere says so", () => {
    const r = readStatisticsSheet(
      sheet("数据", [
        ["指标", "南湖区", "秀洲区"],
        ["IVA", "1", "2"],
      ]),
      catalog,
      null,
    );
    expect(r.problems[0].reason).toBe("sheet_no_period");
  });

  it("a sheet with no header it knows is passed over", () => {
    expect(readStatisticsSheet(sheet("说明", [["本表数据来源：市统计局"]]), catalog, "2026-10").layout).toBeNull();
  });
});

describe("the pieces", () => {
  it("reads months and quarters out of titles", () => {
    expect(periodInText("2026年1-10月全市经济运行情况")).toBe("2026-10");
    expect(periodInText("2026年9月")).toBe("2026-09");
    expect(periodInText("2026年前三季度")).toBe("2026-09");
    expect(periodInText("2026年1-2季度")).toBe("2026-06");
    expect(periodInText("figures for 2026-03")).toBe("2026-03");
    expect(periodInText("主要指标")).toBeNull();
  });

  it("parses figures as typed and names columns as Excel does", () => {
    expect(parseFigure("1,905.60")).toBe(1905.6);
    expect(parseFigure("-3.5%")).toBe(-3.5);
    expect(parseFigure("—")).toBeNull();
    expect(parseFigure("n/a")).toBeNull();
    expect(parseFigure("12a")).toBe("invalid");
    expect(columnName(0)).toBe("A");
    expect(columnName(27)).toBe("AB");
    expect(normalName("（一）规模以上工业增加值（亿元）")).toBe("规模以上工业增加值");
  });
});
