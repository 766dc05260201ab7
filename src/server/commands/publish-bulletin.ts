import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type BulletinRow, bulletinRecipients, bulletins, regions, units } from "../../db/schema.js";
import type { BulletinContent } from "../../domain/bulletin.js";
import { writeAudit } from "../audit.js";
import type { RequestContext } from "../context.js";
import { conflict } from "../errors.js";
import { announce, type OutboxOptions } from "../notify/notify.js";
import { unitsInScope } from "../queries/bulletin-content.js";

/** The units a bulletin concerns: those ranked, those with late or red tasks, those with notices listed. */
export function unitsConcerned(content: BulletinContent): string[] {
  const ids = new Set<string>();
  for (const r of content.rankings) ids.add(r.unitId);
  for (const t of [...content.overdue, ...content.red]) ids.add(t.leadUnitId);
  return [...ids];
}

/** Publishes a draft to every unit whose tasks it covers, who are told and whose reading is recorded. */
export async function publishBulletin(
  ctx: RequestContext,
  input: { bulletin: BulletinRow; version?: number; outbox: OutboxOptions },
  tx: Queryable,
): Promise<BulletinRow> {
  const { bulletin } = input;
  if (bulletin.state !== "draft") throw conflict("bulletin_published");
  if (input.version !== undefined && bulletin.version !== input.version) throw conflict("stale_version", "version");
  const [region] = await tx.select({ path: regions.path }).from(regions).where(eq(regions.id, bulletin.regionId));
  const covered = await unitsInScope(tx, {
    regionPath: region.path,
    campaignId: bulletin.campaignId,
    from: bulletin.periodFrom,
    to: bulletin.periodTo,
  });
  const recipients = [...new Set([...unitsConcerned(bulletin.content as BulletinContent), ...covered])];
  const [row] = await tx
    .update(bulletins)
    .set({
      state: "published",
      publishedAt: sql`now()`,
      publishedByName: ctx.actor?.displayName ?? "system",
      version: bulletin.version + 1,
    })
    .where(eq(bulletins.id, bulletin.id))
    .returning();
  if (recipients.length)
    await tx
      .insert(bulletinRecipients)
      .values(recipients.map((unitId) => ({ bulletinId: bulletin.id, unitId })))
      .onConflictDoNothing();
  const [issuer] = await tx.select({ name: units.name }).from(units).where(eq(units.id, bulletin.issuerUnitId));
  await announce(tx, input.outbox, {
    unitIds: recipients,
    kind: "bulletin.published",
    entityType: "bulletin",
    entityId: bulletin.id,
    data: { number: row.number, title: row.title, issuer: issuer?.name ?? "" },
  });
  await writeAudit(tx, ctx, { action: "bulletin.publish", entityType: "bulletin", entityId: bulletin.id, after: { recipients } });
  return row;
}
