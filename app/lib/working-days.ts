/**
 * Working days in England and Wales: Monday to Friday, less bank holidays (the list lives in
 * content/bank-holidays.json so a council can add one without a release). Pure.
 */
import { addDays, differenceInCalendarDays, formatISO, isWeekend, parseISO } from "date-fns";

export function isWorkingDay(day: Date, bankHolidays: ReadonlySet<string>): boolean {
  return !isWeekend(day) && !bankHolidays.has(formatISO(day, { representation: "date" }));
}

/** Whole working days after `from` up to and including `to` (0 if `to` is not after `from`). */
export function workingDaysBetween(from: Date | string, to: Date | string, bankHolidays: ReadonlySet<string>): number {
  const start = typeof from === "string" ? parseISO(from) : from;
  const end = typeof to === "string" ? parseISO(to) : to;
  const days = differenceInCalendarDays(end, start);
  let count = 0;
  for (let i = 1; i <= days; i++) if (isWorkingDay(addDays(start, i), bankHolidays)) count++;
  return count;
}

/** The date `n` working days after `from`. */
export function addWorkingDays(from: Date | string, n: number, bankHolidays: ReadonlySet<string>): Date {
  let day = typeof from === "string" ? parseISO(from) : from;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, bankHolidays)) left--;
  }
  return day;
}
