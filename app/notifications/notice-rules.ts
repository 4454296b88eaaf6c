/**
 * Union notice rules, pure: the working-day notice period, the TULRCA s.188 clock, and the
 * lifetime of a rep's personal link. Dates are ISO strings; working days count England and
 * Wales bank holidays (content/bank-holidays.json).
 */
import { addDays, councilDate, daysBetween } from "~/lib/council-time";
import type { Settings } from "~/lib/settings";
import { addWorkingDays, workingDaysBetween } from "~/lib/working-days";
import type { Proposal } from "~/proposals/types";

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

// TULRCA 1992 s.188(1A): where 20 to 99 redundancies are proposed at one establishment within
// 90 days, consultation begins at least 30 days before the first dismissal takes effect; for
// 100 or more, at least 45 days. These are law, not council policy, so they are not settings.
export const S188_LARGE_POSTS = 100;
export const S188_DAYS = 30;
export const S188_LARGE_DAYS = 45;

export type CollectiveConsultationClock = {
  days: 30 | 45;
  startedOn: string;
  /** calendar days of consultation so far (the day notice was sent is day 0) */
  elapsedDays: number;
  daysLeft: number;
  /** no dismissal may take effect before this date */
  earliestDismissal: string;
};

/** The s.188 clock, when the posts at risk make it apply; null otherwise or before notice. */
export function collectiveConsultationClock(
  p: Pick<Proposal, "postsAffected" | "noticeSentAt">,
  settings: Settings,
  now: Date,
): CollectiveConsultationClock | null {
  const posts = p.postsAffected ?? 0;
  if (posts < settings.union.collectiveConsultationPosts || !p.noticeSentAt) return null;
  const days = posts >= S188_LARGE_POSTS ? S188_LARGE_DAYS : S188_DAYS;
  const start = councilDate(p.noticeSentAt, settings.council.timeZone);
  const elapsed = Math.max(0, daysBetween(start, councilDate(now, settings.council.timeZone)));
  return {
    days,
    startedOn: start,
    elapsedDays: Math.min(elapsed, days),
    daysLeft: Math.max(0, days - elapsed),
    earliestDismissal: addDays(start, days),
  };
}

/** When a personal notice link stops working. */
export function noticeLinkExpiry(sentAt: Date, settings: Settings): Date {
  return new Date(sentAt.getTime() + settings.union.noticeLinkDays * 24 * 60 * 60 * 1000);
}

/** A link works if it was never used and has not expired. */
export function noticeLinkUsable(link: { usedAt: string | null; expiresAt: string }, now: Date): boolean {
  return link.usedAt == null && now.getTime() < Date.parse(link.expiresAt);
}
