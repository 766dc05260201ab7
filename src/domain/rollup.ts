/** A parent's progress rolls up from its children by weight (DESIGN.md). Pure. */
export interface Weighted {
  progress: number;
  weight: number;
  /** Cancelled children no longer count. */
  cancelled?: boolean;
}

/** The weighted mean of the children's progress, rounded to one decimal; null without children that count. */
export function rollUpProgress(children: readonly Weighted[]): number | null {
  const counted = children.filter((c) => !c.cancelled && c.weight > 0);
  const total = counted.reduce((s, c) => s + c.weight, 0);
  if (!total) return null;
  const sum = counted.reduce((s, c) => s + c.weight * Math.min(Math.max(c.progress, 0), 100), 0);
  return Math.round((sum / total) * 10) / 10;
}
