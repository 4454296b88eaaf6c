/**
 * Answers to a consultation's questions as open data: published with the outcome report (as the
 * privacy notice promises, and when the outcome page shows them), only from respondents who chose
 * to publish their answers, and never for a question the officer marked as personal (about the
 * respondent's own child, health or home). The response's number, its channel, the question, the
 * stance and the words; never the respondent's name, the label an officer gave a letter or the
 * scan. Counts of every response stay public from the consultation page as before.
 *
 * The proposal must already have come through the visibility predicate; this adds the rules of
 * time and consent. The outcome page's reader (outcomes/read.server.ts publishedAnswers) applies
 * the same two conditions in SQL.
 */
import { and, asc, eq, gt, or } from "drizzle-orm";
import { OUTCOME_PUBLIC_IN } from "~/outcomes/rules";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import type { ProposalState } from "#db/schema";

/** Answers are published with the outcome report, which comes only after closing. */
export function answersArePublished(proposal: { state: ProposalState; closedAt: string | null }): boolean {
  return (OUTCOME_PUBLIC_IN as readonly ProposalState[]).includes(proposal.state) && proposal.closedAt != null;
}

export type PublishableAnswer = {
  responseId: number;
  channel: (typeof t.RESPONSE_CHANNELS)[number];
  questionId: number;
  questionNumber: number;
  question: string;
  stance: (typeof t.STANCES)[number] | null;
  answeredInWords: boolean;
  /** their words, if they answered in words */
  text: string | null;
};

/**
 * One consultation's published answers in (response, question) order, `limit` at a time after
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
        eq(t.responses.publishAnswers, true),
        eq(t.consultationQuestions.proposalId, proposal.id),
        eq(t.consultationQuestions.personal, false),
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
    text: (r.text ?? "").trim() !== "" ? r.text : null,
  }));
}
