/**
 * When the outcome of a consultation is due, and whether it is overdue. Pure.
 *
 * Cabinet Office Consultation Principles 2018: publish the response within 12 weeks of the
 * consultation closing. `closesOn` is the last day responses were taken, so the outcome is due
 * on the day 12 weeks later; from the next day it is overdue, by one day, then two, and so on.
 * Days count on the council's calendar (~/lib/council-time), whatever the server's time zone.
 * Publishing the outcome (the state leaves "closed") clears it.
 */
import type { ProposalState } from "#db/schema";
import { DEFAULT_TIME_ZONE, addDays, councilDate, daysBetween } from "~/lib/council-time";

export const OUTCOME_DUE_WEEKS = 12;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day the outcome is due: 12 weeks after the closing date. */
export function outcomeDueOn(closesOn: string | null | undefined): string | null {
  if (!closesOn || !ISO_DATE.test(closesOn)) return null;
  try {
    return addDays(closesOn, OUTCOME_DUE_WEEKS * 7);
  } catch {
    return null;
  }
}

export type OutcomeClock = {
  /** 12 weeks after closing; null when there is no closing date */
  dueOn: string | null;
  overdue: boolean;
  /** 0 unless overdue */
  daysOverdue: number;
};

/** Overdue: closed, no published outcome, and the due day has passed in the council's calendar. */
export function outcomeClock(p: { state: ProposalState; closesOn: string | null }, now: Date, timeZone: string = DEFAULT_TIME_ZONE): OutcomeClock {
  const dueOn = outcomeDueOn(p.closesOn);
  if (!dueOn || p.state !== "closed") return { dueOn, overdue: false, daysOverdue: 0 };
  const days = daysBetween(dueOn, councilDate(now, timeZone));
  return days > 0 ? { dueOn, overdue: true, daysOverdue: days } : { dueOn, overdue: false, daysOverdue: 0 };
}

/** "1 day" or "16 days". */
export function daysText(n: number): string {
  return `${n} ${n === 1 ? "day" : "days"}`;
}
