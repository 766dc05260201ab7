import { AlignmentType, BorderStyle, Document, Packer, Paragraph, type Table, TextRun } from "docx";
import type { BulletinContent } from "../../domain/bulletin.js";
import type { Locale } from "../../domain/people.js";
import { BODY_FONT, body, HEAD_FONT, linked, PAGE_MARGIN, TITLE_FONT, table } from "../docx/parts.js";
import { noticeName } from "../notify/messages.js";

export interface BulletinDocument {
  number: number;
  title: string;
  issuer: string;
  /** The date on the document: published, or generated for a draft. */
  dated: string;
  opening: string;
  closing: string;
  content: BulletinContent;
  draft: boolean;
}

const WORDS = {
  "zh-CN": {
    docNumber: (n: number, year: string) => `督通〔${year}〕${n}号`,
    draft: "（草稿）",
    sections: ["总体情况", "逾期任务", "红灯任务", "单位排名", "红色预警项目", "督办及未回复通知", "比学赶超"],
    flagHead: ["方案", "期间", "红旗", "黄旗"],
    projectHead: ["序号", "项目编码", "项目名称", "责任单位", "预警事项", "累计完成（万元）", "总投资（万元）"],
    warningKinds: {
      investment_behind: "投资进度滞后",
      node_overdue: "节点逾期",
      start_overdue: "未按期开工",
      no_report: "未按时填报",
    } as Record<string, string>,
    numbered: (i: number) => `${"一二三四五六七八九十"[i]}、`,
    summary: (c: BulletinContent) =>
      `截至 ${c.asOf}，通报范围内共有任务 ${c.summary.tasks} 项，本期应完成 ${c.summary.due} 项，已完成 ${c.summary.closed} 项，其中按期完成 ${c.summary.closedOnTime} 项；完成率 ${pct(c.summary.completionRate)}，按期完成率 ${pct(c.summary.onTimeRate)}。逾期未完成 ${c.summary.overdue} 项，亮红灯 ${c.summary.red} 项。`,
    none: "本期无。",
    taskHead: ["序号", "编号", "任务", "牵头单位", "截止日期", "逾期天数", "进度"],
    redHead: ["序号", "编号", "任务", "牵头单位", "截止日期", "进度"],
    rankHead: ["排名", "单位", "应完成", "已完成", "按期完成", "逾期", "完成率", "按期率"],
    noticeHead: ["编号", "类别", "单位", "下发日期", "回复期限", "状态"],
    replied: "已回复",
    unanswered: "未回复",
    dateLine: (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`,
  },
  en: {
    docNumber: (n: number, year: string) => `Supervision Bulletin [${year}] No. ${n}`,
    draft: " (draft)",
    sections: [
      "Overview",
      "Overdue tasks",
      "Red-light tasks",
      "Unit rankings",
      "Projects under a red warning",
      "Supervision and unanswered notices",
      "Mutual learning and competition",
    ],
    flagHead: ["Scheme", "Period", "Red flags", "Yellow flags"],
    projectHead: ["No.", "Code", "Project", "Lead unit", "Warnings", "Invested (10k yuan)", "Total (10k yuan)"],
    warningKinds: {
      investment_behind: "investment behind pace",
      node_overdue: "node overdue",
      start_overdue: "start overdue",
      no_report: "no report",
    } as Record<string, string>,
    numbered: (i: number) => `${i + 1}. `,
    summary: (c: BulletinContent) =>
      `As of ${c.asOf} the bulletin covers ${c.summary.tasks} tasks; ${c.summary.due} were due in the period and ${c.summary.closed} are done, ${c.summary.closedOnTime} of them on time: completion ${pct(c.summary.completionRate)}, on time ${pct(c.summary.onTimeRate)}. ${c.summary.overdue} are overdue and ${c.summary.red} show a red light.`,
    none: "None in this period.",
    taskHead: ["No.", "Task no.", "Task", "Lead unit", "Due", "Days late", "Progress"],
    redHead: ["No.", "Task no.", "Task", "Lead unit", "Due", "Progress"],
    rankHead: ["Rank", "Unit", "Due", "Done", "On time", "Overdue", "Completion", "On-time rate"],
    noticeHead: ["No.", "Kind", "Unit", "Issued", "Reply by", "State"],
    replied: "replied",
    unanswered: "unanswered",
    dateLine: (d: string) => d,
  },
} as const;

function pct(v: number | null): string {
  return v === null ? "—" : `${v}%`;
}

/**
 * The bulletin as an official document (公文): issuing office in red over a red rule, document
 * number, title, opening, numbered sections with tables, closing, and the office and date at the
 * foot. Task and notice numbers link to their records.
 */
export async function bulletinDocx(doc: BulletinDocument, locale: Locale, publicUrl: string): Promise<Buffer> {
  const w = WORDS[locale];
  const c = doc.content;
  const taskUrl = (id: string) => `${publicUrl}/tasks/${id}`;
  const noticeUrl = (id: string) => `${publicUrl}/notices/${id}`;
  const heading = (i: number) =>
    new Paragraph({
      spacing: { before: 240, line: 560 },
      indent: { firstLine: 640 },
      children: [new TextRun({ text: `${w.numbered(i)}${w.sections[i]}`, font: HEAD_FONT, size: 32 })],
    });
  const orNone = (items: unknown[], make: () => Table) => (items.length ? [make()] : [body(w.none)]);
  const noticeRows = (lines: BulletinContent["unanswered"]) =>
    lines.map((n) => [
      linked(String(n.number), noticeUrl(n.noticeId)),
      noticeName(n.kind, n.grade, locale),
      n.toUnit,
      n.issuedOn,
      n.replyBy ?? "—",
      n.replied ? w.replied : w.unanswered,
    ]);
  const supervisionAndUnanswered = [
    ...c.supervision,
    ...c.unanswered.filter((u) => !c.supervision.some((s) => s.noticeId === u.noticeId)),
  ];

  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.issuer, color: "C00000", bold: true, font: TITLE_FONT, size: 60 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 200 },
      border: { bottom: { color: "C00000", style: BorderStyle.SINGLE, size: 18, space: 8 } },
      children: [new TextRun({ text: w.docNumber(doc.number, doc.dated.slice(0, 4)), font: BODY_FONT, size: 32 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 400, after: 400 },
      children: [new TextRun({ text: `${doc.title}${doc.draft ? w.draft : ""}`, bold: true, font: TITLE_FONT, size: 44 })],
    }),
    ...doc.opening.split(/\n+/).filter(Boolean).map(body),
    heading(0),
    body(w.summary(c)),
    heading(1),
    ...orNone(c.overdue, () =>
      table(
        w.taskHead,
        c.overdue.map((t, i) => [
          String(i + 1),
          linked(`#${t.number}`, taskUrl(t.taskId)),
          t.title,
          t.leadUnit,
          t.dueOn,
          String(t.daysLate),
          `${Math.round(t.progress)}%`,
        ]),
      ),
    ),
    heading(2),
    ...orNone(c.red, () =>
      table(
        w.redHead,
        c.red.map((t, i) => [
          String(i + 1),
          linked(`#${t.number}`, taskUrl(t.taskId)),
          t.title,
          t.leadUnit,
          t.dueOn,
          `${Math.round(t.progress)}%`,
        ]),
      ),
    ),
    heading(3),
    ...orNone(c.rankings, () =>
      table(
        w.rankHead,
        c.rankings.map((r) => [
          String(r.rank),
          r.unit,
          String(r.due),
          String(r.closed),
          String(r.closedOnTime),
          String(r.overdue),
          pct(r.completionRate),
          pct(r.onTimeRate),
        ]),
      ),
    ),
    heading(4),
    ...orNone(c.projects ?? [], () =>
      table(
        w.projectHead,
        (c.projects ?? []).map((p, i) => [
          String(i + 1),
          linked(p.code, `${publicUrl}/projects/${p.projectId}`),
          p.name,
          p.leadUnit,
          p.kinds.map((k) => w.warningKinds[k] ?? k).join(locale === "en" ? ", " : "、"),
          p.invested.toLocaleString("zh-CN"),
          p.totalInvestment.toLocaleString("zh-CN"),
        ]),
      ),
    ),
    heading(5),
    ...orNone(supervisionAndUnanswered, () => table(w.noticeHead, noticeRows(supervisionAndUnanswered))),
    // Older bulletins have no flags: the section appears only where there is something to say.
    ...(c.flags?.length
      ? [
          heading(6),
          table(
            w.flagHead,
            c.flags.map((f) => [
              f.scheme,
              f.period,
              f.red.join(locale === "en" ? ", " : "、") || "—",
              f.yellow.join(locale === "en" ? ", " : "、") || "—",
            ]),
          ),
        ]
      : []),
    ...doc.closing.split(/\n+/).filter(Boolean).map(body),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 600 },
      children: [new TextRun({ text: doc.issuer, font: BODY_FONT, size: 32 })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: w.dateLine(doc.dated), font: BODY_FONT, size: 32 })],
    }),
  ];
  const document = new Document({
    creator: doc.issuer,
    title: doc.title,
    sections: [{ properties: { page: { margin: PAGE_MARGIN } }, children }],
  });
  return Packer.toBuffer(document);
}
