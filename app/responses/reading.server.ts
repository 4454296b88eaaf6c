/**
 * Reading the responses, for staff: every question with its answers from every channel, stance
 * counts, filters by channel and by who responded (individual, organisation, councillor), and
 * comments on each part of the proposal. Staff page through the full text with keyset paging on
 * indexes (response_answers by question and response; comments by proposal and id), so page 200
 * of ten thousand answers costs what page 1 does.
 *
 * Who may read (visibility.canReadResponses) is the caller's check; these are the queries.
 * The respondent is shown as the public sees them (the name they chose), never by email address.
 */
import { sql, type SQL } from "drizzle-orm";
import type { DB } from "#db/client.server";
import { db as defaultDb } from "#db/client.server";
import { CHANNEL_LABELS, RESPONDING_AS, STANCES, displayName, type Channel, type RespondingAs, type Stance, type TargetType } from "./rules";

export type ReadingFilter = {
  channel: Channel | null;
  respondingAs: RespondingAs | null;
  stance?: Stance | null;
};

export const READING_PAGE_SIZE = 25;

/** Who a response is from, as the respondent chose (or as the officer who entered it recorded). */
const RESPONDING_AS_SQL = sql`COALESCE(r.responding_as, p.responding_as)`;

function filterSql(f: ReadingFilter): SQL {
  const parts: SQL[] = [];
  if (f.channel) parts.push(sql`r.channel = ${f.channel}`);
  if (f.respondingAs) parts.push(sql`${RESPONDING_AS_SQL} = ${f.respondingAs}`);
  return parts.length ? sql`AND ${sql.join(parts, sql` AND `)}` : sql``;
}

export type QuestionSummary = {
  id: number;
  position: number;
  question: string;
  personal: boolean;
  /** answers with a stance or words */
  answered: number;
  withText: number;
  stances: Record<Stance, number>;
};

export type ResponsesOverview = {
  total: number;
  byChannel: Record<Channel, number>;
  byRespondingAs: Record<RespondingAs | "unknown", number>;
  questions: QuestionSummary[];
  comments: { total: number; byTarget: Record<string, number> };
};

/** The counts at the top of the reading page, under the filter. A fixed number of grouped queries. */
export function responsesOverview(proposalId: number, filter: ReadingFilter, database: DB = defaultDb()): ResponsesOverview {
  const where = filterSql(filter);
  const groups = database.all<{ channel: Channel; responding_as: RespondingAs | null; n: number }>(sql`
    SELECT r.channel, ${RESPONDING_AS_SQL} AS responding_as, count(*) AS n
    FROM responses r LEFT JOIN respondents p ON p.id = r.respondent_id
    WHERE r.proposal_id = ${proposalId} ${where}
    GROUP BY 1, 2`);
  const byChannel = Object.fromEntries(Object.keys(CHANNEL_LABELS).map((c) => [c, 0])) as Record<Channel, number>;
  const byRespondingAs = Object.fromEntries([...RESPONDING_AS, "unknown"].map((k) => [k, 0])) as Record<RespondingAs | "unknown", number>;
  let total = 0;
  for (const g of groups) {
    byChannel[g.channel] += g.n;
    byRespondingAs[g.responding_as ?? "unknown"] += g.n;
    total += g.n;
  }

  const questions = database.all<{ id: number; position: number; question: string; personal: number }>(
    sql`SELECT id, position, question, personal FROM consultation_questions WHERE proposal_id = ${proposalId} ORDER BY position, id`,
  );
  const stanceRows = database.all<{ question_id: number; stance: Stance | null; n: number; with_text: number }>(sql`
    SELECT ra.question_id, ra.stance, count(*) AS n, sum(ra.text IS NOT NULL) AS with_text
    FROM response_answers ra JOIN responses r ON r.id = ra.response_id LEFT JOIN respondents p ON p.id = r.respondent_id
    WHERE r.proposal_id = ${proposalId} ${where}
    GROUP BY ra.question_id, ra.stance`);
  const summaries: QuestionSummary[] = questions.map((q) => ({
    id: q.id,
    position: q.position,
    question: q.question,
    personal: q.personal === 1,
    answered: 0,
    withText: 0,
    stances: Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>,
  }));
  const byId = new Map(summaries.map((q) => [q.id, q]));
  for (const row of stanceRows) {
    const q = byId.get(row.question_id);
    if (!q) continue;
    q.answered += row.n;
    q.withText += row.with_text ?? 0;
    if (row.stance) q.stances[row.stance] += row.n;
  }

  // Comments from residents (the council's official answers are not responses).
  const commentRows = database.all<{ target_type: string; target_id: number | null; n: number }>(sql`
    SELECT c.target_type, c.target_id, count(*) AS n
    FROM comments c LEFT JOIN respondents p ON p.id = c.respondent_id
    WHERE c.proposal_id = ${proposalId} AND c.officer_id IS NULL AND c.status IN ('visible', 'pending', 'hidden')
      ${filter.respondingAs ? sql`AND p.responding_as = ${filter.respondingAs}` : sql``}
      ${filter.channel && filter.channel !== "online" ? sql`AND 0` : sql``}
    GROUP BY c.target_type, c.target_id`);
  const byTarget: Record<string, number> = {};
  let comments = 0;
  for (const c of commentRows) {
    byTarget[`${c.target_type}:${c.target_id}`] = c.n;
    comments += c.n;
  }
  return { total, byChannel, byRespondingAs, questions: summaries, comments: { total: comments, byTarget } };
}

export type AnswerRow = {
  responseId: number;
  questionId: number;
  channel: Channel;
  respondingAs: RespondingAs | null;
  /** the name the respondent chose to be shown by, or the officer's note of who it was from */
  from: string;
  capacity: string | null;
  stance: Stance | null;
  text: string | null;
  createdAt: string;
  publishAnswers: boolean;
};

export type Page<T> = { items: T[]; next: number | null };

/**
 * One page of the answers to one question, in the order they arrived, after response `after`.
 * Walks response_answers_question_idx (question, response) and stops after one page.
 */
export function answersPage(
  proposalId: number,
  questionId: number,
  filter: ReadingFilter & { withTextOnly?: boolean },
  options: { after: number; limit?: number },
  database: DB = defaultDb(),
): Page<AnswerRow> {
  const limit = options.limit ?? READING_PAGE_SIZE;
  const rows = database.all<{
    response_id: number;
    stance: Stance | null;
    text: string | null;
    channel: Channel;
    responding_as: RespondingAs | null;
    label: string | null;
    created_at: string;
    publish_answers: number;
    name: string | null;
    show_name: number | null;
    organisation_name: string | null;
    respondent_id: number | null;
  }>(sql`
    SELECT ra.response_id, ra.stance, ra.text, r.channel, ${RESPONDING_AS_SQL} AS responding_as, r.respondent_label AS label, r.created_at, r.publish_answers,
      p.name, p.show_name, p.organisation_name, r.respondent_id
    FROM response_answers ra INDEXED BY response_answers_question_idx
    JOIN responses r ON r.id = ra.response_id
    LEFT JOIN respondents p ON p.id = r.respondent_id
    WHERE ra.question_id = ${questionId} AND ra.response_id > ${options.after} AND r.proposal_id = ${proposalId} ${filterSql(filter)}
      ${filter.stance ? sql`AND ra.stance = ${filter.stance}` : sql``}
      ${filter.withTextOnly ? sql`AND ra.text IS NOT NULL` : sql``}
    ORDER BY ra.response_id
    LIMIT ${limit + 1}`);
  const items = rows.slice(0, limit).map((r): AnswerRow => {
    const who =
      r.respondent_id != null
        ? displayName({ name: r.name, showName: Boolean(r.show_name), respondingAs: r.responding_as, organisationName: r.organisation_name })
        : { name: r.label ?? `${CHANNEL_LABELS[r.channel]} response`, capacity: null };
    return {
      responseId: r.response_id,
      questionId,
      channel: r.channel,
      respondingAs: r.responding_as,
      from: who.name,
      capacity: who.capacity,
      stance: r.stance,
      text: r.text,
      createdAt: r.created_at,
      publishAnswers: r.publish_answers === 1,
    };
  });
  return { items, next: rows.length > limit ? items[items.length - 1].responseId : null };
}

export type CommentRow = {
  id: number;
  targetType: TargetType;
  targetId: number | null;
  parentId: number | null;
  status: "visible" | "pending" | "hidden";
  from: string;
  capacity: string | null;
  respondingAs: RespondingAs | null;
  text: string;
  createdAt: string;
};

/**
 * One page of residents' comments (on the whole proposal, or on one part of it), oldest first,
 * after comment `after`. Hidden and held comments are included and marked: staff read every
 * response; the author's own deletions are not.
 */
export function commentsPage(
  proposalId: number,
  target: { type: TargetType; id: number } | null,
  filter: { respondingAs: RespondingAs | null },
  options: { after: number; limit?: number },
  database: DB = defaultDb(),
): Page<CommentRow> {
  const limit = options.limit ?? READING_PAGE_SIZE;
  const rows = database.all<{
    id: number;
    target_type: TargetType;
    target_id: number | null;
    parent_id: number | null;
    status: CommentRow["status"];
    body_markdown: string;
    created_at: string;
    name: string | null;
    show_name: number | null;
    responding_as: RespondingAs | null;
    organisation_name: string | null;
  }>(sql`
    SELECT c.id, c.target_type, c.target_id, c.parent_id, c.status, c.body_markdown, c.created_at,
      p.name, p.show_name, p.responding_as, p.organisation_name
    FROM comments c LEFT JOIN respondents p ON p.id = c.respondent_id
    WHERE c.proposal_id = ${proposalId} AND c.id > ${options.after} AND c.officer_id IS NULL AND c.status IN ('visible', 'pending', 'hidden')
      ${target ? sql`AND c.target_type = ${target.type} AND c.target_id = ${target.id}` : sql``}
      ${filter.respondingAs ? sql`AND p.responding_as = ${filter.respondingAs}` : sql``}
    ORDER BY c.id
    LIMIT ${limit + 1}`);
  const items = rows.slice(0, limit).map((r): CommentRow => {
    const who = displayName({ name: r.name, showName: Boolean(r.show_name), respondingAs: r.responding_as, organisationName: r.organisation_name });
    return {
      id: r.id,
      targetType: r.target_type,
      targetId: r.target_id,
      parentId: r.parent_id,
      status: r.status,
      from: who.name,
      capacity: who.capacity,
      respondingAs: r.responding_as,
      text: r.body_markdown,
      createdAt: r.created_at,
    };
  });
  return { items, next: rows.length > limit ? items[items.length - 1].id : null };
}
