import type { Locale } from "./people.js";
import type { TaskState } from "./task-states.js";

/**
 * The work ledger (台账): the spreadsheet offices keep of their tasks. Columns are found by
 * their header in either language, so a ledger can be reordered, and columns the office adds
 * are left alone. Read-only columns are exported for reading and ignored on import: progress,
 * state and light come from reports and steps, not from a cell.
 */
export const LEDGER_COLUMNS = [
  { key: "number", "zh-CN": "序号", en: "No.", width: 8, readOnly: false },
  { key: "title", "zh-CN": "任务", en: "Task", width: 48, readOnly: false },
  { key: "sourceMeeting", "zh-CN": "来源会议", en: "Source meeting", width: 28, readOnly: true },
  { key: "leadUnit", "zh-CN": "牵头单位", en: "Lead unit", width: 20, readOnly: false },
  { key: "coUnits", "zh-CN": "配合单位", en: "Co-operating units", width: 28, readOnly: false },
  { key: "responsibleLeader", "zh-CN": "责任领导", en: "Responsible leader", width: 12, readOnly: false },
  { key: "dueOn", "zh-CN": "完成时限", en: "Deadline", width: 12, readOnly: false },
  { key: "progress", "zh-CN": "进度", en: "Progress", width: 8, readOnly: true },
  { key: "state", "zh-CN": "状态", en: "State", width: 10, readOnly: true },
  { key: "light", "zh-CN": "亮灯", en: "Light", width: 8, readOnly: true },
  { key: "startOn", "zh-CN": "开始日期", en: "Start", width: 12, readOnly: false },
  { key: "campaign", "zh-CN": "专项行动", en: "Campaign", width: 24, readOnly: false },
  { key: "parentNumber", "zh-CN": "上级任务序号", en: "Parent task No.", width: 10, readOnly: false },
  { key: "deadlineReason", "zh-CN": "时限调整理由", en: "Deadline change reason", width: 24, readOnly: false },
  { key: "version", "zh-CN": "版本", en: "Version", width: 8, readOnly: false },
] as const;

export type LedgerColumnKey = (typeof LEDGER_COLUMNS)[number]["key"];

/** Cell text a spreadsheet would run as a formula (CWE-1236): = + - @, and tab or CR that some programs strip first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes an apostrophe so the cell stays text when opened; import takes it off again. */
export function escapeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unescapeCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const header = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/**
 * Which column holds which field, from a header row (1-based cell positions as a spreadsheet
 * counts). Null when the row is not a ledger header: it must name at least the task column.
 */
export function columnsFromHeader(cells: readonly (string | null | undefined)[]): Map<LedgerColumnKey, number> | null {
  const byName = new Map<string, LedgerColumnKey>();
  for (const c of LEDGER_COLUMNS) {
    byName.set(header(c["zh-CN"]), c.key);
    byName.set(header(c.en), c.key);
  }
  const found = new Map<LedgerColumnKey, number>();
  cells.forEach((cell, i) => {
    const key = cell ? byName.get(header(cell)) : undefined;
    if (key && !found.has(key)) found.set(key, i);
  });
  return found.has("title") ? found : null;
}

/** A date cell as the spreadsheet gave it: a Date (UTC midnight), or text as 2026-12-31, 2026/12/31, 2026.12.31 or 2026年12月31日. */
export function parseLedgerDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== "string") return null;
  const m = value.trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A list of names in one cell, as offices write it: separated by 、，, ; ； or new lines. */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、，,;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The task number in a cell: 12, "12" or "#12". */
export function parseTaskNumber(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim().replace(/^#/, "") : "";
  return /^\d{1,15}$/.test(text) ? Number(text) : null;
}

const STATE_LABELS: Record<TaskState, Record<Locale, string>> = {
  draft: { "zh-CN": "草稿", en: "draft" },
  assigned: { "zh-CN": "已交办", en: "assigned" },
  accepted: { "zh-CN": "已签收", en: "signed for" },
  in_progress: { "zh-CN": "办理中", en: "in progress" },
  completion_requested: { "zh-CN": "申请办结", en: "completion requested" },
  closed: { "zh-CN": "已办结", en: "closed" },
  returned: { "zh-CN": "已退回", en: "returned" },
  cancelled: { "zh-CN": "已撤销", en: "cancelled" },
};

const LIGHT_LABELS = {
  green: { "zh-CN": "绿灯", en: "green" },
  yellow: { "zh-CN": "黄灯", en: "yellow" },
  red: { "zh-CN": "红灯", en: "red" },
} as const;

export const stateLabel = (state: TaskState, locale: Locale) => STATE_LABELS[state][locale];
export const lightLabel = (light: keyof typeof LIGHT_LABELS | null, locale: Locale) => (light ? LIGHT_LABELS[light][locale] : "");
