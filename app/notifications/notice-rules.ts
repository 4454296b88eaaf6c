/**
 * Union notice rules, pure: the working-day notice period and the lifetime of a rep's personal
 * link (the TULRCA s.188 clock is with the rest of employment law, proposals/employment.ts). Dates are ISO strings; working days count England and
 * Wales bank holidays (content/bank-holidays.json).
 */
import { councilDate } from "~/lib/council-time";
import type { Settings } from "~/lib/settings";
import { addWorkingDays, workingDaysBetween } from "~/lib/working-days";
import type { Proposal } from "~/proposals/types";

/** The longest feedback item or answer a union and the council can send, in characters. */
export const FEEDBACK_MAX_CHARS = 5000;

export type NoticePeriod = {
  sentOn: string;
  requiredWorkingDays: number;
  /** working days given so far (after the day of sending, up to and including today) */
  givenWorkingDays: number;
  /** the first day the consultation may open */
  earliestOpening: string;
  /** the planned opening date, if any, falls before the notice period is over */
  openingTooEarly: boolean;
  /** the day it will open: the later of the planned date and the earliest allowed */
  expectedOpening: string | null;
};

export function noticePeriod(p: Pick<Proposal, "noticeSentAt" | "opensOn">, settings: Settings, now: Date, holidays: ReadonlySet<string>): NoticePeriod | null {
  if (!p.noticeSentAt) return null;
  // Days on the council's calendar: notice sent at 23:30 UTC on a summer Friday was sent on Saturday.
  const sent = councilDate(p.noticeSentAt, settings.council.timeZone);
  const required = settings.union.noticeWorkingDays;
  const earliest = addWorkingDays(sent, required, holidays);
  const openingTooEarly = p.opensOn != null && p.opensOn < earliest;
  return {
    sentOn: sent,
    requiredWorkingDays: required,
    givenWorkingDays: Math.min(workingDaysBetween(sent, councilDate(now, settings.council.timeZone), holidays), required),
    earliestOpening: earliest,
    openingTooEarly,
    expectedOpening: p.opensOn ? (openingTooEarly ? earliest : p.opensOn) : null,
  };
}

/** When a personal notice link stops working. */
export function noticeLinkExpiry(sentAt: Date, settings: Settings): Date {
  return new Date(sentAt.getTime() + settings.union.noticeLinkDays * 24 * 60 * 60 * 1000);
}

/** A link works if it was never used and has not expired. */
export function noticeLinkUsable(link: { usedAt: string | null; expiresAt: string; revokedAt?: string | null }, now: Date): boolean {
  return link.usedAt == null && link.revokedAt == null && now.getTime() < Date.parse(link.expiresAt);
}
