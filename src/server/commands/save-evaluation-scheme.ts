import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import { evaluationCriteria, evaluationPeers, evaluationSchemes, indicators, regions, units } from "../../db/schema.js";
import { regionInScope, unitInScope } from "../../domain/scope.js";
import type { SchemeCreate, SchemeUpdate } from "../../schemas/evaluations.js";
import { writeAudit } from "../audit.js";
import type { ActingContext } from "../context.js";
import { badRequest, conflict } from "../errors.js";
import { loadScheme } from "../queries/evaluations.js";

/**
 * Peers exist, are of the scheme's kind and within the office's jurisdiction (a scheme computes and
 * shows their figures); indicator criteria name an indicator.
 */
async function check(tx: Queryable, ctx: ActingContext, input: SchemeCreate) {
  const ids = input.peers.map((p) => p.peerId);
  if (new Set(ids).size !== ids.length) throw badRequest("peers", "value_repeated");
  const found =
    input.peerKind === "region"
      ? (await tx.select({ id: regions.id, path: regions.path }).from(regions).where(inArray(regions.id, ids))).filter((r) =>
          regionInScope(ctx.actor, r.path),
        )
      : (
          await tx
            .select({ id: units.id, path: regions.path })
            .from(units)
            .innerJoin(regions, eq(regions.id, units.regionId))
            .where(inArray(units.id, ids))
        ).filter((u) => unitInScope(ctx.actor, { id: u.id, regionPath: u.path }));
  if (found.length !== ids.length) {
    const known = new Set(found.map((r) => r.id));
    throw badRequest(`peers.${ids.findIndex((id) => !known.has(id))}.peerId`, "not_found");
  }
  for (const [i, c] of input.criteria.entries()) {
    if (c.source.startsWith("indicator_")) {
      if (!c.indicatorId) throw badRequest(`criteria.${i}.indicatorId`, "required");
      const [ind] = await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, c.indicatorId));
      if (!ind) throw badRequest(`criteria.${i}.indicatorId`, "not_found");
      if (input.peerKind === "unit") throw badRequest(`criteria.${i}.source`, "indicator_needs_regions");
    }
  }
}

async function writeParts(tx: Queryable, schemeId: string, input: SchemeCreate) {
  await tx.delete(evaluationPeers).where(eq(evaluationPeers.schemeId, schemeId));
  await tx.delete(evaluationCriteria).where(eq(evaluationCriteria.schemeId, schemeId));
  await tx.insert(evaluationPeers).values(
    input.peers.map((p) => ({
      schemeId,
      peerId: p.peerId,
      regionId: input.peerKind === "region" ? p.peerId : null,
      unitId: input.peerKind === "unit" ? p.peerId : null,
      group: p.group,
    })),
  );
  await tx.insert(evaluationCriteria).values(
    input.criteria.map((c, i) => ({
      ...c,
      schemeId,
      ordinal: i + 1,
      indicatorId: c.source.startsWith("indicator_") ? c.indicatorId : null,
    })),
  );
}

/** A scheme run by the creator's office. */
export async function createScheme(ctx: ActingContext, input: SchemeCreate, tx: Queryable): Promise<string> {
  await check(tx, ctx, input);
  const { peers: _p, criteria: _c, ...fields } = input;
  const [row] = await tx
    .insert(evaluationSchemes)
    .values({ ...fields, ownerUnitId: ctx.actor.unitId })
    .returning();
  await writeParts(tx, row.id, input);
  await writeAudit(tx, ctx, { action: "evaluation.create", entityType: "evaluation", entityId: row.id, after: input });
  return row.id;
}

/** Replaces a scheme's peers and criteria; results already computed keep what they were computed with. */
export async function updateScheme(ctx: ActingContext, id: string, input: SchemeUpdate, tx: Queryable): Promise<void> {
  const before = await loadScheme(tx, id);
  if (before.version !== input.version) throw conflict("stale_version");
  await check(tx, ctx, input);
  const { peers: _p, criteria: _c, version, ...fields } = input;
  const [after] = await tx
    .update(evaluationSchemes)
    .set({ ...fields, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(evaluationSchemes.id, id), eq(evaluationSchemes.version, version)))
    .returning();
  if (!after) throw conflict("stale_version");
  await writeParts(tx, id, input);
  await writeAudit(tx, ctx, { action: "evaluation.update", entityType: "evaluation", entityId: id, before, after: input });
}
