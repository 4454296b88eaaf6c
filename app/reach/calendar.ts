/**
 * The council's calendar date at an instant: due dates, "overdue" and dates sent count days in
 * the council's time zone, never the server's. Pure.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function councilToday(at: Date, timeZone = "Europe/London"): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}
