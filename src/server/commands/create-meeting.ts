import type { Queryable } from "../../db/connection.js";
import { type MeetingRow, meetings } from "../../db/schema.js";
import type { MeetingCreate } from "../../schemas/meetings.js";
import { writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { conflict } from "../errors.js";
import { findMeetingByHash, reportHash } from "../queries/meetings.js";
import { writeMeetingParts } from "./meeting-parts.js";

/** Registers a meeting with what it studied and deployed; the same report twice is refused. */
export async function createMeeting(
  ctx: RequestContext,
  input: MeetingCreate & { unitId: string },
  tx: Queryable,
): Promise<MeetingRow> {
  const sourceHash = input.sourceText.trim() ? reportHash(input.sourceText) : null;
  if (sourceHash) {
    const existing = await findMeetingByHash(tx, sourceHash);
    if (existing) throw conflict("meeting_duplicate", "sourceText", { title: existing.title });
  }
  const { studied, directives, ...fields } = input;
  const [meeting] = await tx
    .insert(meetings)
    .values({ ...fields, sourceHash, createdBy: ctx.actor?.id ?? null })
    .returning();
  await writeMeetingParts(tx, meeting.id, { studied, directives });
  const { sourceText: _omit, ...summary } = meeting;
  await writeAudit(tx, ctx, {
    action: "meeting.create",
    entityType: "meeting",
    entityId: meeting.id,
    after: { ...summary, studied: studied.map((s) => s.text), directives: directives.map((d) => d.text) },
  });
  return meeting;
}
