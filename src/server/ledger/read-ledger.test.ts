import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { preparePart, ZipWriter } from "../sheets/zip-writer.js";
import { readLedger } from "./read-ledger.js";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const cell = (ref: string, s: number) => `<c r="${ref}" t="s"><v>${s}</v></c>`;

/** A ledger whose parts come in the order `names` gives: shared strings before its worksheet, the workbook last. */
async function ledgerInOrder(names: string[]): Promise<Buffer> {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `${XML}<sst xmlns="${MAIN}" count="4" uniqueCount="4"><si><t>序号</t></si><si><t>任务</t></si><si><t>牵头单位</t></si><si><t>推进数字化改革</t></si></sst>`,
    "xl/worksheets/sheet1.xml": `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cell("A1", 0)}${cell("B1", 1)}${cell("C1", 2)}</row><row r="2"><c r="A2"><v>7</v></c>${cell("B2", 3)}</row></sheetData></worksheet>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  };
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const zip = new ZipWriter(out);
  for (const name of names) await zip.addPrepared(preparePart(name, parts[name]));
  await zip.finish();
  return Buffer.concat(chunks);
}

describe("reading a ledger", () => {
  it("reads a file whose workbook part comes after its worksheet and shared strings (as ExcelJS can write one)", async () => {
    const file = await ledgerInOrder([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet1.xml",
      "xl/workbook.xml",
    ]);
    const progress: number[] = [];
    const lines = await readLedger(file, (read) => progress.push(read));
    expect(lines).toEqual([{ row: 2, cells: { number: 7, title: "推进数字化改革", leadUnit: null } }]);
    expect(progress.at(-1)).toBe(file.length);
  });

  it("still refuses a file that is not a spreadsheet", async () => {
    await expect(readLedger(Buffer.from("PK\u0003\u0004 not really a zip"))).rejects.toThrow("ledger_unreadable");
  });
});
