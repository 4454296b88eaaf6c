/**
 * Employment law a proposal must satisfy before the unions are told. Pure: the gate
 * (readiness.ts, section 10), the lifecycle and the staff pages call it.
 *
 * TULRCA 1992 s.188: an employer proposing to dismiss as redundant 20 or more employees at one
 * establishment within a period of 90 days or less must consult the recognised unions, at least
 * 30 days before the first dismissal takes effect (45 days from 100), and disclose in writing
 * the items of s.188(4)(a) to (i). The 20 are counted across proposals: this proposal's posts
 * and other proposals' at the same establishment with a first dismissal within 90 days
 * (`otherRedundancies`, loaded with the proposal).
 *
 * TULRCA 1992 s.193: at 20 or more, the Secretary of State (the Redundancy Payments Service,
 * form HR1) must be told at least 30 days (45 from 100) before the first dismissal; not doing
 * so is an offence (s.194). A copy goes to the union representatives.
 *
 * TUPE 2006 reg 13: before a transfer of staff to or from another employer (outsourcing,
 * insourcing, a shared service), the representatives of affected employees must be told the
 * fact, date and reasons, the implications, the measures envisaged by each employer, and
 * (reg 13(2A)) about agency workers.
 */
import type { TransferKind } from "#db/schema";
import { establishmentLabel, type Settings } from "~/lib/settings";
import { addDays, councilDate, daysBetween } from "~/lib/council-time";
import { longDate } from "./period";
import { isFiller, namesTiming, wordCount } from "./text-quality";

/** A number in figures or words, as a count of staff is written. */
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b/i;
import type { Proposal, Unmet } from "./types";

// s.188(1A) and s.193(2): law, not council policy, so not settings.
export const S188_LARGE_POSTS = 100;
export const S188_DAYS = 30;
export const S188_LARGE_DAYS = 45;
/** s.188(1): "within a period of 90 days or less" */
export const AGGREGATION_DAYS = 90;

type TextField =
  | "redundancyReasons"
  | "staffDescriptions"
  | "employedInDescriptions"
  | "selectionMethod"
  | "dismissalMethodAndTiming"
  | "redundancyPayMethod";

/** s.188(4)(a) to (f), in the Act's order. (g) to (i) are the agency-worker items below. */
export const S188_ITEMS: { field: TextField; paragraph: string; label: string; ask: string }[] = [
  { field: "redundancyReasons", paragraph: "(a)", label: "The reasons for the proposals", ask: "Give the reasons for the proposed redundancies" },
  {
    field: "staffDescriptions",
    paragraph: "(b)",
    label: "The numbers and descriptions of employees it is proposed to dismiss as redundant",
    ask: "Give the numbers and descriptions (jobs and grades) of the staff who may be made redundant",
  },
  {
    field: "employedInDescriptions",
    paragraph: "(c)",
    label: "The total number of employees of each of those descriptions employed at the establishment",
    ask: "Give the total number of staff of each of those descriptions employed at the establishment",
  },
  { field: "selectionMethod", paragraph: "(d)", label: "The proposed method of selecting the employees who may be dismissed", ask: "Describe how staff would be selected for redundancy" },
  {
    field: "dismissalMethodAndTiming",
    paragraph: "(e)",
    label: "The proposed method of carrying out the dismissals, with regard to any agreed procedure, and the period over which they are to take effect",
    ask: "Describe how dismissals would be carried out, following any agreed procedure, and over what period",
  },
  {
    field: "redundancyPayMethod",
    paragraph: "(f)",
    label: "The proposed method of calculating any redundancy payments beyond the statutory minimum",
    ask: "Describe how redundancy payments would be calculated, including any enhancement beyond the statutory minimum (or say there is none)",
  },
];

export const AGENCY_ITEMS = {
  count: { paragraph: "(g)", label: "The number of agency workers working temporarily for and under the direction of the council" },
  parts: { paragraph: "(h)", label: "The parts of the council in which those agency workers are working" },
  work: { paragraph: "(i)", label: "The type of work those agency workers are carrying out" },
} as const;

type TransferField = "transferReasons" | "transferImplications" | "transferMeasures" | "transfereeMeasures";

/** TUPE 2006 reg 13(2)(a) to (d). */
export const TUPE_ITEMS: { field: TransferField; paragraph: string; label: string; ask: string }[] = [
  {
    field: "transferReasons",
    paragraph: "(a)",
    label: "That the transfer is to take place, and the reasons for it",
    ask: "Say that the transfer is to take place and give the reasons for it",
  },
  {
    field: "transferImplications",
    paragraph: "(b)",
    label: "The legal, economic and social implications of the transfer for the affected employees",
    ask: "Describe the legal, economic and social implications of the transfer for the staff affected",
  },
  {
    field: "transferMeasures",
    paragraph: "(c)",
    label: "The measures the council envisages taking in connection with the transfer, or that there are none",
    ask: "Describe the measures the council envisages taking for the staff affected, or say that there are none",
  },
  {
    field: "transfereeMeasures",
    paragraph: "(d)",
    label: "The measures the other employer envisages taking for the staff who transfer, or that there are none",
    ask: "Describe the measures the other employer envisages taking for the staff who transfer, or say that there are none",
  },
];

export const TRANSFER_LABELS: Record<TransferKind, string> = {
  none: "No: no staff would move to or from another employer",
  outsourcing: "Yes: council staff would move to a contractor or partner (outsourcing)",
  insourcing: "Yes: a contractor's staff would move to the council (insourcing)",
  shared_service: "Yes: staff would move into or out of a service shared with another body",
};

// ─── Collective consultation ───────────────────────────────────────────────────

export type CollectiveConsultation = {
  /** this proposal's posts proposed for redundancy */
  posts: number;
  /** other proposals' posts counted with them (same establishment, within 90 days) */
  otherPosts: number;
  otherProposals: number;
  total: number;
  establishment: string | null;
  /** s.188 applies to the total */
  applies: boolean;
  /** the minimum days of consultation before the first dismissal, when it applies */
  days: 30 | 45 | null;
};

/** The establishment a proposal's staff are at: its answer, or the council's only one. */
export function establishmentOf(p: Pick<Proposal, "establishment">, s: Settings): string | null {
  if (p.establishment) return p.establishment;
  return s.establishments.length === 1 ? s.establishments[0].key : null;
}

/**
 * Posts this proposal puts at risk of redundancy. Until the officer answers, every affected post
 * counts: the safe reading, since under-counting is what the Act punishes.
 */
export function redundancyPostsOf(p: Pick<Proposal, "redundancyPosts" | "postsAffected">): number {
  return p.redundancyPosts ?? p.postsAffected ?? 0;
}

export function collectiveConsultation(p: Proposal, s: Settings): CollectiveConsultation {
  const posts = redundancyPostsOf(p);
  const other = posts > 0 ? (p.otherRedundancies ?? { proposals: 0, posts: 0 }) : { proposals: 0, posts: 0 };
  const total = posts + other.posts;
  const applies = posts > 0 && total >= s.union.collectiveConsultationPosts;
  return {
    posts,
    otherPosts: other.posts,
    otherProposals: other.proposals,
    total,
    establishment: establishmentOf(p, s),
    applies,
    days: applies ? (total >= S188_LARGE_POSTS ? S188_LARGE_DAYS : S188_DAYS) : null,
  };
}

/** Whether two first-dismissal dates fall within one period of 90 days or less. */
export function withinAggregationPeriod(a: string, b: string): boolean {
  return Math.abs(daysBetween(a, b)) < AGGREGATION_DAYS;
}

/** "24 posts are proposed for redundancy at Ashdown House within 90 days (12 in this proposal and 12 in 1 other)". */
export function describeTotal(c: CollectiveConsultation, s: Settings): string {
  const where = c.establishment ? ` at ${establishmentLabel(s, c.establishment)}` : "";
  if (!c.otherPosts) return `${c.total} posts are proposed for redundancy${where}`;
  const others = c.otherProposals === 1 ? "1 other proposal" : `${c.otherProposals} other proposals`;
  return `${c.total} posts are proposed for redundancy${where} within ${AGGREGATION_DAYS} days (${c.posts} in this proposal and ${c.otherPosts} in ${others})`;
}

/**
 * When collective consultation begins, as far as is known: the day the notice was delivered,
 * otherwise the planned opening (the notice always comes before it). Null if neither is known.
 */
export function consultationStart(p: Pick<Proposal, "noticeSentAt" | "opensOn">, s: Settings): string | null {
  // The day it was delivered on the council's calendar (council-time.ts), whatever the server's.
  if (p.noticeSentAt) return councilDate(p.noticeSentAt, s.council.timeZone);
  return p.opensOn && /^\d{4}-\d{2}-\d{2}$/.test(p.opensOn) ? p.opensOn : null;
}

/** The first day a dismissal may take effect under s.188(1A), counted from `start`. */
export function earliestDismissal(start: string, days: number): string {
  return addDays(start, days);
}

/** The s.188 clock once the notice has been delivered: for the notice pages. */
export type CollectiveConsultationClock = {
  days: 30 | 45;
  startedOn: string;
  elapsedDays: number;
  daysLeft: number;
  earliestDismissal: string;
};

export function collectiveConsultationClock(p: Proposal, s: Settings, now: Date): CollectiveConsultationClock | null {
  const c = collectiveConsultation(p, s);
  if (!c.applies || !c.days || !p.noticeSentAt) return null;
  const start = councilDate(p.noticeSentAt, s.council.timeZone);
  const elapsed = Math.max(0, daysBetween(start, councilDate(now, s.council.timeZone)));
  return { days: c.days, startedOn: start, elapsedDays: Math.min(elapsed, c.days), daysLeft: Math.max(0, c.days - elapsed), earliestDismissal: earliestDismissal(start, c.days) };
}

/** s.193: the HR1 reminder for officers, when collective consultation applies. */
export type Hr1Reminder = { days: 30 | 45; total: number; deadline: string | null; message: string };

export function hr1Reminder(p: Proposal, s: Settings): Hr1Reminder | null {
  const c = collectiveConsultation(p, s);
  if (!c.applies || !c.days) return null;
  const deadline = p.firstDismissalOn && /^\d{4}-\d{2}-\d{2}$/.test(p.firstDismissalOn) ? addDays(p.firstDismissalOn, -c.days) : null;
  const by = deadline ? `by ${longDate(deadline)}, ${c.days} days before the first dismissal on ${longDate(p.firstDismissalOn!)}` : `at least ${c.days} days before the first dismissal`;
  return {
    days: c.days,
    total: c.total,
    deadline,
    message:
      `${describeTotal(c, s)}, so the council must notify the Redundancy Payments Service on form HR1 ${by}, ` +
      "and before any notice of dismissal is given (Trade Union and Labour Relations (Consolidation) Act 1992, section 193). " +
      "Give a copy to the union representatives. Not notifying is an offence (section 194).",
  };
}

// ─── The gate's items (readiness.ts, section 10) ───────────────────────────────

const unmet = (code: string, field: string, message: string): Unmet => ({ section: "stakeholders", code, field, message });

function isDay(text: string | null): text is string {
  return !!text && /^\d{4}-\d{2}-\d{2}$/.test(text);
}

export function employmentUnmet(p: Proposal, s: Settings): Unmet[] {
  const out: Unmet[] = [];
  const affected = p.postsAffected ?? 0;
  if (affected <= 0) return out;

  // Redundancies: how many, where, and from when.
  if (p.redundancyPosts == null) {
    out.push(unmet("stakeholders.redundancy_posts_missing", "redundancyPosts", `Say how many of the ${affected} posts affected are proposed for redundancy (enter 0 if none)`));
  } else if (p.redundancyPosts > affected) {
    out.push(unmet("stakeholders.redundancy_posts_exceed", "redundancyPosts", `Posts proposed for redundancy (${p.redundancyPosts}) cannot be more than the posts affected (${affected})`));
  }
  const c = collectiveConsultation(p, s);
  if ((p.redundancyPosts ?? 0) > 0) {
    const known = establishmentOf(p, s);
    if (!known || !s.establishments.some((e) => e.key === known)) {
      out.push(unmet("stakeholders.establishment_missing", "establishment", "Choose the establishment where the staff at risk of redundancy work"));
    }
    if (!isDay(p.firstDismissalOn)) {
      out.push(unmet("stakeholders.first_dismissal_missing", "firstDismissalOn", "Enter the earliest date a dismissal would take effect"));
    } else {
      // Gunning 1: dismissals before the consultation closes would mean the decision was taken.
      if (isDay(p.closesOn) && p.firstDismissalOn <= p.closesOn) {
        out.push(
          unmet(
            "stakeholders.dismissal_before_closing",
            "firstDismissalOn",
            `The first dismissal (${longDate(p.firstDismissalOn)}) would take effect before the consultation closes on ${longDate(p.closesOn)}: no dismissal can be decided before the council has considered the responses`,
          ),
        );
      }
      // s.188(1A): the 30 or 45 days are a rule, not a display.
      const start = consultationStart(p, s);
      if (c.applies && c.days && start) {
        const earliest = earliestDismissal(start, c.days);
        if (p.firstDismissalOn < earliest) {
          out.push(
            unmet(
              "stakeholders.dismissal_before_s188",
              "firstDismissalOn",
              `${describeTotal(c, s)}, so collective consultation must start at least ${c.days} days before the first dismissal (section 188(1A)): it starts ${p.noticeSentAt ? "on" : "no later than"} ${longDate(start)}, so the first dismissal can be no earlier than ${longDate(earliest)}`,
            ),
          );
        }
      }
    }
  }

  // s.188(4): the written disclosure, for the total across proposals.
  if (c.applies) {
    const because = `${describeTotal(c, s)}, so the union notice must include it (Trade Union and Labour Relations (Consolidation) Act 1992, section 188(4))`;
    // Proportionate to the change: a two-word answer tells a union nothing about 20 or more jobs,
    // and 100 or more (the 45-day clock) needs twice the detail.
    const minWords = c.total >= S188_LARGE_POSTS ? s.gate.s188MinWords * 2 : s.gate.s188MinWords;
    for (const item of S188_ITEMS) {
      const text = p[item.field];
      if (isFiller(text)) {
        out.push(unmet("stakeholders.s188_missing", item.field, `${item.ask}: ${because}`));
      } else if (wordCount(text) < minWords) {
        out.push(unmet("stakeholders.s188_too_short", item.field, `${item.ask} in full, in ${minWords} words or more – it has ${wordCount(text)}: ${because}`));
      } else if ((item.field === "staffDescriptions" || item.field === "employedInDescriptions") && !NUMBER.test(text ?? "")) {
        out.push(unmet("stakeholders.s188_too_short", item.field, `${item.ask}, with the numbers by job and grade: ${because}`));
      } else if (item.field === "dismissalMethodAndTiming" && !namesTiming(text)) {
        out.push(unmet("stakeholders.s188_too_short", item.field, `Say over what period the dismissals would take effect, with dates: ${because}`));
      }
    }
    out.push(...agencyUnmet(p, `section 188(4)${AGENCY_ITEMS.count.paragraph} to (i)`));
  }

  // TUPE 2006 reg 13.
  if (p.transferKind == null) {
    out.push(unmet("stakeholders.transfer_missing", "transferKind", "Say whether any staff would transfer to or from another employer (the Transfer of Undertakings (Protection of Employment) Regulations 2006, TUPE)"));
  } else if (p.transferKind !== "none") {
    const because = "the unions must be told before the transfer (Transfer of Undertakings (Protection of Employment) Regulations 2006, regulation 13)";
    if (!isDay(p.transferOn)) out.push(unmet("stakeholders.tupe_missing", "transferOn", `Enter the date, or proposed date, of the transfer: ${because}`));
    for (const item of TUPE_ITEMS) {
      if (isFiller(p[item.field])) out.push(unmet("stakeholders.tupe_missing", item.field, `${item.ask}: ${because}`));
    }
    if (!c.applies) out.push(...agencyUnmet(p, "regulation 13(2A)"));
  }
  return out;
}

function agencyUnmet(p: Proposal, where: string): Unmet[] {
  const out: Unmet[] = [];
  if (p.agencyWorkerCount == null) {
    out.push(unmet("stakeholders.agency_missing", "agencyWorkerCount", `Say how many agency workers work for the council in the parts affected (enter 0 if none): the unions must be told (${where})`));
  } else if (p.agencyWorkerCount > 0) {
    if (isFiller(p.agencyWorkerParts)) out.push(unmet("stakeholders.agency_missing", "agencyWorkerParts", `Say in which parts of the council the ${p.agencyWorkerCount} agency workers work (${where})`));
    if (isFiller(p.agencyWorkerWork)) out.push(unmet("stakeholders.agency_missing", "agencyWorkerWork", `Say what type of work the ${p.agencyWorkerCount} agency workers do (${where})`));
  }
  return out;
}

/**
 * At approval and opening, with real dates: the first dismissal must still allow the s.188
 * consultation its days, counted from the latest the consultation can begin (`start`).
 */
export function dismissalDateRefusal(p: Proposal, s: Settings, start: string): string | null {
  const c = collectiveConsultation(p, s);
  if (!c.applies || !c.days || !isDay(p.firstDismissalOn)) return null;
  const earliest = earliestDismissal(start, c.days);
  if (p.firstDismissalOn >= earliest) return null;
  return `${describeTotal(c, s)}: collective consultation cannot start before ${longDate(start)}, so no dismissal can take effect before ${longDate(earliest)} (section 188(1A)). Change the first dismissal date from ${longDate(p.firstDismissalOn)} first`;
}
