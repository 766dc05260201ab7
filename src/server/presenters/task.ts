import type { AttachmentRow } from "../../db/schema.js";
import type { ReportOut, TaskBriefOut, TaskOut, TaskSummaryOut } from "../../schemas/tasks.js";
import type { TaskBrief } from "../queries/my-work.js";
import type { EventOnPage, ReportOnPage, taskDetail } from "../queries/task-detail.js";
import type { TaskSummary } from "../queries/tasks.js";
import { iso, isoOrNull } from "./time.js";

export function presentTaskSummary(t: TaskSummary): TaskSummaryOut {
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    parentId: t.parentId,
    campaignId: t.campaignId,
    campaignName: t.campaignName,
    ownerUnit: { id: t.ownerUnitId, name: t.ownerName },
    leadUnit: { id: t.leadUnitId, name: t.leadName },
    coUnits: t.coUnits,
    responsibleLeader: t.responsibleLeader,
    startOn: t.startOn,
    dueOn: t.dueOn,
    state: t.state,
    light: t.light,
    lightReasons: t.lightReasons,
    lightOverridden: t.lightOverride !== null,
    progress: t.progress,
    targetKind: t.targetKind,
    targetValue: t.targetValue,
    targetUnit: t.targetUnit,
    measuredValue: t.measuredValue,
    weight: t.weight,
    childCount: t.childCount,
    sourceMeetings: t.sourceMeetings,
    version: t.version,
    updatedAt: iso(t.updatedAt),
  };
}

export const presentTaskBrief = (t: TaskBrief): TaskBriefOut => ({
  id: t.id,
  number: t.number,
  title: t.title,
  state: t.state,
  light: t.light,
  lightReasons: t.lightReasons,
  lightOverridden: t.lightOverridden,
  dueOn: t.dueOn,
  progress: t.progress,
  ownerUnit: t.ownerUnit,
  leadUnit: t.leadUnit,
});

export const presentAttachment = (a: Pick<AttachmentRow, "id" | "name" | "mime" | "size" | "sha256">) => ({
  id: a.id,
  name: a.name,
  mime: a.mime,
  size: a.size,
  sha256: a.sha256,
});

export function presentReport(r: ReportOnPage): ReportOut {
  return {
    id: r.id,
    taskId: r.taskId,
    kind: r.kind,
    unit: { id: r.unitId, name: r.unitName },
    period: r.period,
    narrative: r.narrative,
    percent: r.percent,
    measuredValue: r.measuredValue,
    submittedByName: r.submittedByName,
    submittedAt: iso(r.submittedAt),
    review: r.review,
    reviewReason: r.reviewReason,
    reviewedAt: isoOrNull(r.reviewedAt),
    attachments: r.attachments.map(presentAttachment),
  };
}

const presentEvent = (e: EventOnPage) => ({
  id: e.id,
  at: iso(e.at),
  actorName: e.actorName,
  kind: e.kind,
  fromState: e.fromState,
  toState: e.toState,
  reason: e.reason,
  data: (e.data as Record<string, unknown> | null) ?? null,
});

export function presentTask(
  detail: Awaited<ReturnType<typeof taskDetail>>,
  extra: {
    description: string | null;
    cadence: TaskOut["cadence"];
    lightOverrideReason: string | null;
    currentPeriod: string;
    abilities: TaskOut["abilities"];
  },
): TaskOut {
  return {
    ...presentTaskSummary(detail.summary),
    ...extra,
    path: detail.path,
    directives: detail.directives,
    milestones: detail.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    children: detail.children.map(presentTaskSummary),
    reports: detail.reports.map(presentReport),
    events: detail.events.map(presentEvent),
  };
}
