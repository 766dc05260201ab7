import type { Locale } from "../../domain/people.js";
import type { InstructionSubject, NoticeGrade, NoticeKind, NoticeReason } from "../../domain/supervision.js";

/** What each kind of notification carries; the inbox, e-mails and robots render it in the reader's language. */
export interface NotificationData {
  "notice.issued": {
    number: number;
    kind: NoticeKind;
    grade: NoticeGrade | null;
    fromUnit: string;
    tasks: { number: number; title: string }[];
    projects?: { code: string; name: string }[];
    replyBy: string | null;
    body: string;
    reason: NoticeReason | null;
  };
  "notice.replied": { number: number; toUnit: string; replyText: string };
  "instruction.issued": { author: string; subjectType: InstructionSubject; subjectTitle: string; text: string };
  "bulletin.published": { number: number; title: string; issuer: string };
  "bulletin.drafted": { number: number; title: string };
}
export type NotificationKind = keyof NotificationData;

export interface RenderedMessage {
  subject: string;
  text: string;
  /** Path in the web app. */
  path: string;
}

const NOTICE_NAMES: Record<Locale, Record<NoticeKind, string>> = {
  "zh-CN": { reminder: "提醒", urge: "催办通知", supervision: "督办单" },
  en: { reminder: "Reminder", urge: "Urge notice", supervision: "Supervision notice" },
};
const GRADE_NAMES: Record<Locale, Record<NoticeGrade, string>> = {
  "zh-CN": { blue: "蓝色", yellow: "黄色", red: "红色" },
  en: { blue: "blue", yellow: "yellow", red: "red" },
};
const SUBJECT_NAMES: Record<Locale, Record<InstructionSubject, string>> = {
  "zh-CN": { task: "任务", meeting: "会议", campaign: "专项行动", bulletin: "通报" },
  en: { task: "task", meeting: "meeting", campaign: "campaign", bulletin: "bulletin" },
};

/** The name of a notice as offices write it: 督办单（红色） / Supervision notice (red). */
export function noticeName(kind: NoticeKind, grade: NoticeGrade | null, locale: Locale): string {
  const name = NOTICE_NAMES[locale][kind];
  if (!grade) return name;
  return locale === "en" ? `${name} (${GRADE_NAMES.en[grade]})` : `${name}（${GRADE_NAMES["zh-CN"][grade]}）`;
}

/** Says why the jobs issued a notice, in the reader's language. */
export function reasonText(reason: NoticeReason, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (reason.type) {
    case "due":
      if (reason.days === 0)
        return zh
          ? `任务今天（${reason.dueOn}）到期，请确保按时完成。`
          : `Due today (${reason.dueOn}): please make sure it is done.`;
      return zh
        ? `任务将于 ${reason.dueOn} 到期（还有 ${reason.days} 天），请抓紧推进。`
        : `Due on ${reason.dueOn} (in ${reason.days} days): please press on.`;
    case "report":
      return zh
        ? `${reason.period} 期进展尚未报送，请于 ${reason.end} 前报送。`
        : `The report for ${reason.period} is not in yet: please submit it by ${reason.end}.`;
    case "late":
      return zh
        ? `任务已于 ${reason.dueOn} 到期，逾期 ${reason.days} 天，请说明原因并报送整改计划。`
        : `Due on ${reason.dueOn} and ${reason.days} days late: please explain and send a new plan.`;
    case "project_warning": {
      const kinds: Record<string, [string, string]> = {
        investment_behind: ["投资进度滞后", "investment behind pace"],
        node_overdue: ["节点逾期", "a node overdue"],
        start_overdue: ["未按期开工", "start overdue"],
        no_report: ["未按时填报", "no report"],
      };
      const [kzh, ken] = kinds[reason.kind] ?? [reason.kind, reason.kind];
      return zh
        ? `项目 ${reason.code}「${reason.name}」${kzh}，已亮${reason.level === "red" ? "红" : "黄"}色预警，请说明原因并报送整改措施。`
        : `Project ${reason.code} "${reason.name}": ${ken}, a ${reason.level} warning. Please explain and send the measures taken.`;
    }
    default:
      return zh
        ? `第 ${reason.number} 号通知要求于 ${reason.replyBy} 前回复，至今未复，升级督办。`
        : `Notice No. ${reason.number} asked for a reply by ${reason.replyBy} and had none: escalated.`;
  }
}

const taskLine = (t: { number: number; title: string }) => `#${t.number} ${t.title}`;

export function renderNotification<K extends NotificationKind>(
  kind: K,
  data: NotificationData[K],
  entityId: string,
  locale: Locale,
): RenderedMessage {
  const zh = locale === "zh-CN";
  switch (kind) {
    case "notice.issued": {
      const d = data as NotificationData["notice.issued"];
      const name = noticeName(d.kind, d.grade, locale);
      const tasks = [...d.tasks.map(taskLine), ...(d.projects ?? []).map((p) => `${p.code} ${p.name}`)];
      const reply = d.replyBy ? (zh ? `请于 ${d.replyBy} 前回复。` : `Please reply by ${d.replyBy}.`) : "";
      return {
        subject: zh ? `【${name}】第 ${d.number} 号 · ${d.fromUnit}` : `[${name}] No. ${d.number} from ${d.fromUnit}`,
        text: [d.body || (d.reason ? reasonText(d.reason, locale) : ""), ...tasks, reply].filter(Boolean).join("\n"),
        path: `/notices/${entityId}`,
      };
    }
    case "notice.replied": {
      const d = data as NotificationData["notice.replied"];
      return {
        subject: zh ? `${d.toUnit} 已回复第 ${d.number} 号通知` : `${d.toUnit} replied to notice No. ${d.number}`,
        text: d.replyText,
        path: `/notices/${entityId}`,
      };
    }
    case "instruction.issued": {
      const d = data as NotificationData["instruction.issued"];
      const subject = SUBJECT_NAMES[locale][d.subjectType];
      return {
        subject: zh
          ? `${d.author} 对${subject}「${d.subjectTitle}」作出批示`
          : `${d.author}'s instruction on the ${subject} "${d.subjectTitle}"`,
        text: d.text,
        path: `/instructions/${entityId}`,
      };
    }
    case "bulletin.published": {
      const d = data as NotificationData["bulletin.published"];
      return {
        subject: zh ? `${d.issuer} 发布通报：${d.title}` : `${d.issuer} published a bulletin: ${d.title}`,
        text: zh ? "请及时阅读。" : "Please read it.",
        path: `/bulletins/${entityId}`,
      };
    }
    default: {
      const d = data as NotificationData["bulletin.drafted"];
      return {
        subject: zh ? `定期通报草稿已生成：${d.title}` : `A scheduled bulletin is drafted: ${d.title}`,
        text: zh ? "请审阅后发布。" : "Review it and publish it.",
        path: `/bulletins/${entityId}`,
      };
    }
  }
}
