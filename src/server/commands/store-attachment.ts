import type { Queryable } from "../../db/connection.js";
import { type AttachmentRow, attachments } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest } from "../errors.js";
import { sniffType, storeFile } from "../files.js";

/** Keeps an uploaded piece of evidence: its type checked by content, its bytes stored by hash, its name as given. */
export async function storeAttachment(
  ctx: ActingContext,
  input: { name: string; content: Buffer; filesDir: string },
  tx: Queryable,
): Promise<AttachmentRow> {
  if (!input.content.length) throw badRequest("file", "file_empty");
  const mime = sniffType(input.content, input.name);
  if (!mime) throw badRequest("file", "attachment_type");
  const sha256 = await storeFile(input.filesDir, input.content);
  const [row] = await tx
    .insert(attachments)
    .values({ sha256, name: input.name, mime, size: input.content.length, createdBy: ctx.actor.id })
    .returning();
  await writeAudit(tx, ctx, { action: "attachment.upload", entityType: "attachment", entityId: row.id, after: row });
  return row;
}
