/** Scoring the reader against hand-annotated gold: pure functions, used by `npm run reader:eval` and the tests. */
import type { Lang } from "./types.js";

/** Words for English, characters for Chinese; punctuation and case do not count. */
export function tokens(text: string, lang: Lang): string[] {
  if (lang === "zh") return [...text.replace(/[^\u4e00-\u9fffA-Za-z0-9]/g, "")];
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Shared tokens (as multisets) over the longer side: 1 for the same text, 0 for nothing in common. */
export function overlap(a: string, b: string, lang: Lang): number {
  const ta = tokens(a, lang);
  const tb = tokens(b, lang);
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of tb) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(t, n - 1);
    }
  }
  return shared / Math.max(ta.length, tb.length);
}

export const MATCH_THRESHOLD = 0.8;

/** One-to-one matches, best pairs first, each at least the threshold. */
export function matchDirectives(predicted: string[], gold: string[], lang: Lang) {
  const pairs: { p: number; g: number; score: number }[] = [];
  predicted.forEach((p, i) => {
    gold.forEach((g, j) => {
      const score = overlap(p, g, lang);
      if (score >= MATCH_THRESHOLD) pairs.push({ p: i, g: j, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const matched: typeof pairs = [];
  for (const pair of pairs) {
    if (usedP.has(pair.p) || usedG.has(pair.g)) continue;
    usedP.add(pair.p);
    usedG.add(pair.g);
    matched.push(pair);
  }
  return {
    truePositives: matched.length,
    missed: gold.filter((_, j) => !usedG.has(j)),
    spurious: predicted.filter((_, i) => !usedP.has(i)),
  };
}

export function prf(tp: number, predicted: number, gold: number) {
  const precision = predicted ? tp / predicted : gold ? 0 : 1;
  const recall = gold ? tp / gold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Gold directives are written as anchors into the source: the verbatim text from `from` to the end of `to`. */
export function resolveAnchor(source: string, anchor: { from: string; to: string }): string | null {
  const start = source.indexOf(anchor.from);
  if (start < 0) return null;
  const end = source.indexOf(anchor.to, start);
  if (end < 0) return null;
  return source.slice(start, end + anchor.to.length);
}
