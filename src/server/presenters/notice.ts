import type { z } from "zod";
import type { noticeOut } from "../../schemas/supervision.js";
import { type NoticeWithUnits, noticeState } from "../queries/notices.js";

type NoticeOut = z.infer<typeof noticeOut>;

export function presentNotice(
  n: NoticeWithUnits,
  tasks: NoticeOut["tasks"],
  projects: NoticeOut["projects"],
  canReply: boolean,
): NoticeOut {
  const state = noticeState(n);
  return {
    id: n.id,
    number: n.number,
    kind: n.kind,
    grade: n.grade,
    fromUnit: { id: n.fromUnitId, name: n.fromName },
    toUnit: { id: n.toUnitId, name: n.toName },
    body: n.body,
    reason: n.reason ?? null,
    createdByName: n.createdByName,
    automatic: n.createdBy === null,
    createdAt: n.createdAt,
    replyBy: n.replyBy,
    recipients: n.recipients,
    readAt: n.readAt,
    readByName: n.readByName,
    repliedAt: n.repliedAt,
    repliedByName: n.repliedByName,
    replyText: n.replyText,
    replyPlan: n.replyPlan,
    escalatedToId: n.escalatedToId,
    escalatedAt: n.escalatedAt,
    state,
    tasks,
    projects,
    canReply: canReply && n.kind !== "reminder" && !n.repliedAt,
  };
}
