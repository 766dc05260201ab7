import type { Queryable } from "../../../db/connection.js";
import type { Actor } from "../../../domain/scope.js";
import { unitScopeOf } from "../../../domain/scope.js";
import { campaignCreate, campaignListQuery, campaignOut, campaignPage, campaignUpdate } from "../../../schemas/campaigns.js";
import { idParams } from "../../../schemas/common.js";
import { createCampaign, updateCampaign } from "../../commands/save-campaign.js";
import type { ActingContext } from "../../context.js";
import { scopeKey } from "../../lag-cache.js";
import { authorize, can } from "../../policies/index.js";
import { presentCampaign, presentCampaignSummary } from "../../presenters/campaign.js";
import { campaignDetail, listCampaigns, loadCampaign } from "../../queries/campaigns.js";
import type { RoutePlugin } from "../types.js";

const tags = ["campaigns"];

async function campaignView(db: Queryable, id: string, actor: Actor) {
  const campaign = await loadCampaign(db, id);
  const { regionPath, ...row } = campaign;
  const canEdit = can(actor, "campaign", "update", { id: row.unitId, regionPath });
  return presentCampaign(await campaignDetail(db, row, unitScopeOf(actor)), canEdit);
}

export const campaignRoutes: RoutePlugin = async (app, { database, lagCache }) => {
  const { db } = database;

  app.get(
    "/api/campaigns",
    { schema: { tags, querystring: campaignListQuery, response: { 200: campaignPage } } },
    async (req) => {
      authorize(req.ctx, "campaign", "list");
      const page = await listCampaigns(db, req.query);
      return { ...page, items: page.items.map(presentCampaignSummary) };
    },
  );

  app.get("/api/campaigns/:id", { schema: { tags, params: idParams, response: { 200: campaignOut } } }, async (req) => {
    const { regionPath, ...campaign } = await loadCampaign(db, req.params.id);
    authorize(req.ctx, "campaign", "read");
    const actor = req.ctx.actor;
    // Sums over every lead unit's tasks and reports: a few seconds' lag is fine, as on the cockpit.
    const detail = await lagCache.get(`campaign|${campaign.id}|${scopeKey(actor)}`, () =>
      campaignDetail(db, campaign, unitScopeOf(actor)),
    );
    return presentCampaign(detail, can(actor, "campaign", "update", { id: campaign.unitId, regionPath }));
  });

  app.post("/api/campaigns", { schema: { tags, body: campaignCreate, response: { 201: campaignOut } } }, async (req, reply) => {
    authorize(req.ctx, "campaign", "create");
    const ctx = req.ctx as ActingContext;
    const row = await db.transaction((tx) => createCampaign(ctx, req.body, tx));
    return reply.code(201).send(await campaignView(db, row.id, ctx.actor));
  });

  app.patch(
    "/api/campaigns/:id",
    { schema: { tags, params: idParams, body: campaignUpdate, response: { 200: campaignOut } } },
    async (req) => {
      const ctx = req.ctx as ActingContext;
      await db.transaction(async (tx) => {
        const { regionPath, ...campaign } = await loadCampaign(tx, req.params.id);
        authorize(ctx, "campaign", "update", { id: campaign.unitId, regionPath });
        await updateCampaign(ctx, { campaign, patch: req.body }, tx);
      });
      return campaignView(db, req.params.id, ctx.actor);
    },
  );
};
