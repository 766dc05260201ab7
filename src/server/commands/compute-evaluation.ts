import { and, desc, eq, lt } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { evaluationAdjustments, evaluationResults } from "../../db/schema.js";
import { type Criterion, evaluate, periodRange, previousPeriodCode } from "../../domain/evaluation.js";
import type { ResultOut } from "../../schemas/evaluations.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { evaluationFigures } from "../queries/evaluation-figures.js";
import { type LoadedScheme, schemeCriteria, schemePeers } from "../queries/evaluations.js";

/** What a result keeps: everything its page and its bulletin show, as computed. */
export type ResultContent = Pick<ResultOut, "from" | "to" | "criteria" | "rows">;

/** The ranks of the last published result of the period before, by peer. */
async function previousRanks(tx: Queryable, schemeId: string, period: string): Promise<Map<string, number>> {
  const before = previousPeriodCode(period);
  if (!before) return new Map();
  const [row] = await tx
    .select({ content: evaluationResults.content })
    .from(evaluationResults)
    .where(
      and(
        eq(evaluationResults.schemeId, schemeId),
        eq(evaluationResults.period, before),
        eq(evaluationResults.state, "published"),
      ),
    )
    .limit(1);
  return new Map(((row?.content as ResultContent | undefined)?.rows ?? []).map((r) => [r.peerId, r.rank]));
}

/**
 * Computes a scheme's result for a period from the figures as they stand. A draft is computed
 * again in place; a published result stays as it is, and a correction (with its reason) becomes
 * the next version, a draft until published.
 */
export async function computeEvaluation(
  ctx: ActingContext,
  scheme: LoadedScheme,
  period: string,
  correction: string | undefined,
  tx: Queryable,
): Promise<string> {
  const range = periodRange(period);
  if (!range) throw badRequest("period", "evaluation_period_invalid");
  const [latest] = await tx
    .select()
    .from(evaluationResults)
    .where(and(eq(evaluationResults.schemeId, scheme.id), eq(evaluationResults.period, period)))
    .orderBy(desc(evaluationResults.version))
    .limit(1);
  if (latest && latest.state !== "draft" && !correction) throw conflict("evaluation_published", "correction");

  const criteriaRows = await schemeCriteria(tx, scheme.id);
  const peers = await schemePeers(tx, scheme);
  const criteria: Criterion[] = criteriaRows.map(({ c }) => ({
    id: c.id,
    source: c.source,
    weight: c.weight,
    method: c.method,
    better: c.better === "lower" ? "lower" : "higher",
    missing: c.missing,
    target: c.target ?? undefined,
  }));
  const figures = await evaluationFigures(
    tx,
    scheme.peerKind,
    peers,
    criteriaRows.map((r) => r.c),
    range,
  );
  const adjustments = await tx
    .select()
    .from(evaluationAdjustments)
    .where(and(eq(evaluationAdjustments.schemeId, scheme.id), eq(evaluationAdjustments.period, period)));
  const results = evaluate({
    criteria,
    peers: peers.map((p) => ({ id: p.peerId, group: p.group })),
    figures,
    adjustments: adjustments.map((a) => ({ peerId: a.peerId, points: a.points, reason: a.reason })),
    redFlags: scheme.redFlags,
    yellowFlags: scheme.yellowFlags,
  });
  const names = new Map(peers.map((p) => [p.peerId, p.name]));
  const before = await previousRanks(tx, scheme.id, period);
  const content: ResultContent = {
    from: range.from,
    to: range.to,
    criteria: criteriaRows.map(({ c, indicatorName }) => ({
      id: c.id,
      name: c.name,
      source: c.source,
      indicatorId: c.indicatorId,
      indicatorName,
      weight: c.weight,
      method: c.method,
      better: c.better === "lower" ? "lower" : "higher",
      missing: c.missing,
      target: c.target,
    })),
    rows: results.map((r) => ({
      peerId: r.peerId,
      name: names.get(r.peerId) ?? "",
      group: r.group,
      total: r.total,
      criteriaPoints: r.criteriaPoints,
      adjustmentPoints: r.adjustmentPoints,
      rank: r.rank,
      flag: r.flag,
      previousRank: before.get(r.peerId) ?? null,
      scores: r.scores,
      adjustments: r.adjustments.map((a) => ({ points: a.points, reason: a.reason })),
    })),
  };
  let id: string;
  if (latest?.state === "draft") {
    await tx
      .update(evaluationResults)
      .set({ content, computedAt: new Date().toISOString() })
      .where(eq(evaluationResults.id, latest.id));
    id = latest.id;
  } else {
    const [row] = await tx
      .insert(evaluationResults)
      .values({
        schemeId: scheme.id,
        period,
        version: (latest?.version ?? 0) + 1,
        content,
        correction: latest ? (correction ?? null) : null,
      })
      .returning();
    id = row.id;
  }
  await writeAudit(tx, ctx, {
    action: "evaluation.compute",
    entityType: "evaluation",
    entityId: scheme.id,
    after: { period, resultId: id, correction: correction ?? null },
  });
  return id;
}

/** Publishes a draft: the period is locked, and a version it corrects is kept as superseded. */
export async function publishEvaluation(ctx: ActingContext, resultId: string, tx: Queryable): Promise<void> {
  const [r] = await tx.select().from(evaluationResults).where(eq(evaluationResults.id, resultId));
  if (!r) throw badRequest("resultId", "not_found");
  if (r.state !== "draft") throw conflict("evaluation_published");
  await tx
    .update(evaluationResults)
    .set({ state: "superseded" })
    .where(
      and(
        eq(evaluationResults.schemeId, r.schemeId),
        eq(evaluationResults.period, r.period),
        lt(evaluationResults.version, r.version),
        eq(evaluationResults.state, "published"),
      ),
    );
  await tx
    .update(evaluationResults)
    .set({ state: "published", publishedAt: new Date().toISOString(), publishedBy: ctx.actor.id })
    .where(eq(evaluationResults.id, resultId));
  await writeAudit(tx, ctx, {
    action: "evaluation.publish",
    entityType: "evaluation",
    entityId: r.schemeId,
    after: { period: r.period, version: r.version, resultId },
  });
}
