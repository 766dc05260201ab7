import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { directives, studiedItems } from "../../db/schema.js";
import type { MeetingCreate } from "../../schemas/meetings.js";
import { badRequest } from "../errors.js";
import { existingMeetingIds } from "../queries/meetings.js";

/** Writes a meeting's studied items and directives in order, replacing what it had. */
export async function writeMeetingParts(
  tx: Queryable,
  meetingId: string,
  parts: { studied?: MeetingCreate["studied"]; directives?: MeetingCreate["directives"] },
): Promise<void> {
  if (parts.studied) {
    const links = parts.studied.map((s) => s.linkedMeetingId).filter((id): id is string => !!id);
    const known = await existingMeetingIds(tx, links);
    parts.studied.forEach((s, i) => {
      if (s.linkedMeetingId && (!known.has(s.linkedMeetingId) || s.linkedMeetingId === meetingId))
        throw badRequest(`studied.${i}.linkedMeetingId`, "meeting_missing");
    });
    await tx.delete(studiedItems).where(eq(studiedItems.meetingId, meetingId));
    if (parts.studied.length) {
      await tx
        .insert(studiedItems)
        .values(parts.studied.map((s, i) => ({ meetingId, ordinal: i + 1, text: s.text, linkedMeetingId: s.linkedMeetingId })));
    }
  }
  if (parts.directives) {
    await tx.delete(directives).where(eq(directives.meetingId, meetingId));
    if (parts.directives.length) {
      await tx.insert(directives).values(
        parts.directives.map((d, i) => ({
          meetingId,
          ordinal: i + 1,
          text: d.text,
          topic: d.topic,
          sourceStart: d.sourceStart,
          sourceEnd: d.sourceEnd,
        })),
      );
    }
  }
}
