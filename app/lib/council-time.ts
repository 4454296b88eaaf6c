/**
 * The council's calendar. Every date rule in the product (when a consultation opens and closes,
 * when comments and answers stop, working days of union notice, the s.188 clock, when an
 * outcome is overdue, the scheduler) counts days in one time zone: the council's
 * (`settings.council.timeZone`, Europe/London by default), never the server's. A server whose
 * clock runs in UTC, or a developer's laptop in Los Angeles, must close a consultation at the
 * same moment: midnight at the end of its closing date in the council's time zone, which in
 * summer (BST) is 23:00 UTC the evening before.
 *
 * Calendar dates are ISO strings ("2027-03-28"); their arithmetic below is pure calendar
 * arithmetic (done in UTC, where every day has 24 hours), so no process time zone can shift them.
 * Pure: safe on the server and the client.
 */

export const DEFAULT_TIME_ZONE = "Europe/London";

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/London"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

/** The date on the council's calendar at an instant (a Date or an ISO timestamp). */
export function councilDate(instant: Date | string, timeZone: string): IsoDate {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  return dateFormatter(timeZone).format(at);
}

/**
 * The council date a stored value stands for: a calendar date as it is, a timestamp as the
 * date it fell on in the council's time zone.
 */
export function toCouncilDate(value: Date | string, timeZone: string): IsoDate {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : councilDate(value, timeZone);
}

function utcDay(day: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a calendar date: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const DAY_MS = 86_400_000;

/** The date `n` calendar days after `day` (before it, for negative `n`). */
export function addDays(day: IsoDate, n: number): IsoDate {
  return new Date(utcDay(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** Day of the week: 0 for Sunday to 6 for Saturday. */
export function weekday(day: IsoDate): number {
  return new Date(utcDay(day)).getUTCDay();
}
