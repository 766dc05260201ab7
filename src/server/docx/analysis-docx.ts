import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import { type AnalysisFigures, formatFigure, periodPhrase } from "../../domain/analysis.js";
import { roundTo } from "../../domain/indicators.js";
import type { Locale } from "../../domain/people.js";
import { BODY_FONT, body, HEAD_FONT, PAGE_MARGIN, TITLE_FONT, table } from "./parts.js";

export interface AnalysisDocument {
  title: string;
  issuer: string;
  dated: string;
  figures: AnalysisFigures;
  sections: { heading: string; paragraphs: string[] }[];
}

const WORDS = {
  "zh-CN": {
    numbered: (i: number) => `${"一二三四五六七八九十"[i] ?? i + 1}、`,
    annex: "附表：主要经济指标完成情况",
    head: ["指标", "计量单位", "期间", "数值", "同比增长（%）", "年度目标", "完成目标（%）", "状态"],
    lights: { ahead: "快于目标", close: "接近目标", behind: "落后于目标" },
    dateLine: (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`,
  },
  en: {
    numbered: (i: number) => `${i + 1}. `,
    annex: "Annex: the main indicators",
    head: ["Indicator", "Unit", "Period", "Value", "Growth (%)", "Annual target", "Target done (%)", "Status"],
    lights: { ahead: "ahead", close: "close", behind: "behind" },
    dateLine: (d: string) => d,
  },
} as const;

/** The analysis as a document: title, numbered sections as edited, and the figures' table as an annex. */
export async function analysisDocx(doc: AnalysisDocument, locale: Locale): Promise<Buffer> {
  const w = WORDS[locale];
  const dash = "—";
  const rows = doc.figures.rows.map((r) => [
    r.name,
    r.measureUnit,
    periodPhrase(r.period, r.periodKind, locale),
    r.value == null ? dash : formatFigure(r.value, r.decimals, locale),
    r.growth == null ? (r.change == null ? dash : `${roundTo(r.change, 1).toFixed(1)} pt`) : roundTo(r.growth, 1).toFixed(1),
    r.target == null
      ? dash
      : r.targetKind === "growth"
        ? `${roundTo(r.target, 1).toFixed(1)}%`
        : formatFigure(r.target, r.decimals, locale),
    r.completion == null ? dash : roundTo(r.completion, 1).toFixed(1),
    r.light ? w.lights[r.light] : dash,
  ]);
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: doc.title, bold: true, font: TITLE_FONT, size: 44 })],
    }),
    ...doc.sections.flatMap((s, i) => [
      new Paragraph({
        spacing: { before: 240, line: 560 },
        indent: { firstLine: 640 },
        children: [new TextRun({ text: `${w.numbered(i)}${s.heading}`, font: HEAD_FONT, size: 32 })],
      }),
      ...s.paragraphs.filter((p) => p.trim()).map(body),
    ]),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 600 },
      children: [new TextRun({ text: doc.issuer, font: BODY_FONT, size: 32 })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: w.dateLine(doc.dated), font: BODY_FONT, size: 32 })],
    }),
    new Paragraph({
      pageBreakBefore: true,
      spacing: { after: 200 },
      children: [new TextRun({ text: w.annex, font: HEAD_FONT, size: 32 })],
    }),
    table(w.head, rows),
  ];
  const document = new Document({
    creator: doc.issuer,
    title: doc.title,
    sections: [{ properties: { page: { margin: PAGE_MARGIN } }, children }],
  });
  return Packer.toBuffer(document);
}
