/**
 * The one source of the words for every scale, category and state that an officer chooses from
 * and the public reads back: the drafting forms, the public page, check answers, the charts and
 * the staff pages all take their words from here, so "2: Minor" on the form is "2 – Minor" on the
 * page (tests/component/labels-agree.test.tsx renders each value in both and compares).
 * The English interface catalogue takes its words for these from here too (app/i18n/catalogues),
 * so one edit changes form and page alike; other languages translate them in their catalogues.
 * Pure and client-safe: types only from the schema.
 */
import type { EqualityRating, ProposalState } from "#db/schema";

// ─── Risks: two 1–5 scales and the level of their product ────────────────────
export const RATINGS = ["1", "2", "3", "4", "5"] as const;

/** How likely a risk is, 1 to 5. */
export const LIKELIHOOD_LABELS: Record<number, string> = { 1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain" };
/** How much harm it would do, 1 to 5: the usual five-point impact scale of a council risk register. */
export const IMPACT_LABELS: Record<number, string> = { 1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe" };

export type RiskLevel = "low" | "medium" | "high";
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: "Low", medium: "Medium", high: "High" };

/** A 1–5 scale's words keyed "1" to "5", as a catalogue holds them. */
export function ratingWords(labels: Record<number, string>): Record<(typeof RATINGS)[number], string> {
  return { "1": labels[1], "2": labels[2], "3": labels[3], "4": labels[4], "5": labels[5] };
}

/** The words alone of a list of labels with colours or hints, as a catalogue holds them. */
export function labelWords<K extends string>(labels: Record<K, { label: string }>): Record<K, string> {
  return Object.fromEntries(Object.entries<{ label: string }>(labels).map(([key, value]) => [key, value.label])) as Record<K, string>;
}

/** A rating as the form offers it and the page shows it: the number, then its word. */
export function ratingText(value: number, labels: Record<number, string>, separator: ": " | " – " = " – "): string {
  const word = labels[value];
  return word ? `${value}${separator}${word}` : String(value);
}

// ─── Equality impact ───────────────────────────────────────────────────────────
export const EQUALITY_RATING_LABELS: Record<EqualityRating, { label: string; hint: string; colour: string }> = {
  positive: { label: "Positive", hint: "People with this characteristic would be better off", colour: "green" },
  negative: { label: "Negative", hint: "People with this characteristic would be worse off", colour: "red" },
  neutral: { label: "Neutral", hint: "No different effect on people with this characteristic", colour: "grey" },
  unknown: { label: "Not yet known", hint: "There is not enough evidence yet to say", colour: "yellow" },
};

// ─── Dependencies ──────────────────────────────────────────────────────────────
export type DependencyKind = "service" | "team" | "partner" | "contract";
export const DEPENDENCY_KIND_LABELS: Record<DependencyKind, string> = {
  service: "Council service",
  team: "Team",
  partner: "Partner organisation",
  contract: "Contract",
};

// ─── States ────────────────────────────────────────────────────────────────────
/** A proposal's state in words the public understands, and the colour of its tag. */
export const STATE_LABELS: Record<ProposalState, { label: string; colour: string }> = {
  draft: { label: "Draft", colour: "grey" },
  in_review: { label: "In review", colour: "yellow" },
  union_notice: { label: "Under union notice", colour: "pink" },
  scheduled: { label: "Scheduled", colour: "turquoise" },
  open: { label: "Open", colour: "green" },
  closed: { label: "Closed", colour: "orange" },
  outcome_published: { label: "Outcome published", colour: "blue" },
  decided: { label: "Decided", colour: "purple" },
  withdrawn: { label: "Withdrawn", colour: "red" },
};

export function stateLabel(state: ProposalState): string {
  return STATE_LABELS[state]?.label ?? state;
}

// ─── Responses ─────────────────────────────────────────────────────────────────
export const STANCE_LABELS = {
  strongly_agree: "Strongly agree",
  agree: "Agree",
  neutral: "Neither agree nor disagree",
  disagree: "Disagree",
  strongly_disagree: "Strongly disagree",
  dont_know: "Don’t know",
} as const;

/** How a response came in. */
export const CHANNEL_LABELS = {
  online: "Online",
  paper: "On paper",
  phone: "By phone",
  event: "At an event",
  email: "By email",
} as const;

export const RESPONDING_AS_LABELS = {
  individual: "As an individual",
  organisation: "For an organisation or group",
  councillor: "As a councillor",
} as const;
