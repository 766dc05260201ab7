/**
 * Reporting periods: a task reports once per period of its cadence. Periods have keys that sort
 * as text ("2023-05", "2023-W19", "2023-Q2"). Dates are ISO strings (YYYY-MM-DD) in local time. Pure.
 */
export const CADENCES = ["weekly", "monthly", "quarterly"] as const;
export type Cadence = (typeof CADENCES)[number];

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => toIso(new Date(toDate(iso).getTime() + days * DAY));
export const daysBetween = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY);

export interface Period {
  key: string;
  start: string;
  end: string;
}

/** ISO week: Monday to Sunday; the week belongs to the year of its Thursday. */
function isoWeek(iso: string): Period {
  const d = toDate(iso);
  const weekday = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - weekday * DAY);
  const thursday = new Date(monday.getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY);
  const n = Math.round((monday.getTime() - week1Monday.getTime()) / (7 * DAY)) + 1;
  return {
    key: `${year}-W${String(n).padStart(2, "0")}`,
    start: toIso(monday),
    end: toIso(new Date(monday.getTime() + 6 * DAY)),
  };
}

export function periodOf(iso: string, cadence: Cadence): Period {
  const d = toDate(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (cadence === "weekly") return isoWeek(iso);
  if (cadence === "monthly") {
    return {
      key: `${y}-${String(m + 1).padStart(2, "0")}`,
      start: toIso(new Date(Date.UTC(y, m, 1))),
      end: toIso(new Date(Date.UTC(y, m + 1, 0))),
    };
  }
  const q = Math.floor(m / 3);
  return {
    key: `${y}-Q${q + 1}`,
    start: toIso(new Date(Date.UTC(y, q * 3, 1))),
    end: toIso(new Date(Date.UTC(y, q * 3 + 3, 0))),
  };
}

/**
 * The last period that has ended on or before `today` and began on or after the task's start
 * (its report is the one that should be in); null while the first period is still running.
 */
export function lastDuePeriod(startOn: string, today: string, cadence: Cadence): Period | null {
  const current = periodOf(today, cadence);
  const previous = periodOf(addDays(current.start, -1), cadence);
  if (previous.end < startOn) return null;
  return previous;
}
