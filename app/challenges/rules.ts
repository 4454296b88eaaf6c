/**
 * Public challenges to the facts, pure: what can be challenged (the claims a consultation
 * publishes, each in the words the page shows), when the council must answer, and how a
 * challenge stands. The server module stores and reads them; the pages show them.
 *
 * Anyone may challenge a published claim with a reason and evidence. The council answers in
 * public within a set number of working days (settings.challenges.answerWorkingDays), either by
 * correcting it (a public version with the change) or by explaining why it stands.
 */
import { councilDate } from "~/lib/council-time";
import { characteristicLabel, type Settings } from "~/lib/settings";
import { addWorkingDays } from "~/lib/working-days";
import { riskScore, type Proposal } from "~/proposals/types";

// ─── Limits ────────────────────────────────────────────────────────────────────
export const REASON_MAX_CHARS = 2000;
export const EVIDENCE_MAX_CHARS = 4000;
export const QUOTE_MAX_CHARS = 500;
export const ANSWER_MAX_CHARS = 5000;
export const NAME_MAX_CHARS = 100;
/** An explanation of why a claim stands must say something: at least this many words. */
export const ANSWER_MIN_WORDS = 10;

const MINUTE = 60 * 1000;
export const CHALLENGE_RATE_LIMITS = {
  perAuthor: [
    { limit: 3, windowMs: 10 * MINUTE },
    { limit: 10, windowMs: 24 * 60 * MINUTE },
  ],
  perAddress: [{ limit: 20, windowMs: 60 * MINUTE }],
};

// ─── What can be challenged ────────────────────────────────────────────────────
export type ChallengeTarget = "figure" | "risk" | "dependency" | "mitigation" | "equality_row" | "statement";

/** A claim the public page makes, as it can be chosen in the form: "figure:postsAffected", "risk:12". */
export type Claim = { value: string; group: string; label: string; claim: string; type: ChallengeTarget; ref: string };

const FIGURES = [
  ["postsAffected", "Staff posts affected"],
  ["fteAffected", "Full-time equivalent posts affected"],
  ["serviceWorkforcePosts", "Posts in the whole service"],
  ["serviceUsersPerYear", "Service users affected a year"],
  ["activityPerYear", "Activity affected a year"],
  ["budgetChangeGbp", "Change to the budget a year"],
] as const;

/** Text fields a statement can be quoted from, with the headings the public page gives them. */
export const STATEMENT_FIELDS = {
  summary: "Summary",
  whatChanges: "What would change",
  whyChange: "Why the council is proposing this",
  currentService: "The service now",
  proposedService: "The service if the proposal goes ahead",
  timeline: "Timeline",
  alreadyDecided: "What has already been decided",
  openToChange: "What you can still influence",
  aimEliminateDiscrimination: "Equality: eliminating discrimination",
  aimAdvanceEquality: "Equality: advancing equality of opportunity",
  aimFosterRelations: "Equality: fostering good relations",
  equalityConclusion: "Equality: conclusion",
} as const;
export type StatementField = keyof typeof STATEMENT_FIELDS;

const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

function figureText(p: Proposal, field: (typeof FIGURES)[number][0]): string | null {
  const value = p[field];
  if (value == null) return null;
  if (field === "budgetChangeGbp") return value < 0 ? `a saving of ${money.format(-value)} a year` : value > 0 ? `an increase of ${money.format(value)} a year` : "no change";
  if (field === "activityPerYear") return `${number.format(value)}${p.activityDescription ? ` (${p.activityDescription})` : ""}`;
  return number.format(value);
}

const RATING_WORDS = { positive: "positive", negative: "negative", neutral: "neutral", unknown: "not known yet" } as const;

function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/** Every claim of the proposal that can be challenged, in the order the page shows them. */
export function challengeableClaims(p: Proposal, s: Settings): Claim[] {
  const out: Claim[] = [];
  for (const [field, label] of FIGURES) {
    const text = figureText(p, field);
    if (text != null) out.push({ value: `figure:${field}`, group: "A figure", label: `${label}: ${text}`, claim: `${label}: ${text}`, type: "figure", ref: field });
  }
  p.risks.forEach((r, i) => {
    const claim = `Risk R${i + 1}: ${clip(r.description)} (likelihood ${r.likelihood}, impact ${r.impact}, score ${riskScore(r)})`;
    out.push({ value: `risk:${r.id}`, group: "A risk or its rating", label: claim, claim, type: "risk", ref: String(r.id) });
  });
  for (const row of p.equalityRows) {
    if (!row.rating) continue;
    const label = characteristicLabel(s, row.characteristic);
    const claim = `Equality impact on ${label}: ${RATING_WORDS[row.rating]}${row.evidence ? `. ${clip(row.evidence)}` : ""}`;
    out.push({ value: `equality_row:${row.id}`, group: "An equality finding", label: `${label}: ${RATING_WORDS[row.rating]}`, claim, type: "equality_row", ref: String(row.id) });
  }
  for (const d of p.dependencies) {
    const claim = `${d.name}: ${clip(d.effect)}${d.consulted == null ? "" : d.consulted ? " (consulted)" : " (not consulted)"}`;
    out.push({ value: `dependency:${d.id}`, group: "A service, partner or contract affected", label: claim, claim, type: "dependency", ref: String(d.id) });
  }
  p.mitigations.forEach((m, i) => {
    const claim = `Mitigation M${i + 1}: ${clip(m.action)} (${m.owner}${m.dueOn ? `, by ${m.dueOn}` : ""})`;
    out.push({ value: `mitigation:${m.id}`, group: "A mitigation", label: claim, claim, type: "mitigation", ref: String(m.id) });
  });
  for (const [field, heading] of Object.entries(STATEMENT_FIELDS) as [StatementField, string][]) {
    if (p[field]?.trim()) out.push({ value: `statement:${field}`, group: "A statement in the text", label: `A statement in '${heading}'`, claim: heading, type: "statement", ref: field });
  }
  return out;
}

/** Text as compared for a quotation: case, spacing, quotes and Markdown marks do not count. */
export function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’´`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[*_#>[\]()|~]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether `quote` appears in the published text (already turned from Markdown into plain text). */
export function quotes(publishedText: string, quote: string): boolean {
  const q = comparable(quote);
  return q.length > 0 && comparable(publishedText).includes(q);
}

// ─── The deadline and where a challenge stands ─────────────────────────────────
/**
 * The last day the council may answer: the working days in settings after the day the challenge
 * was made, on the council's calendar (a challenge at 23:30 UTC on a summer Friday was made on Saturday).
 */
export function answerDueOn(createdAt: Date, s: Settings, bankHolidays: ReadonlySet<string>): string {
  return addWorkingDays(councilDate(createdAt, s.council.timeZone), s.challenges.answerWorkingDays, bankHolidays);
}

export type ChallengeStanding = "waiting" | "overdue" | "corrected" | "stands";

export function standing(c: { answerKind: "corrected" | "stands" | null; dueOn: string }, today: string): ChallengeStanding {
  if (c.answerKind) return c.answerKind;
  return today > c.dueOn ? "overdue" : "waiting";
}

export const STANDING_LABELS: Record<ChallengeStanding, string> = {
  waiting: "Waiting for the council's answer",
  overdue: "Answer overdue",
  corrected: "Corrected",
  stands: "The council explained why it stands",
};

export const AUTHOR_LABELS = { resident: "Resident", union_rep: "Union representative", staff: "A member of staff" } as const;

/** The name shown with a challenge: only what its author chose to give. */
export function shownAs(c: { authorKind: "resident" | "union_rep" | "staff"; displayName: string | null; unionName: string | null }): string {
  if (c.authorKind === "union_rep") return c.displayName ? `${c.displayName}, ${c.unionName ?? "a recognised union"}` : `A representative of ${c.unionName ?? "a recognised union"}`;
  if (c.authorKind === "staff") return c.displayName ? `${c.displayName} (member of staff)` : AUTHOR_LABELS.staff;
  return c.displayName ?? AUTHOR_LABELS.resident;
}
