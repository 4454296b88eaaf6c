/**
 * The consultation period as the council approved it (Gunning 3: enough time; Cabinet Office
 * Consultation Principles 2018: proportionate time, and avoid election periods). Pure.
 *
 * A period is planned as a length, not only as two dates. The approver approves a length
 * ("12 weeks from 5 January"); if opening slips (late approval, the unions' notice period, union
 * feedback still unanswered, a pre-election period), the closing date moves with it, so the
 * public always gets the length that was approved. The public page and the history say so.
 *
 * Whatever the plan said, a consultation cannot open for less than the minimum (6 weeks by
 * default), for less than the default (12 weeks) without its published reason, or during a
 * pre-election period without a published reason for consulting then.
 */
import { addDays, councilDate, daysBetween, type IsoDate } from "~/lib/council-time";
import type { Settings } from "~/lib/settings";
import { addWorkingDays } from "~/lib/working-days";
import { isFiller } from "./text-quality";
import type { Proposal, Unmet } from "./types";

type PeriodFacts = Pick<Proposal, "opensOn" | "closesOn" | "periodDays" | "shortPeriodReason" | "preElectionReason">;

export type PreElectionPeriod = Settings["preElectionPeriods"][number];

// Every date below is a day of the council's calendar (app/lib/council-time.ts): instants are
// turned into one with councilDate in the council's time zone before any comparison.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The text if it is a real calendar day ("2027-02-30" is not), otherwise null. */
function realDay(text: string | null | undefined): IsoDate | null {
  if (!text || !ISO_DAY.test(text)) return null;
  return addDays(text, 0) === text ? text : null;
}

/** The length of the plan in days from its two dates, or null when either is missing. */
export function plannedLength(p: Pick<Proposal, "opensOn" | "closesOn">): number | null {
  const opens = realDay(p.opensOn);
  const closes = realDay(p.closesOn);
  if (!opens || !closes) return null;
  return daysBetween(opens, closes);
}

/** The approved length: fixed at approval (periodDays), otherwise what the dates give. */
export function approvedLength(p: PeriodFacts): number | null {
  return p.periodDays ?? plannedLength(p);
}

/** "12 weeks", "8 weeks and 3 days", "5 days". */
export function describeLength(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const w = weeks === 1 ? "1 week" : `${weeks} weeks`;
  const d = rest === 1 ? "1 day" : `${rest} days`;
  if (!weeks) return d;
  return rest ? `${w} and ${d}` : w;
}

/**
 * The dates the consultation gets if it opens on `openingDay`: it closes the approved length
 * later. `moved` is true when that is not the plan.
 */
export function periodOpeningOn(p: PeriodFacts, openingDay: string): { opensOn: string; closesOn: string; days: number; moved: boolean } | null {
  const days = approvedLength(p);
  if (days == null) return null;
  const closesOn = addDays(openingDay, days);
  return { opensOn: openingDay, closesOn, days, moved: openingDay !== p.opensOn || closesOn !== p.closesOn };
}

/** Pre-election periods that a consultation running from `opensOn` to `closesOn` would overlap. */
export function preElectionOverlaps(settings: Pick<Settings, "preElectionPeriods">, opensOn: string, closesOn: string): PreElectionPeriod[] {
  return settings.preElectionPeriods.filter((e) => e.startsOn <= closesOn && e.endsOn >= opensOn);
}

export type PeriodProblem = { code: string; field: "closesOn" | "shortPeriodReason" | "preElectionReason"; message: string };

/**
 * What is wrong with a period from `opensOn` to `closesOn` (both real days): the one rule the
 * gate (planned dates) and the opening (actual dates) both apply.
 */
export function periodProblems(p: Pick<Proposal, "shortPeriodReason" | "preElectionReason">, s: Settings, opensOn: string, closesOn: string): PeriodProblem[] {
  const days = daysBetween(opensOn, closesOn);
  const out: PeriodProblem[] = [];
  if (days <= 0) {
    out.push({ code: "plan.closes_before_opens", field: "closesOn", message: "The closing date must be after the opening date" });
    return out;
  }
  if (days < s.plan.minimumWeeks * 7) {
    out.push({ code: "plan.period_below_minimum", field: "closesOn", message: `The consultation must run for at least ${s.plan.minimumWeeks} weeks – it runs for ${describeLength(days)}` });
  } else if (days < s.plan.defaultWeeks * 7 && isFiller(p.shortPeriodReason)) {
    out.push({
      code: "plan.short_period_reason_missing",
      field: "shortPeriodReason",
      message: `Explain why the consultation runs for ${describeLength(days)}, less than ${s.plan.defaultWeeks} weeks – the reason will be published`,
    });
  }
  const elections = preElectionOverlaps(s, opensOn, closesOn);
  if (elections.length && isFiller(p.preElectionReason)) {
    const e = elections[0];
    out.push({
      code: "plan.pre_election",
      field: "preElectionReason",
      message: `The consultation would run during the pre-election period for the ${e.name} (${longDate(e.startsOn)} to ${longDate(e.endsOn)}): plan it for after ${longDate(e.endsOn)}, or give the reason for consulting then, which will be published`,
    });
  }
  return out;
}

/** The gate's view of the plan's dates (readiness.ts, section 9). */
export function periodUnmet(p: Proposal, s: Settings): Unmet[] {
  const opens = realDay(p.opensOn);
  const closes = realDay(p.closesOn);
  if (!opens || !closes) return [];
  return periodProblems(p, s, opens, closes).map((x) => ({ section: "plan", code: x.code, field: x.field, message: x.message }));
}

/**
 * Why the consultation cannot open on `today` with the dates it would then have, or null. The
 * lifecycle asks this last, after the notice period and the unions' feedback.
 */
export function periodOpeningRefusal(p: Proposal, s: Settings, today: string): string | null {
  const period = periodOpeningOn(p, today);
  if (!period) return "The consultation has no opening and closing dates";
  const problems = periodProblems(p, s, period.opensOn, period.closesOn);
  if (!problems.length) return null;
  return `It cannot open on ${longDate(today)}: ${lowerFirst(problems[0].message)}`;
}

// ─── Before opening: when it will open and close, and what holds it back ───────

export type OpeningForecast = {
  /** the first day everything before opening allows, given what is known today */
  opensOn: string;
  closesOn: string;
  days: number;
  /** the dates differ from the plan */
  moved: boolean;
  /** what stands between the proposal and opening, in the officer's words */
  waitingFor: string[];
};

export type ForecastInputs = {
  settings: Settings;
  now: Date;
  bankHolidays: ReadonlySet<string>;
  unansweredFeedback: number;
  /** under notice: the unions whose notice has not been delivered to any representative yet */
  undeliveredUnions?: string[];
};

/**
 * For an approved proposal not yet open: the earliest day it could open and, keeping the
 * approved length, the day it would close. Days already past count from today.
 */
export function openingForecast(p: Proposal, inputs: ForecastInputs): OpeningForecast | null {
  const planned = realDay(p.opensOn);
  if (!planned || approvedLength(p) == null) return null;
  const today = councilDate(inputs.now, inputs.settings.council.timeZone);
  let earliest = planned < today ? today : planned;
  const waitingFor: string[] = [];
  if (planned < today) waitingFor.push(`The planned opening date (${longDate(planned)}) has passed`);
  if (p.state === "union_notice") {
    const required = inputs.settings.union.noticeWorkingDays;
    if (!p.noticeSentAt) {
      const names = inputs.undeliveredUnions ?? [];
      waitingFor.push(
        names.length
          ? `The notice has not yet been delivered to a representative of ${listNames(names)}: the ${required} working days' notice starts when it has`
          : `The notice has not yet been delivered: the ${required} working days' notice starts when it has`,
      );
      const fromToday = addWorkingDays(today, required, inputs.bankHolidays);
      if (fromToday > earliest) earliest = fromToday;
    } else {
      const noticeOver = addWorkingDays(councilDate(p.noticeSentAt, inputs.settings.council.timeZone), required, inputs.bankHolidays);
      if (noticeOver > earliest) {
        earliest = noticeOver;
        waitingFor.push(`The unions' notice period runs until ${longDate(noticeOver)}`);
      }
    }
    if (inputs.unansweredFeedback > 0) {
      waitingFor.push(`${inputs.unansweredFeedback} ${inputs.unansweredFeedback === 1 ? "feedback item from the unions is" : "feedback items from the unions are"} waiting for an answer`);
    }
  }
  // A pre-election period without a reason pushes the opening past its end.
  let period = periodOpeningOn(p, earliest)!;
  for (let guard = 0; guard < 10; guard++) {
    const blocking = isFiller(p.preElectionReason) ? preElectionOverlaps(inputs.settings, period.opensOn, period.closesOn) : [];
    if (!blocking.length) break;
    const after = addDays(blocking.reduce((end, e) => (e.endsOn > end ? e.endsOn : end), blocking[0].endsOn), 1);
    waitingFor.push(`The pre-election period for the ${blocking[0].name} ends on ${longDate(blocking[0].endsOn)}`);
    period = periodOpeningOn(p, after)!;
  }
  return { ...period, waitingFor };
}

/** For the public history: the plan and where the dates moved when it opened late, or null. */
export function datesMovedAtOpening(p: Pick<Proposal, "opensOn" | "plannedOpensOn" | "plannedClosesOn" | "periodDays">) {
  if (!p.plannedOpensOn || !p.opensOn) return null;
  const days = approvedLength({ opensOn: p.plannedOpensOn, closesOn: p.plannedClosesOn, periodDays: p.periodDays, shortPeriodReason: null, preElectionReason: null });
  if (days == null) return null;
  return { opensOn: p.opensOn, plannedOpensOn: p.plannedOpensOn, plannedClosesOn: p.plannedClosesOn, movedClosesOn: addDays(p.opensOn, days), days, length: describeLength(days) };
}

// ─── Small helpers ─────────────────────────────────────────────────────────────

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "5 January 2027", without loading the formatting module into the rules. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
