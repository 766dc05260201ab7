import { PassThrough, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnName } from "../../domain/indicator-sheets.js";
import { openXlsx, type XlsxCell, type XlsxLayout } from "./xlsx-writer.js";

const LAYOUT: XlsxLayout = {
  columns: [{ width: 8 }, { width: 40 }, { width: 12 }, { width: 9, hidden: true }],
  styles: [{ bold: true }, { bold: true, fill: "FFE7E7E7" }, { numFmt: "yyyy-mm-dd" }, { numFmt: "0%" }],
  frozenRows: 2,
  creator: "Luoshi",
};

/** Writes the rows and gathers the file, read through a reader that takes its time when `slow`. */
async function write(rows: [XlsxCell[], number | number[]][], name = "台账", slow = false): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: slow ? 1024 : 16 * 1024,
    write(chunk, _e, done) {
      chunks.push(chunk);
      if (slow) setImmediate(done);
      else done();
    },
  });
  const sheet = await openXlsx(out, LAYOUT, name);
  for (const [cells, styles] of rows) await sheet.addRow(cells, styles);
  await sheet.end();
  await finished(out);
  return Buffer.concat(chunks);
}

const read = async (file: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  return book;
};

describe("the xlsx writer", () => {
  it("writes a sheet a spreadsheet reads back: text, numbers, dates, formats, widths, frozen headers, bold and fill", async () => {
    const awkward = '  引号"和&<尖括号>\n第二行 🚩  ';
    const file = await write(
      [
        [["工作台账  2026-11-30", "", "说明"], 1],
        [
          ["序号", "任务", "完成时限", "版本"],
          [1, 1, 2, 1],
        ],
        [
          [1, awkward, new Date("2027-06-30T00:00:00Z"), 3],
          [0, 0, 3, 0],
        ],
        [
          [2, "控制\u0001字符\u0008去掉", null, 0.25],
          [0, 0, 3, 4],
        ],
      ],
      'A&B <台账> "一"',
    );
    const book = await read(file);
    expect(book.creator).toBe("Luoshi");
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('A&B <台账> "一"');
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet.columns.map((c) => c.width)).toEqual([8, 40, 12, 9]);
    expect(sheet.columns.map((c) => Boolean(c.hidden))).toEqual([false, false, false, true]);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([undefined, "工作台账  2026-11-30", undefined, "说明"]);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("B2").fill).toEqual({ type: "pattern", pattern: "none" });
    expect(sheet.getCell("C2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E7E7" } });
    expect(sheet.getCell("C2").font?.bold).toBe(true);
    expect(sheet.getCell("A3").value).toBe(1);
    expect(sheet.getCell("B3").value).toBe(awkward);
    expect(sheet.getCell("C3").value).toEqual(new Date("2027-06-30T00:00:00Z"));
    expect(sheet.getCell("C3").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("B4").value).toBe("控制字符去掉");
    // A styled empty cell keeps its style and holds nothing.
    expect(sheet.getCell("C4").value).toBeNull();
    expect(sheet.getCell("C4").numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("D4").value).toBe(0.25);
    expect(sheet.getCell("D4").numFmt).toBe("0%");
    expect(sheet.getCell("B3").numFmt).toBeUndefined();
  });

  it("streams a sheet larger than it compresses at once, through a reader that lags, and loses no row", async () => {
    const rows: [XlsxCell[], number[]][] = Array.from({ length: 20_000 }, (_, i) => [
      [
        i + 1,
        `第 ${i + 1} 项任务：推进重点项目建设 ${"甲乙丙丁".repeat(i % 7)}`,
        new Date(Date.UTC(2027, i % 12, 1 + (i % 28))),
        i,
      ],
      [0, 0, 3, 0],
    ]);
    const file = await write(rows, "大台账", true);
    expect(file.length).toBeGreaterThan(64 * 1024);
    const sheet = (await read(file)).worksheets[0];
    expect(sheet.rowCount).toBe(20_000);
    for (const n of [1, 2, 9_999, 20_000]) {
      const [number, title, due, version] = rows[n - 1][0];
      expect(sheet.getRow(n).values).toEqual([undefined, number, title, due, version]);
    }
  });

  it("stops with an error, not a hang, when the reader goes away mid-file", async () => {
    const out = new PassThrough({ highWaterMark: 16 });
    // The reader takes 20 KB of the rows and goes away (a download closed part way).
    let received = 0;
    out.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > 20_000) out.destroy();
    });
    const sheet = await openXlsx(out, LAYOUT, "台账");
    const writing = (async () => {
      for (let i = 0; i < 50_000; i++) await sheet.addRow([i, "一行又一行的文字".repeat(4)], 0);
      await sheet.end();
    })();
    await expect(writing).rejects.toThrow(/closed/);
    expect(received).toBeGreaterThan(20_000);
  });

  it("names columns as a spreadsheet does", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});
