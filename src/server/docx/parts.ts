/** The pieces of an official document (公文) in Word: the fonts, body paragraphs, tables. */
import { AlignmentType, ExternalHyperlink, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";

/** The margins of GB/T 9704 (37 mm top, 35 mm bottom, 28 mm left, 26 mm right), in twips. */
export const PAGE_MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };

export const BODY_FONT = { ascii: "FangSong", eastAsia: "仿宋_GB2312", hAnsi: "FangSong" };
export const HEAD_FONT = { ascii: "SimHei", eastAsia: "黑体", hAnsi: "SimHei" };
export const TITLE_FONT = { ascii: "SimSun", eastAsia: "方正小标宋简体", hAnsi: "SimSun" };

export const body = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: BODY_FONT, size: 32 })],
  });

export function cell(content: string | Paragraph, header = false): TableCell {
  const paragraph =
    typeof content === "string"
      ? new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: content, bold: header, font: BODY_FONT, size: 21 })],
        })
      : content;
  return new TableCell({ children: [paragraph] });
}

export const linked = (text: string, url: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ExternalHyperlink({ link: url, children: [new TextRun({ text, style: "Hyperlink", font: BODY_FONT, size: 21 })] }),
    ],
  });

export function table(head: readonly string[], rows: (string | Paragraph)[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}
