/**
 * How long an account stays locked after failed sign-ins in a row. Below `max` failures it is
 * open; the failure that reaches `max` locks it for `windowMinutes`, and each further failure (one
 * try is allowed each time the lock runs out) doubles the lock, up to `capHours`. A successful
 * sign-in starts the count again; failures older than the cap are forgotten.
 */
export function lockSeconds(failures: number, max: number, windowMinutes: number, capHours = 24): number {
  if (failures < max) return 0;
  return Math.min(windowMinutes * 60 * 2 ** Math.min(failures - max, 30), capHours * 3600);
}
