/**
 * The published record after closing, as any public surface may show it: the outcome report
 * once it is published, the decision once it is recorded, and the answers respondents agreed to
 * publish. The outcome page, the history page, the emails and the open data read these.
 *
 * Nothing here reads a draft: an outcome is returned only when the proposal is past closing and
 * the report's status is "published". Comments are quoted through publishableComments();
 * answers only where the respondent agreed and the question is not marked personal.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import { characteristicLabel, type Settings } from "~/lib/settings";
import type { Proposal } from "~/proposals/types";
import { publicVersionRefs } from "~/proposals/versions.server";
import { publishableComments } from "~/responses/comments.server";
import { responsesOverview, type QuestionSummary } from "~/responses/reading.server";
import { displayName, type Channel, type RespondingAs, type Stance } from "~/responses/rules";
import { DECISION_LABELS, OUTCOME_PUBLIC_IN, type DecisionKind } from "./rules";
import { listThemes } from "./themes.server";

export type OutcomeRow = typeof t.outcomes.$inferSelect;

/** The outcome report in any status, for staff pages and the transitions (the public read is publishedOutcome). */
export function loadOutcome(proposalId: number, database: DB = defaultDb()): OutcomeRow | null {
  return database.select().from(t.outcomes).where(eq(t.outcomes.proposalId, proposalId)).get() ?? null;
}

export type PublicDecision = {
  decision: DecisionKind;
  label: string;
  sentence: string;
  decidedOn: string;
  reference: string;
  noticeUrl: string;
  summary: string | null;
  recordedAt: string;
};

export function decisionOf(proposalId: number, database: DB = defaultDb()): PublicDecision | null {
  const d = database.select().from(t.decisions).where(eq(t.decisions.proposalId, proposalId)).get();
  if (!d) return null;
  return { decision: d.decision, ...DECISION_LABELS[d.decision], decidedOn: d.decidedOn, reference: d.reference, noticeUrl: d.noticeUrl, summary: d.summary, recordedAt: d.recordedAt };
}

export type Quote = { kind: "answer" | "comment"; text: string; about: string };

export type PublicTheme = {
  id: number;
  name: string;
  /** different respondents who raised it */
  respondents: number;
  councilResponse: string;
  changed: boolean;
  changeDescription: string | null;
  /** the public version that made the change, as numbered on the history page */
  version: { number: number; createdAt: string; changeNote: string | null } | null;
  quotes: Quote[];
};

export type EqualityBeforeAfter = {
  characteristic: string;
  label: string;
  before: { rating: t.EqualityRating | null; evidence: string | null };
  after: { rating: t.EqualityRating; evidence: string; justification: string | null; evidenceAction: string | null };
};

export type PublicOutcome = {
  /** null only in a staff preview of a report not yet published */
  publishedAt: string | null;
  responseSummary: string;
  equalitySummary: string;
  whatHappensNext: string;
  counts: {
    responses: number;
    byChannel: Record<Channel, number>;
    byRespondingAs: Record<RespondingAs | "unknown", number>;
    comments: number;
  };
  /** stance counts for each question that is not personal */
  questions: QuestionSummary[];
  themes: PublicTheme[];
  equality: EqualityBeforeAfter[];
  publishedAnswers: number;
};

export const QUOTES_PER_THEME = 3;

/** Answers and comments coded into a theme that the public may read, a few of each. */
function themeQuotes(database: DB, proposalId: number, themeId: number): Quote[] {
  const answers = database.all<{ text: string; question: string }>(sql`
    SELECT ra.text, q.question FROM theme_codes tc
    JOIN response_answers ra ON ra.response_id = tc.response_id AND ra.question_id = tc.question_id
    JOIN responses r ON r.id = tc.response_id
    JOIN consultation_questions q ON q.id = tc.question_id
    WHERE tc.theme_id = ${themeId} AND tc.kind = 'answer' AND r.publish_answers = 1 AND q.personal = 0 AND ra.text IS NOT NULL
    ORDER BY tc.created_at, tc.item_key LIMIT ${QUOTES_PER_THEME}`);
  const commentIds = database
    .select({ id: t.themeCodes.commentId })
    .from(t.themeCodes)
    .where(and(eq(t.themeCodes.themeId, themeId), eq(t.themeCodes.kind, "comment")))
    .orderBy(asc(t.themeCodes.createdAt))
    .limit(50)
    .all()
    .map((r) => r.id!)
    .filter((id) => id != null);
  const comments = commentIds.length ? publishableComments({ proposalIds: [proposalId], ids: commentIds }, database).slice(0, QUOTES_PER_THEME) : [];
  return [
    ...answers.map((a): Quote => ({ kind: "answer", text: a.text, about: a.question })),
    ...comments.map((c): Quote => ({ kind: "comment", text: c.text, about: c.targetType === "proposal" ? "Comment on the proposal" : "Comment on part of the proposal" })),
  ].slice(0, QUOTES_PER_THEME + 1);
}

/** Whether the outcome report of this proposal is public. */
export function outcomeIsPublished(p: Pick<Proposal, "id" | "state">, database: DB = defaultDb()): boolean {
  if (!(OUTCOME_PUBLIC_IN as readonly string[]).includes(p.state)) return false;
  return database.select({ status: t.outcomes.status }).from(t.outcomes).where(eq(t.outcomes.proposalId, p.id)).get()?.status === "published";
}

/**
 * For a batch of public proposals, those whose outcome report is published: when the outcome
 * page last changed (publication or decision) and how many responses were published with it.
 * One query, for the sitemap.
 */
export function publishedOutcomeDates(proposals: Pick<Proposal, "id" | "state">[], database: DB = defaultDb()): Map<number, { updatedAt: string; publishedAnswers: number }> {
  const ids = proposals.filter((p) => (OUTCOME_PUBLIC_IN as readonly string[]).includes(p.state)).map((p) => p.id);
  if (ids.length === 0) return new Map();
  const rows = database.all<{ proposal_id: number; published_at: string; recorded_at: string | null; answers: number }>(sql`
    SELECT o.proposal_id, o.published_at, d.recorded_at,
      (SELECT count(*) FROM responses r WHERE r.proposal_id = o.proposal_id AND r.publish_answers = 1) AS answers
    FROM outcomes o LEFT JOIN decisions d ON d.proposal_id = o.proposal_id
    WHERE o.status = 'published' AND o.published_at IS NOT NULL AND o.proposal_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(rows.map((r) => [r.proposal_id, { updatedAt: r.recorded_at && r.recorded_at > r.published_at ? r.recorded_at : r.published_at, publishedAnswers: r.answers }]));
}

/** The published outcome report, or null if there is none (a draft is never returned). */
export function publishedOutcome(p: Proposal, settings: Settings, database: DB = defaultDb()): PublicOutcome | null {
  if (!outcomeIsPublished(p, database)) return null;
  return outcomeRecord(p, settings, database);
}

/**
 * The report as it stands, whatever its status: for the staff preview (drafters and the approver
 * read exactly what will be published). Public surfaces call publishedOutcome.
 */
export function outcomeRecord(p: Proposal, settings: Settings, database: DB = defaultDb()): PublicOutcome | null {
  const o = database.select().from(t.outcomes).where(eq(t.outcomes.proposalId, p.id)).get();
  if (!o) return null;
  const overview = responsesOverview(p.id, { channel: null, respondingAs: null }, database);
  const versions = new Map(publicVersionRefs(p.id, database).map((v) => [v.id, v]));
  const themes = listThemes(p.id, database).map((th): PublicTheme => {
    const v = th.changed && th.versionId != null ? versions.get(th.versionId) : undefined;
    return {
      id: th.id,
      name: th.name,
      respondents: th.respondents,
      councilResponse: th.councilResponse ?? "",
      changed: th.changed === true,
      changeDescription: th.changed ? th.changeDescription : null,
      version: v ? { number: v.number, createdAt: v.createdAt, changeNote: v.changeNote } : null,
      quotes: themeQuotes(database, p.id, th.id),
    };
  });
  const equality = database
    .select()
    .from(t.outcomeEqualityRows)
    .where(eq(t.outcomeEqualityRows.proposalId, p.id))
    .all()
    .map(
      (r): EqualityBeforeAfter => ({
        characteristic: r.characteristic,
        label: characteristicLabel(settings, r.characteristic),
        before: { rating: r.beforeRating, evidence: r.beforeEvidence },
        after: { rating: r.rating, evidence: r.evidence, justification: r.justification, evidenceAction: r.evidenceAction },
      }),
    );
  const order = p.equalityRows.map((r) => r.characteristic);
  equality.sort((a, b) => order.indexOf(a.characteristic) - order.indexOf(b.characteristic));
  const publishedAnswers = database.get<{ n: number }>(sql`SELECT count(*) AS n FROM responses WHERE proposal_id = ${p.id} AND publish_answers = 1`)?.n ?? 0;
  return {
    publishedAt: o.publishedAt,
    responseSummary: o.responseSummary ?? "",
    equalitySummary: o.equalitySummary ?? "",
    whatHappensNext: o.whatHappensNext ?? "",
    counts: { responses: overview.total, byChannel: overview.byChannel, byRespondingAs: overview.byRespondingAs, comments: overview.comments.total },
    questions: overview.questions.filter((q) => !q.personal),
    themes,
    equality,
    publishedAnswers,
  };
}

// ─── Answers respondents agreed to publish ─────────────────────────────────────
export type PublishedResponse = {
  responseId: number;
  name: string;
  capacity: string | null;
  channel: Channel;
  answers: { questionId: number; question: string; stance: Stance | null; text: string | null }[];
};

export const PUBLISHED_ANSWERS_PAGE_SIZE = 20;

/**
 * One page of the responses whose authors agreed to publish their answers, under the name they
 * chose, without the answers to questions marked personal. Published with the outcome report
 * (never while the consultation is open, when answers can still change, and never for a draft).
 */
export function publishedAnswers(
  p: Pick<Proposal, "id" | "state">,
  page: number,
  database: DB = defaultDb(),
): { items: PublishedResponse[]; page: number; pages: number; total: number } {
  const empty = { items: [], page: 1, pages: 1, total: 0 };
  if (!(OUTCOME_PUBLIC_IN as readonly string[]).includes(p.state)) return empty;
  const total = database.get<{ n: number }>(sql`SELECT count(*) AS n FROM responses WHERE proposal_id = ${p.id} AND publish_answers = 1`)?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / PUBLISHED_ANSWERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const responses = database.all<{ id: number; channel: Channel; respondent_id: number | null; name: string | null; show_name: number | null; responding_as: RespondingAs | null; organisation_name: string | null }>(sql`
    SELECT r.id, r.channel, r.respondent_id, p.name, p.show_name, COALESCE(r.responding_as, p.responding_as) AS responding_as, p.organisation_name
    FROM responses r INDEXED BY responses_published_idx LEFT JOIN respondents p ON p.id = r.respondent_id
    WHERE r.proposal_id = ${p.id} AND r.publish_answers = 1
    ORDER BY r.id LIMIT ${PUBLISHED_ANSWERS_PAGE_SIZE} OFFSET ${(current - 1) * PUBLISHED_ANSWERS_PAGE_SIZE}`);
  if (responses.length === 0) return { ...empty, total, pages };
  const ids = responses.map((r) => r.id);
  const answers = database.all<{ response_id: number; question_id: number; question: string; stance: Stance | null; text: string | null }>(sql`
    SELECT ra.response_id, ra.question_id, q.question, ra.stance, ra.text
    FROM response_answers ra JOIN consultation_questions q ON q.id = ra.question_id
    WHERE ra.response_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND q.personal = 0
    ORDER BY q.position, q.id`);
  const items = responses.map((r): PublishedResponse => {
    const who =
      r.respondent_id != null
        ? displayName({ name: r.name, showName: Boolean(r.show_name), respondingAs: r.responding_as, organisationName: r.organisation_name })
        : displayName({ name: null, showName: false, respondingAs: r.responding_as, organisationName: null });
    return {
      responseId: r.id,
      name: who.name,
      capacity: who.capacity,
      channel: r.channel,
      answers: answers.filter((a) => a.response_id === r.id).map((a) => ({ questionId: a.question_id, question: a.question, stance: a.stance, text: a.text })),
    };
  });
  return { items, page: current, pages, total };
}
