/**
 * The equality monitoring questions, asked after a response is sent, every one optional. The
 * wording follows the Census 2021 questions (so the answers can be compared with the borough's
 * population) and covers the protected characteristics the equality duty asks councils to
 * consider (Equality Act 2010 s.149), plus carers and main language, which this council tracks.
 *
 * Every answer is one of a fixed list: nothing free-text, because a self-description can name a
 * person, and only counts are kept (docs/decisions/020-reaching-everyone-affected.md). "Prefer not to say" and
 * leaving a question blank are counted together as "not known".
 *
 * The words are in the catalogues (consultationPages.monitoring); English is read from there. Pure.
 */
import { en } from "~/i18n/catalogues/en";

export type MonitoringAnswer = { key: string; label: string };
export type MonitoringQuestion = {
  key: string;
  /** the question as asked, which is also its legend */
  question: string;
  /** the short name in the report's tables */
  heading: string;
  hint?: string;
  answers: readonly MonitoringAnswer[];
};

export const PREFER_NOT = "prefer_not";
export const PREFER_NOT_LABEL = en.consultationPages.monitoring.preferNot;
/** "Prefer not to say" and no answer, counted together */
export const NOT_KNOWN = "not_known";
export const NOT_KNOWN_LABEL = en.consultationPages.monitoring.notKnown;

type Words = { question: string; heading: string; hint?: string; answers: Record<string, string> };

/** The questions in the order asked, with their English words from the catalogue (other languages by key). */
export const MONITORING_QUESTIONS: readonly MonitoringQuestion[] = Object.entries(en.consultationPages.monitoring.questions as Record<string, Words>).map(([key, q]) => ({
  key,
  question: q.question,
  heading: q.heading,
  ...(q.hint ? { hint: q.hint } : {}),
  answers: Object.entries(q.answers).map(([answer, label]) => ({ key: answer, label })),
}));

/** A question's words in the page's language: `t` from the translation layer. */
export function monitoringWords(t: (key: string) => string, q: MonitoringQuestion) {
  const base = `consultationPages.monitoring.questions.${q.key}`;
  return {
    question: t(`${base}.question`),
    heading: t(`${base}.heading`),
    hint: q.hint ? t(`${base}.hint`) : undefined,
    answers: q.answers.map((a) => ({ key: a.key, label: t(`${base}.answers.${a.key}`) })),
    preferNot: t("consultationPages.monitoring.preferNot"),
  };
}

export function monitoringQuestion(key: string): MonitoringQuestion | undefined {
  return MONITORING_QUESTIONS.find((q) => q.key === key);
}

/** The form's field name for a question. */
export const monitoringField = (questionKey: string) => `q-${questionKey}`;
