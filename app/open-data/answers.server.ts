/**
 * Answers to a consultation's questions as open data: published only once the consultation has
 * closed (the privacy notice promises "after a consultation closes ... without names or any other
 * personal information"), and then only what cannot identify anyone: the response's number, its
 * channel, the question and the stance. Never the respondent, the label an officer gave a letter,
 * the scan, or the words, which nobody moderates and which may name someone.
 *
 * The proposal must already have come through the visibility predicate; this only adds the
 * "after closing" rule. Issue 11 (respondents who agree to publish their words, questions about
 * one's own circumstances) extends `publishableAnswers` here rather than adding a second reader.
 */
import { and, asc, eq, gt, or } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import type { ProposalState } from "#db/schema";

/** States in which responses have stopped for good and the answers may be published. */
export const ANSWERS_PUBLISHED_IN = ["closed", "outcome_published", "decided"] as const satisfies readonly ProposalState[];

export function answersArePublished(proposal: { state: ProposalState; closedAt: string | null }): boolean {
  return (ANSWERS_PUBLISHED_IN as readonly ProposalState[]).includes(proposal.state) && proposal.closedAt != null;
}

export type PublishableAnswer = {
  responseId: number;
  channel: (typeof t.RESPONSE_CHANNELS)[number];
  questionId: number;
  questionNumber: number;
  question: string;
  stance: (typeof t.STANCES)[number] | null;
  answeredInWords: boolean;
};

/**
 * One closed consultation's answers in (response, question) order, `limit` at a time after
 * `after` (keyset paging: each batch its own short query). Empty before closing.
 */
export function publishableAnswers(
  proposal: { id: number; state: ProposalState; closedAt: string | null },
  page: { after?: { responseId: number; questionId: number }; limit: number },
  database: DB = defaultDb(),
): PublishableAnswer[] {
  if (!answersArePublished(proposal)) return [];
  const after = page.after;
  const rows = database
    .select({
      responseId: t.responses.id,
      channel: t.responses.channel,
      questionId: t.responseAnswers.questionId,
      question: t.consultationQuestions.question,
      stance: t.responseAnswers.stance,
      text: t.responseAnswers.text,
    })
    .from(t.responseAnswers)
    .innerJoin(t.responses, eq(t.responses.id, t.responseAnswers.responseId))
    .innerJoin(t.consultationQuestions, eq(t.consultationQuestions.id, t.responseAnswers.questionId))
    .where(
      and(
        eq(t.responses.proposalId, proposal.id),
        eq(t.consultationQuestions.proposalId, proposal.id),
        after
          ? or(gt(t.responses.id, after.responseId), and(eq(t.responses.id, after.responseId), gt(t.responseAnswers.questionId, after.questionId)))
          : undefined,
      ),
    )
    .orderBy(asc(t.responses.id), asc(t.responseAnswers.questionId))
    .limit(page.limit)
    .all();
  // Question numbers as the form shows them: by position, then id.
  const questions = database
    .select({ id: t.consultationQuestions.id, position: t.consultationQuestions.position })
    .from(t.consultationQuestions)
    .where(eq(t.consultationQuestions.proposalId, proposal.id))
    .orderBy(asc(t.consultationQuestions.position), asc(t.consultationQuestions.id))
    .all();
  const numberOf = new Map(questions.map((q, i) => [q.id, i + 1]));
  return rows.map((r) => ({
    responseId: r.responseId,
    channel: r.channel,
    questionId: r.questionId,
    questionNumber: numberOf.get(r.questionId) ?? 0,
    question: r.question,
    stance: r.stance,
    answeredInWords: (r.text ?? "").trim() !== "",
  }));
}
