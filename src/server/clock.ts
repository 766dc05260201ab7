/** Today's date where the offices are (LUOSHI_TIMEZONE, default Asia/Shanghai), as YYYY-MM-DD; deadlines are local dates. */
export function todayIso(now: Date = new Date()): string {
  const timeZone = process.env.LUOSHI_TIMEZONE || "Asia/Shanghai";
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
