import ExcelJS from "exceljs";
import { unescapeCell } from "../../domain/ledger.js";

/** One bad cell: where it is, what it holds, and why it cannot be taken. */
export interface SheetProblem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A cell as the text a person typed: rich text joined, formulas by their result, escapes taken off. */
export const text = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object" && "richText" in (v as object))
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  if (typeof v === "object" && "result" in (v as object)) return text((v as { result: unknown }).result);
  return unescapeCell(String(v).trim());
};

export interface Sheet {
  name: string;
  rows: { row: number; cells: unknown[] }[];
}

/** Every worksheet's rows as plain cell values (1-based row numbers as Excel shows them). */
export async function readWorkbook(content: Buffer): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const rows: Sheet["rows"] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      const values = (r.values as unknown[]).slice(1);
      rows.push({ row: n, cells: values });
    });
    return { name: ws.name, rows };
  });
}
