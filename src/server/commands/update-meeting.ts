import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type MeetingRow, meetings } from "../../db/schema.js";
import type { MeetingUpdate } from "../../schemas/meetings.js";
import { writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { conflict } from "../errors.js";
import { writeMeetingParts } from "./meeting-parts.js";

export async function updateMeeting(
  ctx: RequestContext,
  input: { meeting: MeetingRow; patch: MeetingUpdate },
  tx: Queryable,
): Promise<MeetingRow> {
  const { meeting, patch } = input;
  if (patch.version !== meeting.version) throw conflict("stale_version");
  const { version, studied, directives, ...fields } = patch;
  const [updated] = await tx
    .update(meetings)
    .set({ ...fields, version: meeting.version + 1, updatedAt: sql`now()` })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.version, version)))
    .returning();
  if (!updated) throw conflict("stale_version");
  await writeMeetingParts(tx, meeting.id, { studied, directives });
  const strip = ({ sourceText: _s, ...rest }: MeetingRow) => rest;
  await writeAudit(tx, ctx, {
    action: "meeting.update",
    entityType: "meeting",
    entityId: meeting.id,
    before: strip(meeting),
    after: {
      ...strip(updated),
      ...(studied ? { studied: studied.map((s) => s.text) } : {}),
      ...(directives ? { directives: directives.map((d) => d.text) } : {}),
    },
  });
  return updated;
}
