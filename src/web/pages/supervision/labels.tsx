import { Tag } from "antd";
import dayjs from "dayjs";
import type { NoticeOut } from "../../../schemas/supervision.js";
import type { Translate } from "../../i18n/index.js";
import { useT } from "../../i18n/index.js";

const GRADE_COLORS = { blue: "blue", yellow: "gold", red: "red" } as const;

/** 提醒 / 催办通知 / 督办单（红色）, coloured by grade. */
export function NoticeKindTag({ kind, grade }: Pick<NoticeOut, "kind" | "grade">) {
  const t = useT();
  const color = grade ? GRADE_COLORS[grade] : kind === "urge" ? "orange" : "default";
  return (
    <Tag color={color} data-testid="notice-kind">
      {t(`notice.kind.${kind}`)}
      {grade ? ` · ${t(`notice.grade.${grade}`)}` : ""}
    </Tag>
  );
}

const STATE_COLORS = {
  info: "default",
  awaiting: "processing",
  overdue: "error",
  replied: "success",
  escalated: "warning",
} as const;

export function NoticeStateTag({ state }: Pick<NoticeOut, "state">) {
  const t = useT();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="notice-state">
      {t(`notice.state.${state}`)}
    </Tag>
  );
}

/** What a notice says: the office's words, or why the jobs issued it. */
export function noticeText(n: Pick<NoticeOut, "body" | "reason">, t: Translate): string {
  if (n.body) return n.body;
  const r = n.reason;
  if (!r) return "";
  switch (r.type) {
    case "due":
      return r.days === 0
        ? t("notice.reason.dueToday", { dueOn: r.dueOn })
        : t("notice.reason.due", { dueOn: r.dueOn, days: r.days });
    case "report":
      return t("notice.reason.report", { period: r.period, end: r.end });
    case "late":
      return t("notice.reason.late", { dueOn: r.dueOn, days: r.days });
    case "project_warning":
      return t("notice.reason.projectWarning", {
        code: r.code,
        name: r.name,
        kind: t(`warningKind.${r.kind as "no_report"}`),
        level: t(`warningLevel.${r.level as "red"}`),
      });
    default:
      return t("notice.reason.unanswered", { number: r.number, replyBy: r.replyBy });
  }
}

/** A timestamp in the reader's own time zone. */
export const when = (iso: string | null) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "");
