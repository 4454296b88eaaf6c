/**
 * The rules for responses and comments, pure so they are tested without a server: who is shown
 * how, when a consultation stops taking responses, how deep replies go, how long an author may
 * edit, and what counts as the same text posted twice.
 */
import { councilDate } from "~/lib/council-time";
import * as LABELS from "~/proposals/labels";
import type { ProposalState, RESPONDING_AS as DB_RESPONDING_AS, STANCES as DB_STANCES } from "#db/schema";

// ─── Limits ────────────────────────────────────────────────────────────────────
/** Characters of Markdown in one comment: room for a considered argument, not a pasted report. */
export const COMMENT_MAX_CHARS = 5000;
export const ANSWER_MAX_CHARS = 5000;
export const NAME_MAX_CHARS = 100;
export const ORGANISATION_MAX_CHARS = 200;
export const REPORT_DETAILS_MAX_CHARS = 1000;
export const MODERATION_NOTE_MAX_CHARS = 1000;
export const EMAIL_MAX_CHARS = 254;

/** Three levels: a comment (0), a reply (1) and a reply to that (2). */
export const MAX_DEPTH = 2;
/** An author may correct a comment for this long; after that it stands as written. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
/** A sign-in link works once, within this time. */
export const LINK_TTL_MS = 60 * 60 * 1000;
/** The privacy notice tells residents the sign-in cookie lasts 30 days. */
export const RESPONDENT_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Top-level comments per page of a thread; replies come with their comment. */
export const THREAD_PAGE_SIZE = 20;
/** Replies shown under one comment in a thread; the rest are on the comment's own page. */
export const REPLIES_SHOWN = 10;

// ─── Rate limits ───────────────────────────────────────────────────────────────
export type Limit = { limit: number; windowMs: number };
const MINUTE = 60 * 1000;

/**
 * Generous enough for a resident replying in a lively thread, or a library's public computers
 * shared by many residents; tight enough that a script cannot flood a consultation.
 */
export const RATE_LIMITS = {
  commentPerRespondent: [
    { limit: 5, windowMs: 2 * MINUTE },
    { limit: 40, windowMs: 60 * MINUTE },
  ],
  commentPerAddress: [{ limit: 60, windowMs: 10 * MINUTE }],
  /** sign-in links: each one is an email, so an address cannot be used to mail-bomb someone */
  linkPerEmail: { limit: 3, windowMs: 15 * MINUTE },
  linkPerAddress: [{ limit: 10, windowMs: 60 * MINUTE }],
  reportPerAddress: [{ limit: 20, windowMs: 60 * MINUTE }],
  answersPerRespondent: [{ limit: 20, windowMs: 60 * MINUTE }],
  /** any email to an address nobody has proven (sign-in links, subscription confirmations), per recipient */
  unprovenEmailPerRecipient: [
    { limit: 5, windowMs: 60 * MINUTE },
    { limit: 10, windowMs: 24 * 60 * MINUTE },
  ],
  /** subscription requests from one internet address */
  subscribePerAddress: [{ limit: 10, windowMs: 60 * MINUTE }],
} satisfies Record<string, Limit | Limit[]>;

export const TOO_MANY_COMMENTS = "You have posted a lot of comments in a short time. Wait a few minutes and try again.";
export const TOO_MANY_LINKS = "You have asked for several sign-in links in a short time. Wait 15 minutes, then ask for a new one.";
export const TOO_MANY_REPORTS = "You have sent a lot of reports in a short time. Wait an hour and try again.";
export const TOO_MANY_SUBSCRIPTIONS = "You have asked for email updates several times in a short time. Wait an hour and try again.";
export const DUPLICATE_COMMENT = "You have already posted this comment. Change the wording if you want to post it again.";

// ─── Text ──────────────────────────────────────────────────────────────────────
/**
 * Text as stored: line endings made "\n", control characters (which no keyboard types and some
 * terminals and feeds choke on) removed, outer whitespace trimmed. Everything else, including
 * every emoji, script and right-to-left mark, is kept as typed.
 */
export function normaliseText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .trim()
  );
}

/**
 * What makes two comments "the same text": case, spacing and line breaks do not count, so
 * re-posting with an extra space or in capitals is still refused.
 */
export function commentFingerprint(body: string): string {
  return normaliseText(body).toLowerCase().replace(/\s+/g, " ");
}

// ─── Who is shown how ──────────────────────────────────────────────────────────
/** The schema's lists, repeated here so that forms on the client need not load the schema module. */
export const RESPONDING_AS = ["individual", "organisation", "councillor"] as const satisfies typeof DB_RESPONDING_AS;
export type RespondingAs = (typeof RESPONDING_AS)[number];
export const RESPONDING_AS_LABELS: Record<RespondingAs, string> = LABELS.RESPONDING_AS_LABELS;

export const ANONYMOUS_NAME = "Resident";

export type RespondentIdentity = {
  name: string | null;
  showName: boolean;
  respondingAs: RespondingAs | null;
  organisationName: string | null;
};

/** The name on a comment and a short description beside it: what the respondent chose, nothing more. */
export function displayName(r: RespondentIdentity): { name: string; capacity: string | null } {
  const name = r.showName && r.name?.trim() ? r.name.trim() : ANONYMOUS_NAME;
  if (r.respondingAs === "organisation" && r.organisationName?.trim()) return { name, capacity: `for ${r.organisationName.trim()}` };
  if (r.respondingAs === "councillor") return { name, capacity: "councillor" };
  return { name, capacity: null };
}

/**
 * displayName, and what it is made of, so a page in another language can say "Resident",
 * "councillor" and "for …" in its own words while keeping a chosen name as written.
 */
export type ShownAuthor = { name: string; capacity: string | null; anonymous?: boolean; councillor?: boolean; organisation?: string | null; council?: boolean };

export function shownAuthor(r: RespondentIdentity): ShownAuthor {
  const shown = displayName(r);
  return {
    ...shown,
    anonymous: !(r.showName && r.name?.trim()),
    councillor: r.respondingAs === "councillor",
    organisation: r.respondingAs === "organisation" && r.organisationName?.trim() ? r.organisationName.trim() : null,
  };
}

/** Whether the respondent has done what must come before a first response. */
export function profileComplete(r: { privacyAcceptedAt: string | null; respondingAs: string | null }): "privacy" | "about-you" | null {
  if (!r.privacyAcceptedAt) return "privacy";
  if (!r.respondingAs) return "about-you";
  return null;
}

// ─── Closing ───────────────────────────────────────────────────────────────────
/**
 * Whether a consultation takes responses now: open, and not past the end of its closing date
 * on the council's calendar (the day the scheduler closes it on, in the same time zone). The
 * second half matters between midnight and the scheduler's next tick, when the state still
 * says "open".
 */
export function acceptingResponses(p: { state: ProposalState; closesOn: string | null }, now: Date, timeZone: string): boolean {
  if (p.state !== "open") return false;
  return !p.closesOn || councilDate(now, timeZone) <= p.closesOn;
}

export const CLOSED_MESSAGE = "This consultation has closed. The council is no longer taking responses or comments.";
export const NOT_OPEN_MESSAGE = "This consultation is not open for responses.";
export const WITHDRAWN_MESSAGE = "The council withdrew this proposal, so it is no longer taking responses or comments.";
export const COMMENTS_CLOSED_MESSAGE = "This consultation has closed. The council is no longer taking comments.";

export function notAcceptingMessage(p: { state: ProposalState }): string {
  if (p.state === "withdrawn") return WITHDRAWN_MESSAGE;
  return p.state === "open" || p.state === "closed" || p.state === "outcome_published" || p.state === "decided" ? CLOSED_MESSAGE : NOT_OPEN_MESSAGE;
}

const NOT_ACCEPTING_KEYS = {
  [CLOSED_MESSAGE]: "respond.closedMessage",
  [WITHDRAWN_MESSAGE]: "respond.withdrawnMessage",
  [NOT_OPEN_MESSAGE]: "respond.notOpenMessage",
} as const;

/** The catalogue's key for notAcceptingMessage, so a page says it in its language. */
export function notAcceptingKey(p: { state: ProposalState }) {
  return NOT_ACCEPTING_KEYS[notAcceptingMessage(p) as keyof typeof NOT_ACCEPTING_KEYS] ?? "respond.notOpenMessage";
}

/** Where comment forms would be, once a consultation stops taking them: the plain sentence why. */
export function commentsClosedMessage(p: { state: ProposalState }): string {
  return p.state === "withdrawn" ? WITHDRAWN_MESSAGE : COMMENTS_CLOSED_MESSAGE;
}

// ─── Comments ──────────────────────────────────────────────────────────────────
export const TARGET_TYPES = ["proposal", "risk", "dependency", "mitigation", "equality_row"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export type CommentTarget = { type: TargetType; id: number };

/** In addresses: /consultations/:slug/comments/risk/12. The whole proposal's thread has no suffix. */
const TARGET_SEGMENTS: Record<Exclude<TargetType, "proposal">, string> = {
  risk: "risk",
  dependency: "dependency",
  mitigation: "mitigation",
  equality_row: "equality",
};

export function threadPath(slug: string, target: CommentTarget): string {
  const base = `/consultations/${encodeURIComponent(slug)}/comments`;
  return target.type === "proposal" ? base : `${base}/${TARGET_SEGMENTS[target.type]}/${target.id}`;
}

export function commentPath(slug: string, commentId: number): string {
  return `/consultations/${encodeURIComponent(slug)}/comments/${commentId}`;
}

/** The target named by an address's two segments, or null for anything else. */
export function parseTargetSegments(kind: string | undefined, id: string | undefined): CommentTarget | null {
  const type = (Object.entries(TARGET_SEGMENTS) as [TargetType, string][]).find(([, segment]) => segment === kind)?.[0];
  if (!type || !id || !/^[1-9]\d{0,9}$/.test(id)) return null;
  return { type, id: Number(id) };
}

/** A positive whole number from a form or address, or null. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) return null;
  return Number(value);
}

export type CommentStatus = "visible" | "pending" | "hidden" | "deleted";

export type ReplyCheck = { ok: true; depth: number } | { ok: false; message: string };

export function canReplyTo(parent: { status: CommentStatus; depth: number }): ReplyCheck {
  if (parent.status !== "visible") return { ok: false, message: "You cannot reply to this comment." };
  if (parent.depth >= MAX_DEPTH) return { ok: false, message: "Replies go three levels deep. Reply to the comment above this one instead." };
  return { ok: true, depth: parent.depth + 1 };
}

/** The author may edit until the window ends, while the comment stands and the consultation is open. */
export function canEditComment(c: { status: CommentStatus; createdAt: string }, now: Date): boolean {
  if (c.status !== "visible" && c.status !== "pending") return false;
  return now.getTime() < Date.parse(c.createdAt) + EDIT_WINDOW_MS;
}

export function canDeleteComment(c: { status: CommentStatus }): boolean {
  return c.status === "visible" || c.status === "pending";
}

// ─── Answers to the consultation questions ─────────────────────────────────────
export const STANCE_LABELS = LABELS.STANCE_LABELS;
export type Stance = keyof typeof STANCE_LABELS;
export const STANCES = ["strongly_agree", "agree", "neutral", "disagree", "strongly_disagree", "dont_know"] as const satisfies typeof DB_STANCES;

/**
 * Officers ask agree-or-disagree questions in the standard wording ("How much do you agree or
 * disagree with…"). Until the question form lets them say so explicitly, that wording is what
 * gives a question the scale; other questions take words only.
 */
export function asksForStance(question: string): boolean {
  return /\bagree\b[^?]*\bdisagree\b/i.test(question);
}

export const CHANNEL_LABELS = LABELS.CHANNEL_LABELS;
export type Channel = keyof typeof CHANNEL_LABELS;
export const OFFLINE_CHANNELS = ["paper", "phone", "event", "email"] as const satisfies readonly Channel[];
