import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type BulletinRow, bulletins, regions } from "../../db/schema.js";
import { writeAudit } from "../audit.js";
import { todayIso } from "../clock.js";
import type { ActingContext } from "../context.js";
import { conflict } from "../errors.js";
import { bulletinContent } from "../queries/bulletin-content.js";

export interface UpdateBulletinInput {
  version: number;
  title?: string;
  opening?: string;
  closing?: string;
  /** Take the figures again as they stand today. */
  regenerate?: boolean;
}

/** Edits a draft's title, opening and closing, or takes its figures again; a published bulletin stays as published. */
export async function updateBulletin(
  ctx: ActingContext,
  bulletin: BulletinRow,
  input: UpdateBulletinInput,
  tx: Queryable,
): Promise<BulletinRow> {
  if (bulletin.state !== "draft") throw conflict("bulletin_published");
  if (bulletin.version !== input.version) throw conflict("stale_version", "version");
  let content = bulletin.content;
  if (input.regenerate) {
    const [region] = await tx.select().from(regions).where(eq(regions.id, bulletin.regionId));
    content = await bulletinContent(tx, {
      regionPath: region.path,
      campaignId: bulletin.campaignId,
      from: bulletin.periodFrom,
      to: bulletin.periodTo,
      today: todayIso(),
    });
  }
  const [row] = await tx
    .update(bulletins)
    .set({
      title: input.title?.trim() || bulletin.title,
      opening: input.opening ?? bulletin.opening,
      closing: input.closing ?? bulletin.closing,
      content,
      generatedAt: input.regenerate ? sql`now()` : bulletin.generatedAt,
      version: bulletin.version + 1,
    })
    .where(eq(bulletins.id, bulletin.id))
    .returning();
  await writeAudit(tx, ctx, {
    action: input.regenerate ? "bulletin.regenerate" : "bulletin.update",
    entityType: "bulletin",
    entityId: bulletin.id,
    before: { title: bulletin.title, opening: bulletin.opening, closing: bulletin.closing },
    after: { title: row.title, opening: row.opening, closing: row.closing },
  });
  return row;
}
