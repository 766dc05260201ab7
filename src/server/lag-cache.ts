import type { Actor } from "../domain/scope.js";

interface Entry {
  at: number;
  value: Promise<unknown>;
}

/**
 * Answers that tolerate a little lag — the leaders' cockpit, sums over a region — kept for a few
 * seconds per reader's scope and question. However many ask at once, each answer is computed
 * once. A change made through this server forgets them all (see app.ts), so people see their own
 * edits at once; changes made elsewhere (another server, the jobs) show within `ttlMs`, the same
 * bound a streaming replica's lag puts on these reads.
 */
export class LagCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The answer for `key`, computed by `compute` unless a fresh one is kept or on its way. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const at = this.now();
    const kept = this.entries.get(key);
    if (kept && at - kept.at < this.ttlMs) return kept.value as Promise<T>;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { at, value });
    // A failed computation is not kept: the next reader tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // The oldest entries go first once there are too many (a Map keeps insertion order).
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * What decides which records a reader may see, as part of a cache key: readers who share it share
 * answers. Deliberately more than the policies use (the unit, not only the region), so a key can
 * never let one unit's answer reach another.
 */
export function scopeKey(actor: Actor): string {
  return `${[...actor.roles].sort().join("+")}|${actor.unitId}|${actor.regionId}`;
}

/** How many rows match, up to a cap: what list queries count besides their page. */
export type Count = { total: number; totalCapped: boolean };
export type CountKeeper = (compute: () => Promise<Count>) => Promise<Count>;

/** Counts computed every time: for callers that keep nothing. */
export const countNow: CountKeeper = (compute) => compute();

/**
 * A list's count kept for lag, per reader's scope and filters (its page, sort and size do not
 * change it): paging through a list, or many readers of one list, count once. The rows of each
 * page are always read fresh.
 */
export function keptCount(cache: LagCache, list: string, actor: Actor, query: Record<string, unknown>): CountKeeper {
  const filters = Object.entries(query)
    .filter(([k, v]) => v !== undefined && !["cursor", "sort", "order", "limit"].includes(k))
    .sort(([a], [b]) => a.localeCompare(b));
  return (compute) => cache.get(`count|${list}|${scopeKey(actor)}|${JSON.stringify(filters)}`, compute);
}
