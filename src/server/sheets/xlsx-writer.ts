/**
 * An .xlsx file of one worksheet, written row by row to a stream: column widths, hidden columns,
 * frozen top rows, bold, fills and number formats, text kept inline. What a ledger needs and no
 * more. exceljs, used before, spent about 10 ms building a workbook of twenty rows (its parts,
 * styles and archive set up anew each time); here the fixed parts are made once per layout and
 * the rows are plain text.
 */
import type { Writable } from "node:stream";
import { columnName } from "../../domain/indicator-sheets.js";
import { type PreparedPart, preparePart, ZipWriter } from "./zip-writer.js";

export interface XlsxStyle {
  bold?: boolean;
  /** A solid fill, as ARGB hex ("FFE7E7E7"). */
  fill?: string;
  /** A number format as Excel writes one ("yyyy-mm-dd", "0%"). */
  numFmt?: string;
}

export interface XlsxColumn {
  /** In characters, as Excel measures it. */
  width: number;
  hidden?: boolean;
}

/** Text, a number, a date (kept as a date serial; give it a date format), or nothing. */
export type XlsxCell = string | number | Date | null | undefined;

export interface XlsxLayout {
  columns: readonly XlsxColumn[];
  /** Styles a cell may take by its position in this list plus one (0 is the default style). */
  styles: readonly XlsxStyle[];
  /** Rows kept in view while scrolling. */
  frozenRows?: number;
  creator?: string;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Characters XML 1.0 cannot hold at all (controls but tab, newline and return; lone surrogates).
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to take out
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const XML_SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
export const xmlText = (s: string) => s.replace(NOT_XML, "").replace(XML_SPECIAL, (c) => ENTITY[c]);

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function stylesXml(styles: readonly XlsxStyle[]): string {
  const formats = [...new Set(styles.flatMap((s) => (s.numFmt ? [s.numFmt] : [])))];
  const fills = [...new Set(styles.flatMap((s) => (s.fill ? [s.fill] : [])))];
  const font = (bold: boolean) => `<font>${bold ? "<b/>" : ""}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  const xf = (s: XlsxStyle) => {
    const numFmtId = s.numFmt ? 164 + formats.indexOf(s.numFmt) : 0;
    const fillId = s.fill ? 2 + fills.indexOf(s.fill) : 0;
    return `<xf numFmtId="${numFmtId}" fontId="${s.bold ? 1 : 0}" fillId="${fillId}" borderId="0" xfId="0"${
      numFmtId ? ' applyNumberFormat="1"' : ""
    }${s.bold ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}/>`;
  };
  return `${HEAD}<styleSheet xmlns="${MAIN}">${
    formats.length
      ? `<numFmts count="${formats.length}">${formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(f)}"/>`).join("")}</numFmts>`
      : ""
  }<fonts count="2">${font(false)}${font(true)}</fonts><fills count="${2 + fills.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills
    .map((f) => `<fill><patternFill patternType="solid"><fgColor rgb="${f}"/><bgColor indexed="64"/></patternFill></fill>`)
    .join(
      "",
    )}</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${
    styles.length + 1
  }">${xf({})}${styles.map(xf).join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

/** The parts every file of a layout shares, compressed once. */
function fixedParts(layout: XlsxLayout): PreparedPart[] {
  return [
    preparePart(
      "[Content_Types].xml",
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    preparePart(
      "_rels/.rels",
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    preparePart(
      "docProps/core.xml",
      `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${xmlText(layout.creator ?? "")}</dc:creator></cp:coreProperties>`,
    ),
    preparePart(
      "xl/_rels/workbook.xml.rels",
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    preparePart("xl/styles.xml", stylesXml(layout.styles)),
  ];
}

function sheetHead(layout: XlsxLayout): string {
  const frozen = layout.frozenRows ?? 0;
  const pane = frozen
    ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`
    : "";
  const cols = layout.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ""}/>`)
    .join("");
  return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
}

const prepared = new WeakMap<XlsxLayout, { parts: PreparedPart[]; head: string; letters: string[] }>();

/**
 * Writes one worksheet named `sheetName` to `out`: add rows in order, then `end`. A row's styles
 * are one style number for every cell or one per cell (0 is the default).
 */
export async function openXlsx(out: Writable, layout: XlsxLayout, sheetName: string) {
  let fixed = prepared.get(layout);
  if (!fixed) {
    fixed = { parts: fixedParts(layout), head: sheetHead(layout), letters: layout.columns.map((_c, i) => columnName(i)) };
    prepared.set(layout, fixed);
  }
  const { parts, head, letters } = fixed;
  const zip = new ZipWriter(out);
  for (const part of parts) await zip.addPrepared(part);
  await zip.addPrepared(
    preparePart(
      "xl/workbook.xml",
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
  );
  const sheet = await zip.openPart("xl/worksheets/sheet1.xml");
  await sheet.write(head);
  let rowNumber = 0;
  return {
    async addRow(cells: readonly XlsxCell[], styles: number | readonly number[] = 0): Promise<void> {
      rowNumber++;
      let xml = `<row r="${rowNumber}">`;
      for (let i = 0; i < cells.length; i++) {
        const v = cells[i];
        const s = typeof styles === "number" ? styles : (styles[i] ?? 0);
        const ref = `${letters[i] ?? columnName(i)}${rowNumber}`;
        const style = s ? ` s="${s}"` : "";
        if (v === null || v === undefined || v === "") {
          if (s) xml += `<c r="${ref}"${style}/>`;
        } else if (typeof v === "number") {
          if (Number.isFinite(v)) xml += `<c r="${ref}"${style}><v>${v}</v></c>`;
        } else if (v instanceof Date) {
          xml += `<c r="${ref}"${style}><v>${(v.getTime() - EXCEL_EPOCH) / DAY_MS}</v></c>`;
        } else {
          const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
          xml += `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${xmlText(v)}</t></is></c>`;
        }
      }
      await sheet.write(`${xml}</row>`);
    },
    async end(): Promise<void> {
      await sheet.write("</sheetData></worksheet>");
      await sheet.end();
      await zip.finish();
      out.end();
    },
  };
}
