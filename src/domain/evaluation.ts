/**
 * Mutual learning and competition (比学赶超): scoring peers (regions or units) on weighted
 * criteria, ranking them within their groups, and awarding the red and yellow flags. Pure and
 * deterministic: the same figures give the same result, every point traceable to its figure.
 */
import { roundTo } from "./indicators.js";

export const EVALUATION_PERIODS = ["month", "quarter", "half", "year"] as const;
export type EvaluationPeriod = (typeof EVALUATION_PERIODS)[number];
export const PEER_KINDS = ["region", "unit"] as const;
export type PeerKind = (typeof PEER_KINDS)[number];
/** Where a criterion's figure comes from. */
export const CRITERION_SOURCES = [
  "indicator_growth",
  "indicator_completion",
  "task_on_time_rate",
  "task_completion_rate",
  "task_red",
  "notice_unanswered",
  "project_investment_completion",
  "project_started_on_time",
  "project_warnings",
] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];
/**
 * How a figure becomes points: by rank (the best gets the weight, the worst none, evenly between),
 * scaled between the best and the worst figure, or as a share of a target (capped at the weight).
 */
export const SCORING_METHODS = ["rank", "scaled", "ratio"] as const;
export type ScoringMethod = (typeof SCORING_METHODS)[number];
/** A peer without a figure: no points, the average of the others' points, or the criterion left out and the rest scaled up. */
export const MISSING_RULES = ["zero", "average", "exclude"] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

export interface Criterion {
  id: string;
  source: CriterionSource;
  weight: number;
  method: ScoringMethod;
  better: "higher" | "lower";
  missing: MissingRule;
  /** For `ratio`: the figure that earns the full weight (100 for a completion rate). */
  target?: number;
}

export interface Peer {
  id: string;
  group: string;
}

/** A bonus or penalty, entered by hand with a reason. */
export interface Adjustment {
  peerId: string;
  points: number;
  reason: string;
}

export interface EvaluationInput {
  criteria: Criterion[];
  peers: Peer[];
  /** criterion id → peer id → the figure (absent or null: no figure). */
  figures: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  adjustments: Adjustment[];
  /** How many at the top of each group get the red flag, at the bottom the yellow. */
  redFlags: number;
  yellowFlags: number;
}

export interface CriterionScore {
  criterionId: string;
  figure: number | null;
  points: number;
  /** The figure's rank among the group's peers with one (ties share), for rank scoring. */
  rank: number | null;
  /** Why the points are what they are when there was no figure. */
  missing: MissingRule | null;
}

export type Flag = "red" | "yellow";

export interface PeerResult {
  peerId: string;
  group: string;
  /** Points from the criteria (after scaling up for excluded ones), then the adjustments. */
  criteriaPoints: number;
  adjustmentPoints: number;
  total: number;
  rank: number;
  flag: Flag | null;
  scores: CriterionScore[];
  adjustments: Adjustment[];
}

const EPSILON = 1e-9;

/** Ranks figures best first; equal figures share a rank and the next rank skips (1, 2, 2, 4). */
function ranksOf(values: { id: string; value: number }[], better: "higher" | "lower"): Map<string, number> {
  const sorted = [...values].sort((a, b) => (better === "higher" ? b.value - a.value : a.value - b.value));
  const out = new Map<string, number>();
  sorted.forEach((v, i) => {
    const tied = i > 0 && Math.abs(v.value - sorted[i - 1].value) < EPSILON;
    out.set(v.id, tied ? (out.get(sorted[i - 1].id) as number) : i + 1);
  });
  return out;
}

/** One criterion's points for the peers of one group. */
function scoreCriterion(c: Criterion, peers: Peer[], figures: ReadonlyMap<string, number | null> | undefined): CriterionScore[] {
  const known = peers
    .map((p) => ({ id: p.id, value: figures?.get(p.id) }))
    .filter((x): x is { id: string; value: number } => x.value != null && Number.isFinite(x.value));
  const ranks = ranksOf(known, c.better);
  const values = known.map((k) => k.value);
  const best = c.better === "higher" ? Math.max(...values) : Math.min(...values);
  const worst = c.better === "higher" ? Math.min(...values) : Math.max(...values);
  const pointsFor = (value: number, id: string): number => {
    if (c.method === "rank") {
      const n = known.length;
      return n <= 1 ? c.weight : (c.weight * (n - (ranks.get(id) as number))) / (n - 1);
    }
    if (c.method === "scaled") return Math.abs(best - worst) < EPSILON ? c.weight : (c.weight * (value - worst)) / (best - worst);
    const target = c.target ?? 100;
    const share = c.better === "higher" ? value / target : value <= 0 ? 1 : target / value;
    return c.weight * Math.max(0, Math.min(1, share));
  };
  const scored = new Map(known.map((k) => [k.id, pointsFor(k.value, k.id)]));
  const average = known.length ? [...scored.values()].reduce((s, v) => s + v, 0) / known.length : 0;
  return peers.map((p) => {
    const figure = scored.has(p.id) ? (figures?.get(p.id) as number) : null;
    if (figure !== null)
      return { criterionId: c.id, figure, points: scored.get(p.id) as number, rank: ranks.get(p.id) ?? null, missing: null };
    return { criterionId: c.id, figure: null, points: c.missing === "average" ? average : 0, rank: null, missing: c.missing };
  });
}

/**
 * Scores every peer within its group: each criterion's points, scaled up where a criterion was
 * left out for want of a figure, plus the adjustments; then ranks (ties share a rank, on totals
 * rounded to two decimals) and flags: the red to the top N, the yellow to the bottom N, a tie at
 * the edge taking the flag together, never both to one peer.
 */
export function evaluate(input: EvaluationInput): PeerResult[] {
  const totalWeight = input.criteria.reduce((s, c) => s + c.weight, 0);
  const groups = new Map<string, Peer[]>();
  for (const p of input.peers) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const results: PeerResult[] = [];
  // Groups in name order, peers by rank then id: the result does not depend on the order given.
  for (const [group, peers] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const byCriterion = input.criteria.map((c) => scoreCriterion(c, peers, input.figures.get(c.id)));
    const rows = peers.map((p, i) => {
      const scores = byCriterion.map((list) => list[i]);
      const counted = input.criteria.filter((_, k) => scores[k].missing !== "exclude");
      const countedWeight = counted.reduce((s, c) => s + c.weight, 0);
      const raw = scores.reduce((s, x) => s + x.points, 0);
      const criteriaPoints = countedWeight > 0 ? (raw * totalWeight) / countedWeight : 0;
      const adjustments = input.adjustments.filter((a) => a.peerId === p.id);
      const adjustmentPoints = adjustments.reduce((s, a) => s + a.points, 0);
      return {
        peerId: p.id,
        group,
        criteriaPoints,
        adjustmentPoints,
        total: criteriaPoints + adjustmentPoints,
        rank: 0,
        flag: null as Flag | null,
        scores,
        adjustments,
      };
    });
    const ranks = ranksOf(
      rows.map((r) => ({ id: r.peerId, value: roundTo(r.total, 2) })),
      "higher",
    );
    for (const r of rows) r.rank = ranks.get(r.peerId) as number;
    rows.sort((a, b) => a.rank - b.rank || a.peerId.localeCompare(b.peerId));
    // From the bottom as from the top: a peer's place is one more than those strictly worse, so a
    // tie at either edge takes the flag together.
    const fromBottom = ranksOf(
      rows.map((r) => ({ id: r.peerId, value: roundTo(r.total, 2) })),
      "lower",
    );
    for (const r of rows) {
      if (r.rank <= input.redFlags) r.flag = "red";
      else if ((fromBottom.get(r.peerId) as number) <= input.yellowFlags) r.flag = "yellow";
    }
    results.push(...rows);
  }
  return results;
}

export interface Shortfall {
  criterionId: string | "adjustments";
  /** Points the holder earned here and the peer did not (positive: the peer is behind). */
  behind: number;
}

/** What it would take: where a peer lost points against another (the flag holder), largest first. */
export function shortfalls(
  peer: Pick<PeerResult, "scores" | "adjustmentPoints">,
  holder: Pick<PeerResult, "scores" | "adjustmentPoints">,
): Shortfall[] {
  const out: Shortfall[] = peer.scores.map((s, i) => ({
    criterionId: s.criterionId,
    behind: holder.scores[i].points - s.points,
  }));
  out.push({ criterionId: "adjustments", behind: holder.adjustmentPoints - peer.adjustmentPoints });
  return out.filter((s) => Math.abs(s.behind) > EPSILON).sort((a, b) => b.behind - a.behind);
}

/** An evaluation period by its code: "2026" (year), "2026-H1", "2026-Q3", "2026-M05". */
export interface PeriodRange {
  code: string;
  /** First and last month, YYYY-MM. */
  from: string;
  to: string;
}

const month = (y: number, m: number) => `${y}-${String(m).padStart(2, "0")}`;

/** The months an evaluation period covers, or null for a code that names none. */
export function periodRange(code: string): PeriodRange | null {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|M(0[1-9]|1[0-2])))?$/.exec(code);
  if (!m) return null;
  const y = Number(m[1]);
  const part = m[2];
  if (!part) return { code, from: month(y, 1), to: month(y, 12) };
  if (part[0] === "H") return { code, from: month(y, part === "H1" ? 1 : 7), to: month(y, part === "H1" ? 6 : 12) };
  if (part[0] === "Q") {
    const q = Number(part[1]);
    return { code, from: month(y, q * 3 - 2), to: month(y, q * 3) };
  }
  return { code, from: month(y, Number(part.slice(1))), to: month(y, Number(part.slice(1))) };
}

/** The period of a kind that a month falls in: ("half", "2026-05") → "2026-H1". */
export function periodCodeOf(kind: EvaluationPeriod, yyyyMm: string): string {
  const [y, mm] = [yyyyMm.slice(0, 4), Number(yyyyMm.slice(5, 7))];
  if (kind === "year") return y;
  if (kind === "half") return `${y}-H${mm <= 6 ? 1 : 2}`;
  if (kind === "quarter") return `${y}-Q${Math.ceil(mm / 3)}`;
  return `${y}-M${String(mm).padStart(2, "0")}`;
}

/** The period before, of the same kind: "2026-H1" → "2025-H2". */
export function previousPeriodCode(code: string): string | null {
  const r = periodRange(code);
  if (!r) return null;
  const [y, m] = [Number(r.from.slice(0, 4)), Number(r.from.slice(5, 7))];
  const before = m === 1 ? month(y - 1, 12) : month(y, m - 1);
  const kind: EvaluationPeriod = /^\d{4}$/.test(code) ? "year" : code[5] === "H" ? "half" : code[5] === "Q" ? "quarter" : "month";
  return periodCodeOf(kind, before);
}
