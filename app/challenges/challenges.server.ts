/**
 * Public challenges to the facts: making one, the council's answer, moderation, and what each
 * surface may read. Every read is for a proposal already fetched through the visibility
 * predicate, and only a public proposal's challenges are ever shown (a draft's would be the
 * same 404 as a missing slug: the routes check `isPublic` first).
 *
 * Who made a challenge is stored only as far as they chose to be known (rules.ts `shownAs`):
 * a member of staff who came through the staff link leaves no identifier at all, so nothing in
 * the software can say which member of staff it was (docs/decisions, challenges).
 */
import { and, asc, count, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, writeTransaction, type DB } from "#db/client.server";
import { appendAudit } from "~/audit/audit.server";
import { translator, type Translate } from "~/i18n/i18n";
import { DEFAULT_LANGUAGE, languageOrDefault, withLanguage } from "~/i18n/languages";
import { can, type SignedInViewer } from "~/auth/permissions";
import { now as clockNow } from "~/lib/clock";
import { baseUrl } from "~/lib/env.server";
import { markdownToPlainText } from "~/lib/markdown.server";
import { councilTimeZone, loadSettings } from "~/lib/settings.server";
import { queueEmail } from "~/notifications/outbox.server";
import { hashToken, isTokenShaped, newToken } from "~/notifications/tokens.server";
import { canEditProposal } from "~/proposals/lifecycle";
import { bankHolidays } from "~/proposals/lifecycle.server";
import { councilDate } from "~/lib/council-time";
import { loadProposal } from "~/proposals/proposals.server";
import { meetsMinimumWords } from "~/proposals/text-quality";
import type { Proposal } from "~/proposals/types";
import { publicHistory, type HistoryEntry } from "~/proposals/versions.server";
import { canSeeProposal, isPublic, visibilityFacts } from "~/proposals/visibility";
import { refundAllowance, takeAllowance } from "~/responses/rate-limit.server";
import { acceptingResponses, normaliseText } from "~/responses/rules";
import {
  ANSWER_MAX_CHARS,
  ANSWER_MIN_WORDS,
  CHALLENGE_RATE_LIMITS,
  EVIDENCE_MAX_CHARS,
  NAME_MAX_CHARS,
  QUOTE_MAX_CHARS,
  REASON_MAX_CHARS,
  STATEMENT_FIELDS,
  answerDueOn,
  challengeableClaims,
  quotes,
  shownAs,
  standing,
  type ChallengeStanding,
  type StatementField,
} from "./rules";

type Row = typeof t.challenges.$inferSelect;

export type ChallengeAuthor =
  | { kind: "resident"; respondentId: number; displayName: string | null }
  | { kind: "union_rep"; viewer: SignedInViewer; unionName: string }
  /** through the staff link: a name only if they chose to give one, and nothing else */
  | { kind: "staff"; displayName: string | null };

export type ChallengeInput = { claim: string; quote?: string | null; reason: string; evidence: string };

export type Field = "claim" | "quote" | "reason" | "evidence" | "name" | "answer" | "answerKind" | "versionId" | "rule";
export type ChallengeResult = { ok: true; id: number; status: Row["status"] } | { ok: false; status: 400 | 403 | 404 | 409 | 429; field?: Field; message: string };

const fail = (status: 400 | 403 | 404 | 409 | 429, message: string, field?: Field) => ({ ok: false as const, status, message, field });

/** Plain text from the public: the same normalising as a comment, then the limits. */
function plain(value: unknown, max: number, missing: string, tooLong: string, field: Field): { ok: true; text: string } | ReturnType<typeof fail> {
  const text = typeof value === "string" ? normaliseText(value) : "";
  if (!text) return fail(400, missing, field);
  if (text.length > max) return fail(400, tooLong, field);
  return { ok: true, text };
}

const n = (v: number) => v.toLocaleString("en-GB");

/**
 * Check what was written, before anything touches the database. The messages are the
 * catalogue's, in `say`'s language (the page's; English for the API and tests).
 */
export function checkChallenge(p: Proposal, input: ChallengeInput, say: Translate = translator(DEFAULT_LANGUAGE)) {
  const settings = loadSettings();
  const claim = challengeableClaims(p, settings).find((c) => c.value === input.claim);
  if (!claim) return fail(400, say("commentPages.challenge.messages.claimMissing"), "claim");
  let claimText = claim.claim;
  if (claim.type === "statement") {
    const quote = plain(input.quote, QUOTE_MAX_CHARS, say("commentPages.challenge.messages.quoteMissing"), say("commentPages.challenge.messages.quoteTooLong", { max: n(QUOTE_MAX_CHARS) }), "quote");
    if (!quote.ok) return quote;
    if (!quotes(markdownToPlainText(p[claim.ref as StatementField]), quote.text)) {
      return fail(400, say("commentPages.challenge.messages.quoteNotExact", { section: STATEMENT_FIELDS[claim.ref as StatementField] }), "quote");
    }
    claimText = `${STATEMENT_FIELDS[claim.ref as StatementField]}: “${quote.text}”`;
  }
  const reason = plain(input.reason, REASON_MAX_CHARS, say("commentPages.challenge.messages.reasonMissing"), say("commentPages.challenge.messages.reasonTooLong", { max: n(REASON_MAX_CHARS) }), "reason");
  if (!reason.ok) return reason;
  const evidence = plain(input.evidence, EVIDENCE_MAX_CHARS, say("commentPages.challenge.messages.evidenceMissing"), say("commentPages.challenge.messages.evidenceTooLong", { max: n(EVIDENCE_MAX_CHARS) }), "evidence");
  if (!evidence.ok) return evidence;
  return { ok: true as const, claim, claimText, reason: reason.text, evidence: evidence.text };
}

export function checkStaffName(value: unknown): { ok: true; name: string | null } | ReturnType<typeof fail> {
  const name = typeof value === "string" ? normaliseText(value) : "";
  if (name.length > NAME_MAX_CHARS) return fail(400, `Your name must be ${n(NAME_MAX_CHARS)} characters or fewer`, "name");
  return { ok: true, name: name || null };
}

function rateKeys(author: ChallengeAuthor, address: string) {
  const keys = [{ key: `challenge:address:${address}`, limits: CHALLENGE_RATE_LIMITS.perAddress }];
  // A member of staff is counted by address only: there is nothing else to count them by.
  if (author.kind === "resident") keys.push({ key: `challenge:respondent:${author.respondentId}`, limits: CHALLENGE_RATE_LIMITS.perAuthor });
  if (author.kind === "union_rep") keys.push({ key: `challenge:user:${author.viewer.id}`, limits: CHALLENGE_RATE_LIMITS.perAuthor });
  return keys;
}

/**
 * Make a challenge on an open consultation. Held for moderation where the consultation holds
 * comments; otherwise public at once. The officer who drafted the proposal is emailed.
 */
export function createChallenge(
  p: Proposal,
  author: ChallengeAuthor,
  input: ChallengeInput,
  address: string,
  { database = defaultDb(), say = translator(DEFAULT_LANGUAGE) }: { database?: DB; say?: Translate } = {},
): ChallengeResult {
  const checked = checkChallenge(p, input, say);
  if (!checked.ok) return checked;
  const at = clockNow();
  const taken: string[] = [];
  for (const { key, limits } of rateKeys(author, address)) {
    if (!takeAllowance(key, limits, at)) {
      for (const k of taken) refundAllowance(k, at);
      return fail(429, say("commentPages.challenge.messages.tooMany"), "reason");
    }
    taken.push(key);
  }
  const result = writeTransaction((tx): ChallengeResult => {
    const now = tx.select({ state: t.proposals.state, closesOn: t.proposals.closesOn, premoderate: t.proposals.premoderateComments }).from(t.proposals).where(eq(t.proposals.id, p.id)).get();
    if (!now) return fail(404, "Not found");
    if (!acceptingResponses(now, at, councilTimeZone(tx))) return fail(409, say("commentPages.challenge.messages.closed"));
    const settings = loadSettings(tx);
    const status = now.premoderate ? "pending" : "visible";
    const row = tx
      .insert(t.challenges)
      .values({
        proposalId: p.id,
        targetType: checked.claim.type,
        targetRef: checked.claim.ref,
        claim: checked.claimText,
        reason: checked.reason,
        evidence: checked.evidence,
        authorKind: author.kind,
        respondentId: author.kind === "resident" ? author.respondentId : null,
        userId: author.kind === "union_rep" ? author.viewer.id : null,
        displayName: author.kind === "union_rep" ? author.viewer.name : author.displayName,
        unionName: author.kind === "union_rep" ? author.unionName : null,
        status,
        createdAt: at.toISOString(),
        dueOn: answerDueOn(at, settings, bankHolidays()),
      })
      .returning({ id: t.challenges.id, dueOn: t.challenges.dueOn })
      .get();
    // Who, for a rep (they speak for their union in public); never who, for anyone else.
    appendAudit(tx, {
      actorId: author.kind === "union_rep" ? author.viewer.id : null,
      action: "challenge.made",
      entityType: "proposal",
      entityId: p.id,
      detail: { challengeId: row.id, target: `${checked.claim.type}:${checked.claim.ref}`, by: author.kind },
    });
    const drafter = tx.select({ email: t.users.email }).from(t.users).where(and(eq(t.users.id, p.createdById), isNull(t.users.disabledAt))).get();
    if (drafter) {
      queueEmail(tx, {
        idempotencyKey: `challenge-made:${row.id}:${p.createdById}`,
        event: "challenge_made",
        to: drafter.email,
        subject: `A challenge to the facts needs an answer – ${p.title}`,
        text: [
          `Someone has challenged a fact published in the consultation "${p.title}":`,
          "",
          checked.claimText,
          "",
          `The council must answer in public by ${row.dueOn}, by correcting it or by explaining why it stands:`,
          `${baseUrl()}/staff/challenges/${row.id}`,
          "",
          settings.council.name,
          "This email was sent automatically. Replies are not read.",
        ].join("\n"),
        proposalId: p.id,
      });
    }
    return { ok: true, id: row.id, status };
  }, database);
  if (!result.ok) for (const k of taken) refundAllowance(k, at);
  return result;
}

// ─── Reading ───────────────────────────────────────────────────────────────────

export type ChallengeView = {
  id: number;
  claim: string;
  reason: string;
  evidence: string;
  by: string;
  createdAt: string;
  dueOn: string;
  standing: ChallengeStanding;
  answer: string | null;
  answeredAt: string | null;
  /** for a correction: the public version that made it, and what it changed */
  correction: { number: number; createdAt: string; changeNote: string | null; changes: HistoryEntry["changes"] } | null;
};

function publicVersionNumbers(database: DB, proposalId: number): Map<number, number> {
  const rows = database
    .select({ id: t.proposalVersions.id })
    .from(t.proposalVersions)
    .where(and(eq(t.proposalVersions.proposalId, proposalId), eq(t.proposalVersions.isPublic, true)))
    .orderBy(asc(t.proposalVersions.number))
    .all();
  return new Map(rows.map((r, i) => [r.id, i + 1]));
}

function views(database: DB, proposalId: number, rows: Row[], today: string): ChallengeView[] {
  const numbers = rows.some((r) => r.versionId) ? publicVersionNumbers(database, proposalId) : new Map<number, number>();
  const history = numbers.size ? publicHistory(proposalId, loadSettings(database), database) : [];
  return rows.map((r) => {
    const number = r.versionId ? numbers.get(r.versionId) : undefined;
    const entry = number ? history.find((h) => h.number === number) : undefined;
    return {
      id: r.id,
      claim: r.claim,
      reason: r.reason,
      evidence: r.evidence,
      by: shownAs(r),
      createdAt: r.createdAt,
      dueOn: r.dueOn,
      standing: standing(r, today),
      answer: r.answer,
      answeredAt: r.answeredAt,
      correction: entry ? { number: entry.number, createdAt: entry.createdAt, changeNote: entry.changeNote, changes: entry.changes } : null,
    };
  });
}

/**
 * The challenges the public sees on a public consultation: visible ones only, oldest first.
 * Nothing for a proposal that is not public, whoever asks.
 */
export function publicChallenges(p: Proposal, at: Date = clockNow(), database: DB = defaultDb()): ChallengeView[] {
  if (!isPublic(p)) return [];
  const rows = database
    .select()
    .from(t.challenges)
    .where(and(eq(t.challenges.proposalId, p.id), eq(t.challenges.status, "visible")))
    .orderBy(asc(t.challenges.id))
    .all();
  return views(database, p.id, rows, councilDate(at, councilTimeZone(database)));
}

/** Challenges moderators hid, for the public record: when and under which rule, never the words. */
export function hiddenChallenges(p: Proposal, database: DB = defaultDb()): { rule: string | null; at: string | null }[] {
  if (!isPublic(p)) return [];
  return database
    .select({ rule: t.challenges.moderationRule, at: t.challenges.moderatedAt })
    .from(t.challenges)
    .where(and(eq(t.challenges.proposalId, p.id), eq(t.challenges.status, "hidden")))
    .orderBy(asc(t.challenges.id))
    .all();
}

export type ChallengeCounts = { open: number; overdue: number; answered: number };

/** Open (unanswered) and overdue visible challenges per proposal, for the public list: one query. */
export function challengeCounts(proposalIds: number[], at: Date = clockNow(), database: DB = defaultDb()): Map<number, ChallengeCounts> {
  const out = new Map<number, ChallengeCounts>();
  if (!proposalIds.length) return out;
  const today = councilDate(at, councilTimeZone(database));
  const rows = database
    .select({
      proposalId: t.challenges.proposalId,
      open: sql<number>`sum(CASE WHEN ${t.challenges.answeredAt} IS NULL THEN 1 ELSE 0 END)`,
      overdue: sql<number>`sum(CASE WHEN ${t.challenges.answeredAt} IS NULL AND ${t.challenges.dueOn} < ${today} THEN 1 ELSE 0 END)`,
      answered: sql<number>`sum(CASE WHEN ${t.challenges.answeredAt} IS NOT NULL THEN 1 ELSE 0 END)`,
    })
    .from(t.challenges)
    .where(and(inArray(t.challenges.proposalId, proposalIds), eq(t.challenges.status, "visible")))
    .groupBy(t.challenges.proposalId)
    .all();
  for (const r of rows) out.set(r.proposalId, { open: Number(r.open), overdue: Number(r.overdue), answered: Number(r.answered) });
  return out;
}

// ─── The staff side ────────────────────────────────────────────────────────────

export type StaffChallenge = ChallengeView & {
  status: Row["status"];
  proposal: { id: number; slug: string; title: string };
  /** this viewer answers for the council on this proposal */
  answersForCouncil: boolean;
  /** ...and it is waiting for that answer now */
  mayAnswer: boolean;
  mayModerate: boolean;
  moderationRule: string | null;
  /** public versions made since the challenge: the ones that can be named as its correction */
  versions: { id: number; number: number; createdAt: string; changeNote: string | null }[];
};

function mayAnswer(viewer: SignedInViewer, p: Proposal) {
  return canEditProposal(viewer, p) && canSeeProposal(viewer, visibilityFacts(p));
}

/** Challenges this person may see in the staff area: on proposals they can see, newest first. */
export function staffChallengeList(viewer: SignedInViewer, at: Date = clockNow(), database: DB = defaultDb()) {
  const rows = database
    .select({ c: t.challenges, slug: t.proposals.slug, title: t.proposals.title })
    .from(t.challenges)
    .innerJoin(t.proposals, eq(t.proposals.id, t.challenges.proposalId))
    .orderBy(sql`${t.challenges.answeredAt} IS NOT NULL`, asc(t.challenges.dueOn), asc(t.challenges.id))
    .all();
  const proposals = new Map<number, Proposal | null>();
  const today = councilDate(at, councilTimeZone(database));
  return rows
    .filter((r) => {
      if (!proposals.has(r.c.proposalId)) proposals.set(r.c.proposalId, loadProposal(r.c.proposalId, database));
      const p = proposals.get(r.c.proposalId);
      return p != null && canSeeProposal(viewer, visibilityFacts(p));
    })
    .map((r) => ({
      id: r.c.id,
      proposal: { id: r.c.proposalId, slug: r.slug, title: r.title },
      claim: r.c.claim,
      status: r.c.status,
      dueOn: r.c.dueOn,
      standing: standing(r.c, today),
      mayAnswer: mayAnswer(viewer, proposals.get(r.c.proposalId)!),
    }));
}

/** One challenge for the staff page, or null if this person may not see its proposal. */
export function staffChallenge(viewer: SignedInViewer, id: number, at: Date = clockNow(), database: DB = defaultDb()): StaffChallenge | null {
  const row = database.select().from(t.challenges).where(eq(t.challenges.id, id)).get();
  if (!row) return null;
  const p = loadProposal(row.proposalId, database);
  if (!p || !canSeeProposal(viewer, visibilityFacts(p))) return null;
  const numbers = publicVersionNumbers(database, p.id);
  const versions = database
    .select({ id: t.proposalVersions.id, createdAt: t.proposalVersions.createdAt, changeNote: t.proposalVersions.changeNote })
    .from(t.proposalVersions)
    .where(and(eq(t.proposalVersions.proposalId, p.id), eq(t.proposalVersions.isPublic, true), eq(t.proposalVersions.reason, "public_edit"), gte(t.proposalVersions.createdAt, row.createdAt)))
    .orderBy(asc(t.proposalVersions.number))
    .all()
    .map((v) => ({ ...v, number: numbers.get(v.id) ?? 0 }));
  return {
    ...views(database, p.id, [row], councilDate(at, councilTimeZone(database)))[0],
    status: row.status,
    proposal: { id: p.id, slug: p.slug, title: p.title },
    answersForCouncil: mayAnswer(viewer, p),
    mayAnswer: mayAnswer(viewer, p) && row.status === "visible" && !row.answeredAt,
    mayModerate: can(viewer, "comment:moderate"),
    moderationRule: row.moderationRule,
    versions,
  };
}

export type AnswerInput = { answerKind: unknown; answer: unknown; versionId: unknown };

/**
 * The council's public answer: corrected (naming the public version that made the correction)
 * or why the claim stands. One transaction with its audit entry and the email to whoever made
 * the challenge, if they can be written to. A refusal writes nothing.
 */
export function answerChallenge(viewer: SignedInViewer, id: number, input: AnswerInput, database: DB = defaultDb()): ChallengeResult {
  // Who may answer first: someone who may not is told so, whatever they wrote.
  const found = database.select({ proposalId: t.challenges.proposalId }).from(t.challenges).where(eq(t.challenges.id, id)).get();
  const target = found ? loadProposal(found.proposalId, database) : null;
  if (!target || !canSeeProposal(viewer, visibilityFacts(target))) return fail(404, "Not found");
  if (!mayAnswer(viewer, target)) return fail(403, "Only officers of the service running this consultation can answer for the council");
  const kind = input.answerKind === "corrected" || input.answerKind === "stands" ? input.answerKind : null;
  if (!kind) return fail(400, "Say whether the council has corrected it or why it stands", "answerKind");
  const answer = plain(input.answer, ANSWER_MAX_CHARS, "Write the council's answer: it is published", `The answer must be ${n(ANSWER_MAX_CHARS)} characters or fewer`, "answer");
  if (!answer.ok) return answer;
  if (!meetsMinimumWords(answer.text, ANSWER_MIN_WORDS)) return fail(400, `Explain the answer in at least ${ANSWER_MIN_WORDS} words: it is published`, "answer");
  const versionId = kind === "corrected" ? (typeof input.versionId === "string" && /^[1-9]\d{0,9}$/.test(input.versionId) ? Number(input.versionId) : null) : null;
  const at = clockNow();
  return writeTransaction((tx): ChallengeResult => {
    const row = tx.select().from(t.challenges).where(eq(t.challenges.id, id)).get();
    const p = row ? loadProposal(row.proposalId, tx) : null;
    if (!row || !p || !canSeeProposal(viewer, visibilityFacts(p))) return fail(404, "Not found");
    if (!mayAnswer(viewer, p)) return fail(403, "Only officers of the service running this consultation can answer for the council");
    if (row.status !== "visible") return fail(409, "This challenge is not published, so it cannot be answered", "answer");
    if (row.answeredAt) return fail(409, "This challenge has already been answered", "answer");
    if (kind === "corrected") {
      const version = versionId
        ? tx
            .select()
            .from(t.proposalVersions)
            .where(and(eq(t.proposalVersions.id, versionId), eq(t.proposalVersions.proposalId, p.id), eq(t.proposalVersions.isPublic, true), eq(t.proposalVersions.reason, "public_edit")))
            .get()
        : undefined;
      if (!version || version.createdAt < row.createdAt) {
        return fail(400, "Choose the published version that corrects it. If there is none, change the proposal first: the change is published as a new version", "versionId");
      }
    }
    tx.update(t.challenges)
      .set({ answerKind: kind, answer: answer.text, answeredAt: at.toISOString(), answeredById: viewer.id, versionId: kind === "corrected" ? versionId : null })
      .where(and(eq(t.challenges.id, id), isNull(t.challenges.answeredAt)))
      .run();
    appendAudit(tx, { actorId: viewer.id, action: "challenge.answered", entityType: "proposal", entityId: p.id, detail: { challengeId: id, answer: kind, versionId } });
    // A resident is written to in the language they last used the site in; staff read English.
    const resident = row.respondentId != null ? tx.select({ email: t.respondents.email, language: t.respondents.language }).from(t.respondents).where(eq(t.respondents.id, row.respondentId)).get() : undefined;
    const to = resident
      ? resident.email
      : row.userId != null
        ? tx.select({ email: t.users.email }).from(t.users).where(and(eq(t.users.id, row.userId), isNull(t.users.disabledAt))).get()?.email
        : undefined;
    if (to) {
      const council = loadSettings(tx).council.name;
      const lang = resident ? languageOrDefault(resident.language) : DEFAULT_LANGUAGE;
      const m = (key: string, values?: Record<string, unknown>) => (translator(lang) as unknown as (k: string, v?: Record<string, unknown>) => string)(`commentPages.emails.challengeAnswered.${key}`, values);
      queueEmail(tx, {
        idempotencyKey: `challenge-answered:${id}`,
        event: "challenge_answered",
        to,
        subject: m("subject", { title: p.title }),
        text: [
          m("intro", { council, title: p.title }),
          "",
          row.claim,
          "",
          kind === "corrected" ? m("corrected") : m("stands"),
          "",
          m("read"),
          `${baseUrl()}${withLanguage(`/consultations/${encodeURIComponent(p.slug)}`, lang)}#challenge-${id}`,
          "",
          council,
          m("automatic"),
        ].join("\n"),
        proposalId: p.id,
      });
    }
    return { ok: true, id, status: row.status };
  }, database);
}

/** Moderators hide a challenge under a house rule, publish one held for moderation, or restore one. */
export function moderateChallenge(viewer: SignedInViewer, id: number, input: { intent: unknown; rule: unknown }, rules: { key: string }[], database: DB = defaultDb()): ChallengeResult {
  if (!can(viewer, "comment:moderate")) return fail(403, "Only moderators can do this");
  const intent = input.intent === "hide" || input.intent === "approve" || input.intent === "restore" ? input.intent : null;
  if (!intent) return fail(400, "Choose what to do with the challenge", "rule");
  const rule = typeof input.rule === "string" ? input.rule : "";
  if (intent === "hide" && !rules.some((r) => r.key === rule)) return fail(400, "Choose the house rule it breaks", "rule");
  const at = clockNow();
  return writeTransaction((tx): ChallengeResult => {
    const row = tx.select().from(t.challenges).where(eq(t.challenges.id, id)).get();
    if (!row) return fail(404, "Not found");
    const allowed = intent === "hide" ? row.status !== "hidden" : intent === "approve" ? row.status === "pending" : row.status === "hidden";
    if (!allowed) return fail(409, "The challenge has changed since you opened it", "rule");
    const status = intent === "hide" ? "hidden" : "visible";
    tx.update(t.challenges).set({ status, moderationRule: intent === "hide" ? rule : null, moderatedAt: at.toISOString() }).where(eq(t.challenges.id, id)).run();
    appendAudit(tx, { actorId: viewer.id, action: `challenge.${intent}`, entityType: "proposal", entityId: row.proposalId, detail: { challengeId: id, ...(intent === "hide" ? { rule } : {}) } });
    return { ok: true, id, status };
  }, database);
}

/** Counts for a proposal's staff page. */
export function challengeSummary(proposalId: number, at: Date = clockNow(), database: DB = defaultDb()) {
  const counts = challengeCounts([proposalId], at, database).get(proposalId) ?? { open: 0, overdue: 0, answered: 0 };
  const pending = database.select({ n: count() }).from(t.challenges).where(and(eq(t.challenges.proposalId, proposalId), eq(t.challenges.status, "pending"))).get()?.n ?? 0;
  return { ...counts, pending };
}

// ─── The staff link ────────────────────────────────────────────────────────────

/**
 * The key in the link emailed to the staff of the affected groups when the consultation opens:
 * one per proposal, the same in every copy. Returns the link the first time, null once a key
 * exists (its emails were sent then; only the hash is kept, so it cannot be shown again).
 */
export function issueStaffChallengeLink(tx: DB, p: Pick<Proposal, "id" | "slug">): string | null {
  if (tx.select({ id: t.staffChallengeKeys.proposalId }).from(t.staffChallengeKeys).where(eq(t.staffChallengeKeys.proposalId, p.id)).get()) return null;
  const token = newToken();
  tx.insert(t.staffChallengeKeys).values({ proposalId: p.id, tokenHash: hashToken(token), createdAt: clockNow().toISOString() }).run();
  return staffChallengeUrl(p.slug, token);
}

export function staffChallengeUrl(slug: string, token: string): string {
  return `${baseUrl()}/consultations/${encodeURIComponent(slug)}/challenge/staff/${token}`;
}

/** Whether `token` is this proposal's staff key. */
export function isStaffKey(proposalId: number, token: string | undefined, database: DB = defaultDb()): boolean {
  if (!isTokenShaped(token)) return false;
  const row = database.select({ tokenHash: t.staffChallengeKeys.tokenHash }).from(t.staffChallengeKeys).where(eq(t.staffChallengeKeys.proposalId, proposalId)).get();
  return row?.tokenHash === hashToken(token);
}
