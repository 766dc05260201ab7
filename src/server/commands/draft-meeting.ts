import type { Queryable } from "../../db/connection.js";
import { suggestTopic } from "../../domain/meetings.js";
import { detectLang, readReport } from "../../reader/index.js";
import type { DraftOut } from "../../schemas/meetings.js";
import { badRequest } from "../errors.js";
import { findMeetingByHash, reportHash } from "../queries/meetings.js";

/** What the reader proposes for a report; nothing is saved. Says when the same report is already registered. */
export async function draftMeeting(db: Queryable, input: { text: string; fileName?: string | null }): Promise<DraftOut> {
  if (!input.text.trim()) throw badRequest("text", "report_empty");
  if (!detectLang(input.text)) throw badRequest("text", "report_language");
  const r = readReport(input.text);
  const existing = await findMeetingByHash(db, reportHash(r.text));
  return {
    draft: {
      title: r.title,
      kind: r.meetingType,
      heldOn: r.date,
      organizer: r.organizer,
      presiders: r.presiders,
      speakers: r.speakers,
      attendees: r.attendees,
      lang: r.lang,
      sourceText: r.text,
      sourceFile: input.fileName ?? null,
      studied: r.studied.map((text) => ({ text, linkedMeetingId: null })),
      directives: r.directives.map((d) => ({
        text: d.text,
        topic: suggestTopic(d.text),
        sourceStart: d.start,
        sourceEnd: d.end,
      })),
    },
    duplicateOf: existing ? { id: existing.id, title: existing.title } : null,
  };
}
