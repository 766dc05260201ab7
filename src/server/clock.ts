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

// Building a formatter costs far more than using one; it is kept per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's local date as YYYY-MM-DD. */
export function todayIso(at: Date = now()): string {
  const zone = timeZone();
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(zone, f);
  }
  return f.format(at);
}
