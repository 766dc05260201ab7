/**
 * The demo's mutual learning and competition (比学赶超): a half-year scheme over the city's
 * districts and counties on industry, investment, consumption and major projects, with last
 * half's result computed from the demo figures and published with its breakdown.
 */
import { eq, inArray } from "drizzle-orm";
import { monthBefore } from "../domain/indicators.js";
import { todayIso } from "../server/clock.js";
import { computeEvaluation, publishEvaluation } from "../server/commands/compute-evaluation.js";
import { createScheme } from "../server/commands/save-evaluation-scheme.js";
import { loadScheme } from "../server/queries/evaluations.js";
import type { Queryable } from "./connection.js";
import { actingAs } from "./demo-supervision.js";
import { indicators, regions } from "./schema.js";

/** The last half year that has ended by last month: "2026-H1" in November 2026. */
export function lastEndedHalf(today = todayIso()): string {
  const m = monthBefore(today);
  const [y, mm] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
  return mm >= 12 ? `${y}-H2` : mm >= 6 ? `${y}-H1` : `${y - 1}-H2`;
}

export async function seedDemoEvaluation(tx: Queryable): Promise<void> {
  const [city] = await tx.select().from(regions).where(eq(regions.code, "330400"));
  if (!city) return;
  const counties = await tx.select({ id: regions.id }).from(regions).where(eq(regions.parentId, city.id));
  const found = await tx
    .select({ id: indicators.id, code: indicators.code })
    .from(indicators)
    .where(inArray(indicators.code, ["IVA", "FAI", "RETAIL"]));
  const ind = new Map(found.map((i) => [i.code, i.id]));
  if (ind.size < 3 || counties.length < 2) return;
  const ctx = await actingAs(tx, "coordinator");
  const id = await createScheme(
    ctx,
    {
      name: "嘉兴市县（市、区）比学赶超半年考评",
      period: "half",
      peerKind: "region",
      redFlags: 3,
      yellowFlags: 1,
      peers: counties.map((c) => ({ peerId: c.id, group: "" })),
      criteria: [
        {
          name: "规上工业增加值增速",
          source: "indicator_growth",
          indicatorId: ind.get("IVA")!,
          weight: 30,
          method: "rank",
          better: "higher",
          missing: "zero",
          target: null,
        },
        {
          name: "固定资产投资增速",
          source: "indicator_growth",
          indicatorId: ind.get("FAI")!,
          weight: 20,
          method: "rank",
          better: "higher",
          missing: "zero",
          target: null,
        },
        {
          name: "社会消费品零售总额增速",
          source: "indicator_growth",
          indicatorId: ind.get("RETAIL")!,
          weight: 15,
          method: "rank",
          better: "higher",
          missing: "zero",
          target: null,
        },
        {
          name: "重大项目按期开工率",
          source: "project_started_on_time",
          indicatorId: null,
          weight: 20,
          method: "scaled",
          better: "higher",
          missing: "average",
          target: null,
        },
        {
          name: "重大项目年度投资完成率",
          source: "project_investment_completion",
          indicatorId: null,
          weight: 15,
          method: "ratio",
          better: "higher",
          missing: "exclude",
          target: 100,
        },
      ],
    },
    tx,
  );
  const resultId = await computeEvaluation(ctx, await loadScheme(tx, id), lastEndedHalf(), undefined, tx);
  await publishEvaluation(ctx, resultId, tx);
}
