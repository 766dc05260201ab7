/**
 * What a bulletin (通报) says: the snapshot taken when it is generated, from which the screen and
 * the .docx are both drawn, so they list the same items. Pure.
 */
import type { NoticeGrade, NoticeKind } from "./supervision.js";

export interface BulletinTaskLine {
  taskId: string;
  number: number;
  title: string;
  leadUnitId: string;
  leadUnit: string;
  dueOn: string;
  progress: number;
  /** Days past the deadline on the day the bulletin looks at (0 for red tasks not yet late). */
  daysLate: number;
}

export interface BulletinRanking {
  unitId: string;
  unit: string;
  /** Tasks due by the end of the period. */
  due: number;
  closed: number;
  closedOnTime: number;
  overdue: number;
  /** Closed on or before the deadline, of those due (0–100); null with nothing due. */
  onTimeRate: number | null;
  completionRate: number | null;
  rank: number;
}

export interface BulletinNoticeLine {
  noticeId: string;
  number: number;
  kind: NoticeKind;
  grade: NoticeGrade | null;
  toUnit: string;
  issuedOn: string;
  replyBy: string | null;
  replied: boolean;
}

export interface BulletinProjectLine {
  projectId: string;
  code: string;
  name: string;
  leadUnit: string;
  /** The kinds of red warning standing on it. */
  kinds: string[];
  invested: number;
  totalInvestment: number;
}

export interface BulletinContent {
  /** The day the figures stand on: the end of the period, or the day of generation if earlier. */
  asOf: string;
  summary: {
    tasks: number;
    due: number;
    closed: number;
    closedOnTime: number;
    overdue: number;
    red: number;
    onTimeRate: number | null;
    completionRate: number | null;
  };
  overdue: BulletinTaskLine[];
  red: BulletinTaskLine[];
  rankings: BulletinRanking[];
  /** Urge and supervision notices past their reply date with no reply. */
  unanswered: BulletinNoticeLine[];
  /** Supervision notices (督办单) issued in the period. */
  supervision: BulletinNoticeLine[];
  /** Major projects under a red warning (absent from bulletins made before projects were reported on). */
  projects?: BulletinProjectLine[];
  /** Evaluation results published for periods ending in the bulletin's: who holds the flags (absent from older bulletins). */
  flags?: BulletinFlagLine[];
}

export interface BulletinFlagLine {
  schemeId: string;
  scheme: string;
  period: string;
  red: string[];
  yellow: string[];
}

export const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Ranks units: completion rate, then on-time rate, then fewer overdue; equal figures share a rank. */
export function rankUnits(rows: Omit<BulletinRanking, "rank" | "onTimeRate" | "completionRate">[]): BulletinRanking[] {
  const scored = rows.map((r) => ({
    ...r,
    onTimeRate: rate(r.closedOnTime, r.due),
    completionRate: rate(r.closed, r.due),
    rank: 0,
  }));
  const key = (r: BulletinRanking) => [r.completionRate ?? -1, r.onTimeRate ?? -1, -r.overdue] as const;
  scored.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return a.unit.localeCompare(b.unit, "zh-CN");
  });
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    r.rank = prev && key(prev).every((v, j) => v === key(r)[j]) ? prev.rank : i + 1;
  });
  return scored;
}

/** Whether a bulletin would say anything at all: no task in its scope and period means nothing to report. */
export const bulletinIsEmpty = (c: BulletinContent) =>
  c.summary.tasks === 0 && c.unanswered.length === 0 && c.supervision.length === 0;

/** The default title: 关于2026年10月重点工作落实情况的通报 / Bulletin on the implementation of key work, 2026-10-01 to 2026-10-31. */
export function defaultBulletinTitle(from: string, to: string, locale: "zh-CN" | "en"): string {
  const wholeMonth = from.slice(0, 7) === to.slice(0, 7) && from.endsWith("-01") && isMonthEnd(to);
  if (locale === "en") return `Bulletin on the implementation of key work, ${wholeMonth ? from.slice(0, 7) : `${from} to ${to}`}`;
  const span = wholeMonth ? `${Number(from.slice(0, 4))}年${Number(from.slice(5, 7))}月` : `${from}至${to}`;
  return `关于${span}重点工作落实情况的通报`;
}

function isMonthEnd(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}
