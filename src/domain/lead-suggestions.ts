/**
 * Suggesting lead units for a directive (pure): from where similar past directives went, and
 * from the units' own keywords. Each suggestion keeps its evidence so the screen can say why.
 */

/** Past directives at least this similar (Jaccard of shingles) count as evidence; looser than a repeat (0.4). */
export const SUGGEST_SIMILARITY = 0.25;
/** What one keyword found in the text weighs, against a past directive's similarity (0.25–1). */
export const KEYWORD_WEIGHT = 0.25;
const MAX_KEYWORDS_COUNTED = 4;

export interface PastAssignment {
  unitId: string;
  directiveId: string;
  text: string;
  meetingTitle: string;
  similarity: number;
}

export interface UnitKeywords {
  id: string;
  keywords: readonly string[];
}

export interface LeadSuggestion {
  unitId: string;
  score: number;
  /** The similar directives that went to this unit, most similar first. */
  similar: PastAssignment[];
  /** The unit's keywords found in the directive. */
  keywords: string[];
}

const latin = /^[\x20-\x7e]+$/;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The keywords that occur in the text: Chinese ones anywhere, Latin ones as whole words in any
 * case (so "port" does not match "support"). A keyword inside a longer one found too is dropped.
 */
export function keywordsIn(text: string, keywords: readonly string[]): string[] {
  const found = keywords.filter((k) =>
    latin.test(k) ? new RegExp(`(^|[^A-Za-z])${escapeRegExp(k)}([^A-Za-z]|$)`, "i").test(text) : text.includes(k),
  );
  return found.filter((k) => !found.some((other) => other !== k && other.toLowerCase().includes(k.toLowerCase())));
}

/** Ranks units by the evidence: the similarity of each past directive a unit led, plus its keywords in the text. */
export function rankLeadUnits(
  text: string,
  past: readonly PastAssignment[],
  units: readonly UnitKeywords[],
  limit = 5,
): LeadSuggestion[] {
  const byUnit = new Map<string, LeadSuggestion>();
  const entry = (unitId: string) => {
    const known = byUnit.get(unitId);
    if (known) return known;
    const fresh: LeadSuggestion = { unitId, score: 0, similar: [], keywords: [] };
    byUnit.set(unitId, fresh);
    return fresh;
  };
  for (const p of past) {
    if (p.similarity < SUGGEST_SIMILARITY) continue;
    const s = entry(p.unitId);
    // A directive decomposed into several tasks for one unit is one piece of evidence.
    if (s.similar.some((x) => x.directiveId === p.directiveId)) continue;
    s.similar.push(p);
    s.score += p.similarity;
  }
  for (const u of units) {
    const found = keywordsIn(text, u.keywords);
    if (!found.length) continue;
    const s = entry(u.id);
    s.keywords = found;
    s.score += KEYWORD_WEIGHT * Math.min(found.length, MAX_KEYWORDS_COUNTED);
  }
  return [...byUnit.values()]
    .map((s) => ({
      ...s,
      score: Math.round(s.score * 100) / 100,
      similar: s.similar.sort((a, b) => b.similarity - a.similarity),
    }))
    .sort((a, b) => b.score - a.score || b.similar.length - a.similar.length || a.unitId.localeCompare(b.unitId))
    .slice(0, limit);
}
