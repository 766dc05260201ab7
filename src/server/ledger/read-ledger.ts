import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { columnsFromHeader, type LedgerColumnKey } from "../../domain/ledger.js";

export type CellValue = string | number | boolean | Date | null | { error: string };

export interface LedgerLine {
  /** The row number as the spreadsheet shows it, for messages people can find. */
  row: number;
  cells: Partial<Record<LedgerColumnKey, CellValue>>;
}

/** A cell as a plain value: rich text joined, a formula by its result, a link by its text. */
function plain(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return plain(v.richText.map((r: { text?: string }) => r.text ?? "").join(""));
    if ("result" in v) return plain(v.result);
    if ("formula" in v || "sharedFormula" in v) return null;
    if (typeof v.text === "string") return plain(v.text);
    if (typeof v.error === "string") return { error: v.error };
  }
  return String(value);
}

export class LedgerFormatError extends Error {}

type SheetRow = { number: number; values: unknown };

/** The ledger's lines from a worksheet's rows: the header within the first ten rows, then every non-empty row below it. */
async function linesOf(rows: AsyncIterable<SheetRow> | Iterable<SheetRow>): Promise<LedgerLine[]> {
  let columns: Map<LedgerColumnKey, number> | null = null;
  const lines: LedgerLine[] = [];
  for await (const row of rows) {
    const values = (row.values as unknown[]).map(plain);
    if (!columns) {
      if (row.number > 10) break;
      columns = columnsFromHeader(values.map((v) => (typeof v === "string" ? v : null)));
      continue;
    }
    const cells: LedgerLine["cells"] = {};
    let empty = true;
    for (const [key, at] of columns) {
      const v = values[at] ?? null;
      if (v !== null) empty = false;
      cells[key] = v;
    }
    if (!empty) lines.push({ row: row.number, cells });
  }
  if (!columns) throw new LedgerFormatError("ledger_no_header");
  return lines;
}

/**
 * Reads the first worksheet of a ledger as a stream: finds the header row within the first ten
 * rows, then yields every non-empty row below it. `onBytes` reports how much of the file is read.
 */
export async function readLedger(content: Buffer, onBytes?: (read: number, total: number) => void): Promise<LedgerLine[]> {
  const counted = new PassThrough();
  let read = 0;
  counted.on("data", (chunk: Buffer) => {
    read += chunk.length;
    onBytes?.(read, content.length);
  });
  Readable.from([content]).pipe(counted);
  const book = new ExcelJS.stream.xlsx.WorkbookReader(counted, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  try {
    for await (const sheet of book) return await linesOf(sheet as AsyncIterable<SheetRow>); // the first worksheet only
  } catch (e) {
    if (e instanceof LedgerFormatError) throw e;
    // ExcelJS's streaming reader parses a worksheet at once when the shared strings came before
    // it, assuming the workbook part did too; files ExcelJS itself writes can put that part last
    // (and the order of the others varies with timing). Such a file is read whole instead.
    return readWhole(content, onBytes);
  }
  throw new LedgerFormatError("ledger_no_header");
}

async function readWhole(content: Buffer, onBytes?: (read: number, total: number) => void): Promise<LedgerLine[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new LedgerFormatError("ledger_unreadable");
  }
  onBytes?.(content.length, content.length);
  const sheet = book.worksheets[0];
  if (!sheet) throw new LedgerFormatError("ledger_no_header");
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => rows.push({ number, values: row.values }));
  try {
    return await linesOf(rows);
  } catch (e) {
    if (e instanceof LedgerFormatError) throw e;
    throw new LedgerFormatError("ledger_unreadable");
  }
}
