import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type CampaignRow, campaignLeadUnits, campaigns, meetings, units } from "../../db/schema.js";
import type { CampaignCreate, CampaignUpdate } from "../../schemas/campaigns.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";

async function checkLeadUnits(tx: Queryable, ids: string[]) {
  if (!ids.length) return;
  const found = new Set(
    (
      await tx
        .select({ id: units.id })
        .from(units)
        .where(and(inArray(units.id, ids), eq(units.active, true)))
    ).map((u) => u.id),
  );
  ids.forEach((id, i) => {
    if (!found.has(id)) throw badRequest(`leadUnitIds.${i}`, "unit_missing");
  });
}

async function writeLeadUnits(tx: Queryable, campaignId: string, ids: string[]) {
  await tx.delete(campaignLeadUnits).where(eq(campaignLeadUnits.campaignId, campaignId));
  if (ids.length) await tx.insert(campaignLeadUnits).values(ids.map((unitId) => ({ campaignId, unitId })));
}

/** Starts a campaign (or one action inside a campaign) run by the actor's office. */
export async function createCampaign(ctx: ActingContext, input: CampaignCreate, tx: Queryable): Promise<CampaignRow> {
  const { leadUnitIds, ...fields } = input;
  await checkLeadUnits(tx, leadUnitIds);
  if (fields.parentId) {
    const [parent] = await tx.select({ parentId: campaigns.parentId }).from(campaigns).where(eq(campaigns.id, fields.parentId));
    if (!parent) throw badRequest("parentId", "campaign_missing");
  }
  if (fields.meetingId) {
    const [m] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, fields.meetingId));
    if (!m) throw badRequest("meetingId", "meeting_missing");
  }
  const [row] = await tx
    .insert(campaigns)
    .values({ ...fields, unitId: ctx.actor.unitId, createdBy: ctx.actor.id })
    .returning();
  await writeLeadUnits(tx, row.id, leadUnitIds);
  await writeAudit(tx, ctx, {
    action: "campaign.create",
    entityType: "campaign",
    entityId: row.id,
    after: { ...row, leadUnitIds },
  });
  return row;
}

export async function updateCampaign(
  ctx: ActingContext,
  input: { campaign: CampaignRow; patch: CampaignUpdate },
  tx: Queryable,
): Promise<CampaignRow> {
  const { campaign, patch } = input;
  if (patch.version !== campaign.version) throw conflict("stale_version");
  const { version, leadUnitIds, ...fields } = patch;
  if ((fields.endOn ?? campaign.endOn) < (fields.startOn ?? campaign.startOn)) throw badRequest("endOn", "date_range");
  if (leadUnitIds) await checkLeadUnits(tx, leadUnitIds);
  const [row] = await tx
    .update(campaigns)
    .set({ ...fields, version: campaign.version + 1, updatedAt: sql`now()` })
    .where(and(eq(campaigns.id, campaign.id), eq(campaigns.version, version)))
    .returning();
  if (!row) throw conflict("stale_version");
  if (leadUnitIds) await writeLeadUnits(tx, row.id, leadUnitIds);
  await writeAudit(tx, ctx, {
    action: "campaign.update",
    entityType: "campaign",
    entityId: row.id,
    before: campaign,
    after: { ...row, ...(leadUnitIds ? { leadUnitIds } : {}) },
  });
  return row;
}
