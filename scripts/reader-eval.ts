/**
 * Scores the reader against the hand-annotated gold files in src/reader/gold: precision, recall and
 * F1 for directives (a match needs a normalized token overlap of at least 0.8; Chinese by
 * characters), and exact-match rates for date, meeting kind and presiders, per language.
 * Run: npm run reader:eval  (add --verbose to list misses)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readReport } from "../src/reader/index.js";
import { matchDirectives, prf, resolveAnchor } from "../src/reader/score.js";
import type { Lang } from "../src/reader/types.js";

const ROOT = join(import.meta.dirname, "..");
const GOLD = join(ROOT, "src/reader/gold");
const verbose = process.argv.includes("--verbose");

interface Gold {
  source: string;
  lang: Lang;
  date: string | null;
  meetingType: string;
  presiders: string[];
  directives: { from: string; to: string }[];
}

const sourcePath = (s: string) => (s.startsWith("seeds/") ? join(ROOT, "../shared", s) : join(ROOT, "src/reader", s));
const totals: Record<
  Lang,
  { tp: number; predicted: number; gold: number; files: number; date: number; kind: number; presiders: number }
> = {
  en: { tp: 0, predicted: 0, gold: 0, files: 0, date: 0, kind: 0, presiders: 0 },
  zh: { tp: 0, predicted: 0, gold: 0, files: 0, date: 0, kind: 0, presiders: 0 },
};
let broken = 0;

for (const file of readdirSync(GOLD)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const gold: Gold = JSON.parse(readFileSync(join(GOLD, file), "utf8"));
  const raw = readFileSync(sourcePath(gold.source), "utf8");
  const goldTexts = gold.directives.map((a) => {
    const text = resolveAnchor(raw, a);
    if (!text) {
      broken++;
      console.error(`${file}: anchor not found: ${a.from} … ${a.to}`);
    }
    return text ?? "";
  });
  const result = readReport(raw);
  const m = matchDirectives(
    result.directives.map((d) => d.text),
    goldTexts,
    gold.lang,
  );
  const t = totals[gold.lang];
  t.tp += m.truePositives;
  t.predicted += result.directives.length;
  t.gold += goldTexts.length;
  t.files++;
  const dateOk = result.date === gold.date;
  const kindOk = result.meetingType === gold.meetingType;
  const presidersOk = JSON.stringify([...result.presiders].sort()) === JSON.stringify([...gold.presiders].sort());
  t.date += Number(dateOk);
  t.kind += Number(kindOk);
  t.presiders += Number(presidersOk);
  const f = prf(m.truePositives, result.directives.length, goldTexts.length);
  console.log(
    `${file.padEnd(28)} ${gold.lang}  directives ${m.truePositives}/${goldTexts.length} gold, ${result.directives.length} found  F1 ${f.f1.toFixed(2)}  date ${dateOk ? "ok" : `✗ ${result.date}`}  kind ${kindOk ? "ok" : `✗ ${result.meetingType}`}  presiders ${presidersOk ? "ok" : `✗ ${result.presiders.join(",")}`}`,
  );
  if (verbose) {
    for (const x of m.missed) console.log(`    missed:   ${x.slice(0, 120)}`);
    for (const x of m.spurious) console.log(`    spurious: ${x.slice(0, 120)}`);
  }
}

console.log("\nlanguage  files  directives P / R / F1         date   kind   presiders");
let failed = broken > 0;
for (const lang of ["en", "zh"] as const) {
  const t = totals[lang];
  if (!t.files) continue;
  const f = prf(t.tp, t.predicted, t.gold);
  const rate = (n: number) => `${((100 * n) / t.files).toFixed(0)}%`.padEnd(6);
  console.log(
    `${lang.padEnd(9)} ${String(t.files).padEnd(6)} ${f.precision.toFixed(3)} / ${f.recall.toFixed(3)} / ${f.f1.toFixed(3)}    ${rate(t.date)} ${rate(t.kind)} ${rate(t.presiders)}`,
  );
  if (f.f1 < 0.9) failed = true;
}
console.log(
  failed
    ? "\nBelow target (directive F1 ≥ 0.9 per language) or a gold anchor is broken."
    : "\nTarget met: directive F1 ≥ 0.9 in each language.",
);
process.exit(failed ? 1 : 0);
