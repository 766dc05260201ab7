import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/connection.js";
import {
  type EvaluationSchemeRow,
  evaluationCriteria,
  evaluationPeers,
  evaluationResults,
  evaluationSchemes,
  indicators,
  regions,
  units,
} from "../../db/schema.js";
import { notFound } from "../errors.js";
import type { EvaluationPeerRef } from "./evaluation-figures.js";

export interface LoadedScheme extends EvaluationSchemeRow {
  ownerName: string;
  ownerRegionPath: string;
}

export async function loadScheme(db: Queryable, id: string): Promise<LoadedScheme> {
  const [row] = await db
    .select({ s: evaluationSchemes, ownerName: units.name, ownerRegionPath: regions.path })
    .from(evaluationSchemes)
    .innerJoin(units, eq(units.id, evaluationSchemes.ownerUnitId))
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(eq(evaluationSchemes.id, id));
  if (!row) throw notFound();
  return { ...row.s, ownerName: row.ownerName, ownerRegionPath: row.ownerRegionPath };
}

export const scopedScheme = (s: LoadedScheme) => ({ owner: { id: s.ownerUnitId, regionPath: s.ownerRegionPath } });

export async function schemeCriteria(db: Queryable, schemeId: string) {
  return db
    .select({ c: evaluationCriteria, indicatorName: indicators.nameZh })
    .from(evaluationCriteria)
    .leftJoin(indicators, eq(indicators.id, evaluationCriteria.indicatorId))
    .where(eq(evaluationCriteria.schemeId, schemeId))
    .orderBy(asc(evaluationCriteria.ordinal));
}

/** The peers with their names (and, for regions, their tree), in the scheme's order: group, then code. */
export async function schemePeers(
  db: Queryable,
  scheme: EvaluationSchemeRow,
): Promise<(EvaluationPeerRef & { group: string })[]> {
  const rows = await db.select().from(evaluationPeers).where(eq(evaluationPeers.schemeId, scheme.id));
  const ids = rows.map((r) => r.peerId);
  if (!ids.length) return [];
  const group = new Map(rows.map((r) => [r.peerId, r.group]));
  if (scheme.peerKind === "region") {
    const found = await db
      .select({
        id: regions.id,
        code: regions.code,
        name: regions.name,
        nameEn: sql<string>`coalesce(${regions.nameEn}, ${regions.name})`,
        path: regions.path,
      })
      .from(regions)
      .where(inArray(regions.id, ids))
      .orderBy(asc(regions.code));
    return found
      .map((r) => ({ peerId: r.id, name: r.name, region: r, group: group.get(r.id) ?? "" }))
      .sort((a, b) => a.group.localeCompare(b.group));
  }
  const found = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, ids))
    .orderBy(asc(units.code));
  return found
    .map((u) => ({ peerId: u.id, name: u.name, region: null, group: group.get(u.id) ?? "" }))
    .sort((a, b) => a.group.localeCompare(b.group));
}

/** The latest result of each period, newest period first. */
export async function schemePeriods(db: Queryable, schemeId: string) {
  const rows = await db
    .select({
      id: evaluationResults.id,
      period: evaluationResults.period,
      version: evaluationResults.version,
      state: evaluationResults.state,
    })
    .from(evaluationResults)
    .where(eq(evaluationResults.schemeId, schemeId))
    .orderBy(desc(evaluationResults.period), desc(evaluationResults.version));
  // Rows come newest version first: the first of each period is its latest.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.period)) latest.set(r.period, r);
  return [...latest.values()].map((r) => ({ period: r.period, resultId: r.id, version: r.version, state: r.state }));
}

/** Each period's published result of a scheme, newest first, with who held the flags. */
export async function schemeHistory(db: Queryable, schemeId: string) {
  const rows = await db
    .select()
    .from(evaluationResults)
    .where(and(eq(evaluationResults.schemeId, schemeId), eq(evaluationResults.state, "published")))
    .orderBy(desc(evaluationResults.period));
  return rows.map((r) => {
    const content = r.content as { rows: { name: string; flag: string | null }[] };
    return {
      period: r.period,
      resultId: r.id,
      version: r.version,
      publishedAt: r.publishedAt,
      red: content.rows.filter((x) => x.flag === "red").map((x) => x.name),
      yellow: content.rows.filter((x) => x.flag === "yellow").map((x) => x.name),
    };
  });
}

/** The flags of the latest published result of every active scheme: the cockpit's honours board. */
export async function latestFlags(db: Queryable) {
  const schemes = await db
    .select({ id: evaluationSchemes.id, name: evaluationSchemes.name })
    .from(evaluationSchemes)
    .where(eq(evaluationSchemes.active, true))
    .orderBy(asc(evaluationSchemes.name));
  const out = [];
  for (const s of schemes) {
    const [latest] = await schemeHistory(db, s.id);
    if (latest)
      out.push({
        schemeId: s.id,
        scheme: s.name,
        period: latest.period,
        resultId: latest.resultId,
        red: latest.red,
        yellow: latest.yellow,
      });
  }
  return out;
}
