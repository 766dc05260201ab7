import { describe, expect, it } from "vitest";
import { columnsFromHeader, escapeCell, parseLedgerDate, parseTaskNumber, splitNames, unescapeCell } from "./ledger.js";

describe("ledger cells", () => {
  it("escapes text a spreadsheet would run as a formula, and import takes the escape off again", () => {
    for (const text of ["=1+1", "+86 573", "-5", "@SUM(A1)", "\tcmd"]) {
      expect(escapeCell(text)).toBe(`'${text}`);
      expect(unescapeCell(escapeCell(text))).toBe(text);
    }
    expect(escapeCell("加快推进")).toBe("加快推进");
    expect(unescapeCell("'quoted")).toBe("'quoted");
  });

  it("reads dates as offices write them, and refuses days that do not exist", () => {
    expect(parseLedgerDate(new Date("2026-12-31T00:00:00Z"))).toBe("2026-12-31");
    expect(parseLedgerDate("2026/3/5")).toBe("2026-03-05");
    expect(parseLedgerDate("2026.03.05")).toBe("2026-03-05");
    expect(parseLedgerDate("2026年3月5日")).toBe("2026-03-05");
    expect(parseLedgerDate("2026-02-30")).toBeNull();
    expect(parseLedgerDate("年底前")).toBeNull();
    expect(parseLedgerDate(46000)).toBeNull();
  });

  it("splits unit lists on the separators offices use", () => {
    expect(splitNames("市财政局、市自然资源和规划局，市住建局; 市交通局\n市财政局")).toEqual([
      "市财政局",
      "市自然资源和规划局",
      "市住建局",
      "市交通局",
    ]);
  });

  it("reads task numbers with or without #", () => {
    expect([parseTaskNumber(12), parseTaskNumber("#12"), parseTaskNumber(" 12 "), parseTaskNumber("12a")]).toEqual([
      12,
      12,
      12,
      null,
    ]);
  });

  it("finds columns by header in either language and any order; a row without the task column is no header", () => {
    const cols = columnsFromHeader([null, "牵头单位", "Task", "完成 时限", "备注"]);
    expect(Object.fromEntries(cols ?? [])).toEqual({ leadUnit: 1, title: 2, dueOn: 3 });
    expect(columnsFromHeader(["工作台账", null, "说明"])).toBeNull();
  });
});
