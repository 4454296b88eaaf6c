/**
 * The rules of the work after closing, pure: theme names, what an answer or a comment is called
 * when it is coded, whose it is (so a theme counts each respondent once), who may code and
 * draft, and the words for decisions. outcomes/*.server.ts apply them.
 */
import type { DECISION_KINDS as DB_DECISION_KINDS, ProposalState } from "#db/schema";
import type { Viewer } from "~/auth/permissions";
import { canEditProposal } from "~/proposals/lifecycle";
import type { Proposal } from "~/proposals/types";

// ─── Themes ────────────────────────────────────────────────────────────────────
export const THEME_NAME_MAX_CHARS = 80;
export const MAX_THEMES = 60;

/** A theme's name as shown: outer space trimmed, runs of spaces and line breaks made one space. */
export function cleanThemeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim();
}

/** What makes two theme names the same: "Saturday opening" and "saturday  OPENING". */
export function themeNameKey(name: string): string {
  return cleanThemeName(name).toLowerCase();
}

// ─── Coded items ───────────────────────────────────────────────────────────────
export type CodedItem = { kind: "answer"; responseId: number; questionId: number } | { kind: "comment"; commentId: number };

export function itemKey(item: CodedItem): string {
  return item.kind === "answer" ? `answer:${item.responseId}:${item.questionId}` : `comment:${item.commentId}`;
}

export function parseItemKey(key: unknown): CodedItem | null {
  if (typeof key !== "string") return null;
  const answer = /^answer:([1-9]\d{0,9}):([1-9]\d{0,9})$/.exec(key);
  if (answer) return { kind: "answer", responseId: Number(answer[1]), questionId: Number(answer[2]) };
  const comment = /^comment:([1-9]\d{0,9})$/.exec(key);
  if (comment) return { kind: "comment", commentId: Number(comment[1]) };
  return null;
}

/**
 * Whose an answer or comment is: a resident who signed in ("r:12", the same across their answers
 * and comments) or one response entered by an officer ("o:40": one paper form, one person).
 */
export function respondentKey(from: { respondentId: number | null; responseId?: number | null }): string | null {
  if (from.respondentId != null) return `r:${from.respondentId}`;
  if (from.responseId != null) return `o:${from.responseId}`;
  return null;
}

// ─── Who may do what after closing ─────────────────────────────────────────────
type Facts = Pick<Proposal, "state" | "serviceId" | "createdById">;

/** Officers of the service code responses into themes while the consultation is open or closed, until the outcome is sent for sign-off. */
export function canCodeThemes(viewer: Viewer, p: Facts, outcomeStatus: "draft" | "submitted" | "published" | null): boolean {
  if (!canEditProposal(viewer, p)) return false;
  if (p.state !== "open" && p.state !== "closed") return false;
  return outcomeStatus == null || outcomeStatus === "draft";
}

/** The outcome report is drafted after closing, by officers of the service, until it is sent for sign-off. */
export function canDraftOutcome(viewer: Viewer, p: Facts, outcomeStatus: "draft" | "submitted" | "published" | null): boolean {
  return canEditProposal(viewer, p) && p.state === "closed" && (outcomeStatus == null || outcomeStatus === "draft");
}

/** Why the outcome cannot be changed now, for a refusal. */
export function outcomeLockedMessage(state: ProposalState, outcomeStatus: "draft" | "submitted" | "published" | null): string {
  if (state === "open") return "The consultation is still open: the outcome report is written after it closes";
  if (outcomeStatus === "submitted") return "The outcome report has been sent for sign-off. Ask the approver to return it if it needs to change";
  if (outcomeStatus === "published" || state === "outcome_published" || state === "decided") return "The outcome report has been published and stands as the record";
  return "The outcome report cannot be changed now";
}

/** The change note of the public version made when a report that re-rated equality rows is published. */
export const OUTCOME_VERSION_NOTE = "The equality impact assessment was revisited in the light of the responses, as the outcome report explains.";

// ─── Decisions ─────────────────────────────────────────────────────────────────
/** The schema's list, repeated so that forms on the client need not load the schema module. */
export const DECISION_KINDS = ["approved", "approved_with_changes", "not_approved", "deferred"] as const satisfies typeof DB_DECISION_KINDS;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** States in which the outcome report is public, and with it the words respondents agreed to publish. */
export const OUTCOME_PUBLIC_IN = ["outcome_published", "decided"] as const satisfies readonly ProposalState[];

export const DECISION_LABELS: Record<DecisionKind, { label: string; sentence: string }> = {
  approved: { label: "Approved as proposed", sentence: "The proposal was approved as proposed." },
  approved_with_changes: { label: "Approved with changes", sentence: "The proposal was approved with changes." },
  not_approved: { label: "Not approved", sentence: "The proposal was not approved." },
  deferred: { label: "Deferred", sentence: "The decision was deferred." },
};

export const DECISION_REFERENCE_MAX_CHARS = 200;
export const DECISION_SUMMARY_MAX_CHARS = 2000;
export const DECISION_URL_MAX_CHARS = 500;

/** A link to a decision notice: http or https only, so a "javascript:" address is never published. */
export function isPublishableUrl(value: string): boolean {
  if (value.length > DECISION_URL_MAX_CHARS) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}
