/**
 * When two directives say the same thing: the same deployment emphasized again at a later
 * meeting. Texts become sets of shingles (character pairs of Chinese, stemmed words of English);
 * similarity is the Jaccard index of the sets. MinHash bands let the database find candidates
 * through an index instead of comparing with every directive ever written. Pure.
 */

/** Two directives at least this similar are shown as one deployment repeated. */
export const REPEAT_SIMILARITY = 0.4;

const EN_STOPWORDS = new Set(
  (
    "a an the and or of to in on at for with by from as is are be been it its this that these those we our us " +
    "must should shall will need necessary it's all any each every more most further also so such into than then " +
    "do does make making made well good work carry out continue"
  ).split(" "),
);

/** Plural and tense endings off, so "projects" meets "project" and "promoting" meets "promote". */
const stem = (w: string) => w.replace(/(?:ing|ed|es|s)$/, "").slice(0, 8);

export function shingles(text: string): Set<string> {
  const out = new Set<string>();
  const han = text.match(/\p{Script=Han}+/gu) ?? [];
  for (const run of han) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  const words = text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? [];
  for (const w of words) if (!EN_STOPWORDS.has(w) && w.length > 2) out.add(stem(w));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  return common / (a.size + b.size - common);
}

export const textSimilarity = (a: string, b: string) => jaccard(shingles(a), shingles(b));

const HASHES = 32;
const ROWS_PER_BAND = 2;

/** FNV-1a with a seed: cheap, stable across processes and versions (the bands are stored). */
function hash(seed: number, s: string): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  // A final mix so seeds that differ in low bits give unrelated orders.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * Band keys of the MinHash signature: 16 bands of 2 rows. Two texts with Jaccard index s share a
 * band with probability 1 − (1 − s²)¹⁶: 0.99 at 0.5, 0.78 at 0.3, so repeats are found and the
 * candidates stay few.
 */
export function similarityBands(text: string): string[] {
  const set = shingles(text);
  if (!set.size) return [];
  const signature: number[] = [];
  for (let k = 0; k < HASHES; k++) {
    let min = 0xffffffff;
    for (const s of set) {
      const h = hash(k * 0x9e3779b1, s);
      if (h < min) min = h;
    }
    signature.push(min);
  }
  const bands: string[] = [];
  for (let b = 0; b < HASHES / ROWS_PER_BAND; b++) {
    const rows = signature.slice(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND);
    bands.push(`${b}:${rows.map((r) => r.toString(36)).join(".")}`);
  }
  return bands;
}
