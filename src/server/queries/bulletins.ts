import { and, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/connection.js";
import { type BulletinRow, bulletinRecipients, bulletins, campaigns, regions, units } from "../../db/schema.js";
import { type Actor, hasRole, unitScopeOf } from "../../domain/scope.js";
import { notFound } from "../errors.js";
import type { ScopedBulletin } from "../policies/supervision.js";
import { afterCursor, pageFrom } from "./paging.js";
import { anyOf } from "./task-scope.js";

const issuerRegion = alias(regions, "issuer_region");
const scopeRegion = alias(regions, "scope_region");

export type LoadedBulletin = BulletinRow & {
  issuerName: string;
  issuerRegionPath: string;
  regionName: string;
  campaignName: string | null;
  recipientIds: string[];
};

export async function loadBulletin(db: Queryable, id: string): Promise<LoadedBulletin> {
  const [row] = await db
    .select({
      b: bulletins,
      issuerName: units.name,
      issuerRegionPath: issuerRegion.path,
      regionName: scopeRegion.name,
      campaignName: campaigns.name,
    })
    .from(bulletins)
    .innerJoin(units, eq(units.id, bulletins.issuerUnitId))
    .innerJoin(issuerRegion, eq(issuerRegion.id, units.regionId))
    .innerJoin(scopeRegion, eq(scopeRegion.id, bulletins.regionId))
    .leftJoin(campaigns, eq(campaigns.id, bulletins.campaignId))
    .where(eq(bulletins.id, id));
  if (!row) throw notFound();
  const recipients = await db
    .select({ unitId: bulletinRecipients.unitId })
    .from(bulletinRecipients)
    .where(eq(bulletinRecipients.bulletinId, id));
  return {
    ...row.b,
    issuerName: row.issuerName,
    issuerRegionPath: row.issuerRegionPath,
    regionName: row.regionName,
    campaignName: row.campaignName,
    recipientIds: recipients.map((r) => r.unitId),
  };
}

export const scopedBulletin = (b: LoadedBulletin): ScopedBulletin => ({
  issuer: { id: b.issuerUnitId, regionPath: b.issuerRegionPath },
  published: b.state === "published",
  recipientIds: b.recipientIds,
});

export async function bulletinReceipts(db: Queryable, id: string) {
  return db
    .select({
      unitId: bulletinRecipients.unitId,
      unit: units.name,
      readAt: bulletinRecipients.readAt,
      readByName: bulletinRecipients.readByName,
    })
    .from(bulletinRecipients)
    .innerJoin(units, eq(units.id, bulletinRecipients.unitId))
    .where(eq(bulletinRecipients.bulletinId, id))
    .orderBy(units.name);
}

/**
 * Bulletins the actor may read: offices and leaders see those issued in their scope (drafts too,
 * for offices); everyone sees the published ones sent to their unit.
 */
export async function listBulletins(
  db: Queryable,
  actor: Actor,
  q: { state?: "draft" | "published"; limit: number; cursor?: string },
) {
  const scope = unitScopeOf(actor);
  const issuedInScope =
    scope.kind === "all"
      ? sql`true`
      : scope.kind === "regionTree"
        ? anyOf(
            bulletins.issuerUnitId,
            sql`select u.id from units u join regions r on r.id = u.region_id where r.path like ${`${scope.regionPath}%`} or u.id = ${scope.unitId}`,
          )
        : eq(bulletins.issuerUnitId, actor.unitId);
  const sentToUs = and(
    eq(bulletins.state, "published"),
    anyOf(bulletins.id, sql`select bulletin_id from bulletin_recipients where unit_id = ${actor.unitId}`),
  );
  const drafts = hasRole(actor, "admin", "coordinator");
  const where = and(
    or(drafts ? issuedInScope : and(issuedInScope, eq(bulletins.state, "published")), sentToUs),
    q.state ? eq(bulletins.state, q.state) : undefined,
  );
  const rows = await db
    .select({ b: bulletins, issuerName: units.name })
    .from(bulletins)
    .innerJoin(units, eq(units.id, bulletins.issuerUnitId))
    .where(and(where, afterCursor(bulletins.number, bulletins.id, "desc", q.cursor)))
    .orderBy(desc(bulletins.number), desc(bulletins.id))
    .limit(q.limit + 1);
  const page = pageFrom(rows, q.limit, (r) => [r.b.number, r.b.id]);
  const [{ n }] = await db.select({ n: count() }).from(bulletins).where(where);
  const ids = page.items.map((r) => r.b.id);
  const tallies = ids.length
    ? await db
        .select({ id: bulletinRecipients.bulletinId, recipients: count(), read: count(bulletinRecipients.readAt) })
        .from(bulletinRecipients)
        .where(inArray(bulletinRecipients.bulletinId, ids))
        .groupBy(bulletinRecipients.bulletinId)
    : [];
  const tally = new Map(tallies.map((t) => [t.id, t]));
  return {
    ...page,
    total: n,
    items: page.items.map((r) => ({
      ...r.b,
      issuerName: r.issuerName,
      recipients: tally.get(r.b.id)?.recipients ?? 0,
      read: tally.get(r.b.id)?.read ?? 0,
    })),
  };
}
