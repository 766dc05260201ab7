import type { CampaignOut, CampaignSummaryOut } from "../../schemas/campaigns.js";
import type { CampaignSummary, campaignDetail } from "../queries/campaigns.js";

export const presentCampaignSummary = (c: CampaignSummary): CampaignSummaryOut => ({
  id: c.id,
  name: c.name,
  parentId: c.parentId,
  unit: { id: c.unitId, name: c.unitName },
  startOn: c.startOn,
  endOn: c.endOn,
  cadence: c.cadence,
  leadUnits: c.leadUnits,
  childCount: c.childCount,
  taskCount: c.taskCount,
  version: c.version,
});

export const presentCampaign = (d: Awaited<ReturnType<typeof campaignDetail>>, canEdit: boolean): CampaignOut => ({
  ...presentCampaignSummary(d.summary),
  description: d.summary.description,
  meeting: d.meeting,
  parent: d.parent,
  children: d.children.map(presentCampaignSummary),
  period: d.period,
  units: d.units,
  canEdit,
});
