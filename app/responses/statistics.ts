/**
 * Counts of answers per question, by stance and by channel: what the charts on the public page,
 * the staff response view and the open data all show. Pure: the grouped rows come from
 * answersByQuestion() (one query), and only counts leave here, never an answer's words.
 */
import { CHANNEL_LABELS, STANCES, asksForStance, type Channel, type Stance } from "./rules";

export type AnswerCountRow = { questionId: number; stance: Stance | null; channel: Channel; n: number };

export type QuestionStatistics = {
  id: number;
  question: string;
  /** whether the question asks for agreement on a scale (otherwise words only) */
  asksForStance: boolean;
  /** responses that answered this question at all (a stance, words, or both) */
  answered: number;
  /** answers by stance; `none` counts answers in words only */
  stances: Record<Stance | "none", number>;
  byChannel: Record<Channel, number>;
};

const CHANNELS = Object.keys(CHANNEL_LABELS) as Channel[];

function zeroStances(): Record<Stance | "none", number> {
  return { ...(Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>), none: 0 };
}

function zeroChannels(): Record<Channel, number> {
  return Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
}

export function questionStatistics(questions: { id: number; question: string }[], rows: AnswerCountRow[]): QuestionStatistics[] {
  return questions.map((q) => {
    const stances = zeroStances();
    const byChannel = zeroChannels();
    let answered = 0;
    for (const r of rows) {
      if (r.questionId !== q.id) continue;
      stances[r.stance ?? "none"] += r.n;
      byChannel[r.channel] += r.n;
      answered += r.n;
    }
    return { id: q.id, question: q.question, asksForStance: asksForStance(q.question), answered, stances, byChannel };
  });
}

/**
 * The counts the public sees (the consultation page's charts and the open data alike): every
 * question except those the officer marked personal (about the respondent's own child, health or
 * circumstances), whose answers are never published, not even as counts. Staff see them all.
 */
export function publishedQuestionStatistics(questions: { id: number; question: string; personal?: boolean }[], rows: AnswerCountRow[]): QuestionStatistics[] {
  return questionStatistics(
    questions.filter((q) => !q.personal),
    rows,
  );
}
