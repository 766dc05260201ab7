/** Where the offices are (LUOSHI_TIMEZONE, default Asia/Shanghai): deadlines are local dates. */
export const timeZone = () => process.env.LUOSHI_TIMEZONE || "Asia/Shanghai";

let offsetMs = 0;

/**
 * Moves the server's clock (tests only: a browser spec lets a task go overdue). Dates the
 * supervision rules read come from here; database timestamps stay real.
 */
export function shiftClockForTests(days: number): void {
  offsetMs = days * 86_400_000;
}

export const now = () => new Date(Date.now() + offsetMs);

/** Today's local date as YYYY-MM-DD. */
export function todayIso(at: Date = now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone(), year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
