import type { z } from "zod";
import type { BulletinContent } from "../../domain/bulletin.js";
import type { bulletinOut, bulletinSummaryOut } from "../../schemas/bulletins.js";
import type { LoadedBulletin, listBulletins } from "../queries/bulletins.js";

type Listed = Awaited<ReturnType<typeof listBulletins>>["items"][number];

export const presentBulletinSummary = (b: Listed): z.infer<typeof bulletinSummaryOut> => ({
  id: b.id,
  number: b.number,
  title: b.title,
  state: b.state,
  issuer: { id: b.issuerUnitId, name: b.issuerName },
  periodFrom: b.periodFrom,
  periodTo: b.periodTo,
  createdAt: b.createdAt,
  publishedAt: b.publishedAt,
  recipients: b.recipients,
  read: b.read,
});

export function presentBulletin(
  b: LoadedBulletin,
  receipts: { unitId: string; unit: string; readAt: string | null; readByName: string | null }[],
  canEdit: boolean,
): z.infer<typeof bulletinOut> {
  return {
    ...presentBulletinSummary({ ...b, recipients: receipts.length, read: receipts.filter((r) => r.readAt).length }),
    opening: b.opening,
    closing: b.closing,
    content: b.content as BulletinContent,
    region: { id: b.regionId, name: b.regionName },
    campaign: b.campaignId ? { id: b.campaignId, name: b.campaignName ?? "" } : null,
    createdByName: b.createdByName,
    publishedByName: b.publishedByName,
    generatedAt: b.generatedAt,
    version: b.version,
    receipts,
    canEdit: canEdit && b.state === "draft",
  };
}
