/**
 * Working days in England and Wales: Monday to Friday, less bank holidays (the list lives in
 * content/bank-holidays.json so a council can add one without a release). Pure, on calendar
 * dates of the council's calendar: turn an instant into one with `councilDate` first
 * (app/lib/council-time.ts), so the server's time zone never moves a day.
 */
import { addDays, daysBetween, weekday, type IsoDate } from "./council-time";

export function isWorkingDay(day: IsoDate, bankHolidays: ReadonlySet<string>): boolean {
  const dow = weekday(day);
  return dow !== 0 && dow !== 6 && !bankHolidays.has(day);
}

/** Whole working days after `from` up to and including `to` (0 if `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, bankHolidays: ReadonlySet<string>): number {
  const days = daysBetween(from, to);
  let count = 0;
  for (let i = 1; i <= days; i++) if (isWorkingDay(addDays(from, i), bankHolidays)) count++;
  return count;
}

/** The date `n` working days after `from`. */
export function addWorkingDays(from: IsoDate, n: number, bankHolidays: ReadonlySet<string>): IsoDate {
  let day = from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, bankHolidays)) left--;
  }
  return day;
}
