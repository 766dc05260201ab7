import type { DirectiveRow, MeetingRow } from "../../db/schema.js";
import type { MeetingOut, MeetingSummaryOut } from "../../schemas/meetings.js";
import type { meetingDetail } from "../queries/meetings.js";
import { iso } from "./time.js";

type Summary = MeetingRow & { unitName: string; directiveCount: number };

export function presentMeetingSummary(m: Summary): MeetingSummaryOut {
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    heldOn: m.heldOn,
    unitId: m.unitId,
    unitName: m.unitName,
    organizer: m.organizer,
    presiders: m.presiders,
    directiveCount: Number(m.directiveCount),
    version: m.version,
    createdAt: iso(m.createdAt),
  };
}

export function presentDirective(d: DirectiveRow) {
  return {
    id: d.id,
    meetingId: d.meetingId,
    ordinal: d.ordinal,
    text: d.text,
    topic: d.topic,
    sourceStart: d.sourceStart,
    sourceEnd: d.sourceEnd,
  };
}

export function presentMeeting(m: Summary, detail: Awaited<ReturnType<typeof meetingDetail>>): MeetingOut {
  return {
    ...presentMeetingSummary({ ...m, directiveCount: detail.directives.length }),
    speakers: m.speakers,
    attendees: m.attendees,
    lang: m.lang === "en" ? "en" : "zh",
    sourceText: m.sourceText,
    sourceFile: m.sourceFile,
    studied: detail.studied.map((s) => ({
      id: s.id,
      ordinal: s.ordinal,
      text: s.text,
      linkedMeetingId: s.linkedMeetingId,
      linkedMeetingTitle: s.linkedMeetingTitle,
    })),
    directives: detail.directives.map((d) => ({ ...presentDirective(d), repeats: d.repeats })),
    conveyedBy: detail.conveyedBy,
  };
}
