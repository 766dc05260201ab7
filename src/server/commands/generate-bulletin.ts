import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { type BulletinRow, bulletins, regions } from "../../db/schema.js";
import { bulletinIsEmpty, defaultBulletinTitle } from "../../domain/bulletin.js";
import type { Locale } from "../../domain/people.js";
import { writeAudit } from "../audit.js";
import { todayIso } from "../clock.js";
import type { RequestContext } from "../context.js";
import { badRequest } from "../errors.js";
import { bulletinContent } from "../queries/bulletin-content.js";

export interface GenerateBulletinInput {
  issuerUnitId: string;
  issuerName: string;
  regionId: string;
  campaignId: string | null;
  periodFrom: string;
  periodTo: string;
  title?: string;
  locale: Locale;
  /** Set by the monthly schedule, so a month is generated once. */
  scheduleKey?: string;
}

const OPENING: Record<Locale, (from: string, to: string) => string> = {
  "zh-CN": (from, to) => `为进一步压实工作责任，推动各项决策部署落地见效，现将 ${from} 至 ${to} 重点工作落实情况通报如下。`,
  en: (from, to) =>
    `To hold every unit to its responsibilities and see decisions carried out, this bulletin reports how key work stood from ${from} to ${to}.`,
};
const CLOSING: Record<Locale, string> = {
  "zh-CN":
    "请各单位对照通报问题，逐项分析原因，制定整改措施，确保按期完成；对逾期未回复的督办事项，请于 5 个工作日内书面说明情况。",
  en: "Each unit is to look into the problems listed, set out how it will put them right and finish on time; where a supervision notice is unanswered, explain in writing within five working days.",
};

/**
 * Generates a bulletin draft: the figures and lines of its scope and period as they stand today,
 * with an opening and closing the office may edit. Refuses a period in which there is nothing to report.
 */
export async function generateBulletin(ctx: RequestContext, input: GenerateBulletinInput, tx: Queryable): Promise<BulletinRow> {
  const today = todayIso();
  if (input.periodFrom > input.periodTo) throw badRequest("periodTo", "period_order");
  if (input.periodFrom > today) throw badRequest("periodFrom", "period_future");
  const [region] = await tx.select().from(regions).where(eq(regions.id, input.regionId));
  if (!region) throw badRequest("regionId", "not_found");
  const content = await bulletinContent(tx, {
    regionPath: region.path,
    campaignId: input.campaignId,
    from: input.periodFrom,
    to: input.periodTo,
    today,
  });
  if (bulletinIsEmpty(content)) throw badRequest("periodFrom", "bulletin_empty");
  const [row] = await tx
    .insert(bulletins)
    .values({
      title: input.title?.trim() || defaultBulletinTitle(input.periodFrom, input.periodTo, input.locale),
      issuerUnitId: input.issuerUnitId,
      regionId: input.regionId,
      campaignId: input.campaignId,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      opening: OPENING[input.locale](input.periodFrom, input.periodTo),
      closing: CLOSING[input.locale],
      content,
      scheduleKey: input.scheduleKey ?? null,
      createdBy: ctx.actor?.id ?? null,
      createdByName: ctx.actor?.displayName ?? "system",
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw badRequest("periodFrom", "bulletin_exists");
  await writeAudit(tx, ctx, {
    action: "bulletin.generate",
    entityType: "bulletin",
    entityId: row.id,
    after: { ...row, content: undefined },
  });
  return row;
}
