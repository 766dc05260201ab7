import { eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { directives, studiedItems, taskDirectives } from "../../db/schema.js";
import { similarityBands } from "../../domain/similar-text.js";
import type { MeetingCreate } from "../../schemas/meetings.js";
import { badRequest, conflict } from "../errors.js";
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
  if (parts.directives) await writeDirectives(tx, meetingId, parts.directives);
}

/**
 * Directives are updated in place: one sent with its id keeps that id (tasks link to it), one
 * without is new, and one left out is removed.
 */
async function writeDirectives(tx: Queryable, meetingId: string, list: MeetingCreate["directives"]): Promise<void> {
  const existing = new Set(
    (await tx.select({ id: directives.id }).from(directives).where(eq(directives.meetingId, meetingId))).map((r) => r.id),
  );
  const seen = new Set<string>();
  list.forEach((d, i) => {
    if (d.id && (!existing.has(d.id) || seen.has(d.id))) throw badRequest(`directives.${i}.id`, "directive_missing");
    if (d.id) seen.add(d.id);
  });
  const gone = [...existing].filter((id) => !seen.has(id));
  if (gone.length) {
    const implemented = await tx
      .select({ id: taskDirectives.directiveId })
      .from(taskDirectives)
      .where(inArray(taskDirectives.directiveId, gone))
      .limit(1);
    if (implemented.length) throw conflict("directive_has_tasks", "directives");
    await tx.delete(directives).where(inArray(directives.id, gone));
  }
  for (const [i, d] of list.entries()) {
    const fields = {
      ordinal: i + 1,
      text: d.text,
      topic: d.topic,
      sourceStart: d.sourceStart,
      sourceEnd: d.sourceEnd,
      similarityBands: similarityBands(d.text),
    };
    if (d.id)
      await tx
        .update(directives)
        .set({ ...fields, updatedAt: sql`now()` })
        .where(eq(directives.id, d.id));
    else await tx.insert(directives).values({ meetingId, ...fields });
  }
}
