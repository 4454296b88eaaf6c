/**
 * Translations, on pages of their own in the summary section: first the language, then the
 * translated summary with who translated it and when, then (optionally) the questions. The
 * translated text is held to translation.ts at the form as well as in the gate: a translation
 * in the wrong script is refused with a message, and nothing is saved.
 */
import { z } from "zod";
import { translationProblems, TRANSLATION_LANGUAGES, type TranslationLanguage } from "../translation";
import type { Proposal, ProposalTranslation } from "../types";
import { choice, date, partsFromIsoDate, requiredText, text } from "./fields";

/** The languages an officer may still add: those the council offers, less those already there. */
export function languagesToAdd(p: Pick<Proposal, "translations">): TranslationLanguage[] {
  const have = new Set((p.translations ?? []).map((t) => t.language));
  return TRANSLATION_LANGUAGES.filter((l) => !have.has(l.code));
}

export const languageSchema = (offered: readonly TranslationLanguage[]) =>
  z.object({ language: choice(offered.map((l) => l.code), "Choose the language of the translation") });

export const translationSchema = (p: Pick<Proposal, "summary">, language: TranslationLanguage, today: string) =>
  z
    .object({
      summary: requiredText(`The ${language.name} summary`, `Enter the ${language.name} summary`, { max: 20_000 }),
      translatorName: requiredText("The translator's name", "Enter the name of the person who translated it", { max: 200 }),
      translatedOn: date("The date it was translated", { required: "Enter the date it was translated" }),
    })
    .superRefine((v, ctx) => {
      for (const problem of translationProblems({ name: `The ${language.name} summary`, text: v.summary, english: p.summary, isSummary: true }, language)) {
        ctx.addIssue({ code: "custom", path: ["summary"], message: problem.message });
      }
      if (v.translatedOn && v.translatedOn > today) ctx.addIssue({ code: "custom", path: ["translatedOn"], message: "The date it was translated must be today or in the past" });
    })
    .transform((v) => ({ ...v, translatedOn: v.translatedOn ?? today }));

export const translationDefaults = (t: ProposalTranslation | null) => ({
  summary: t?.summary ?? "",
  translatorName: t?.translatorName ?? "",
  translatedOn: partsFromIsoDate(t?.translatedOn),
});

/** The form field of a question's translation. */
export const questionField = (questionId: number) => `question-${questionId}`;

export const translatedQuestionsSchema = (p: Pick<Proposal, "questions">, language: TranslationLanguage) =>
  z
    .object(Object.fromEntries(p.questions.map((q) => [questionField(q.id), text(`The translation of the question`, { max: 2000 })])) as Record<string, ReturnType<typeof text>>)
    .superRefine((v, ctx) => {
      p.questions.forEach((q, i) => {
        const field = questionField(q.id);
        for (const problem of translationProblems({ name: `The ${language.name} translation of question ${i + 1}`, text: v[field], english: q.question }, language)) {
          ctx.addIssue({ code: "custom", path: [field], message: problem.message });
        }
      });
    })
    .transform((v) => p.questions.flatMap((q) => (v[questionField(q.id)] ? [{ questionId: q.id, text: v[questionField(q.id)]! }] : [])));

export const translatedQuestionsDefaults = (p: Pick<Proposal, "questions">, t: ProposalTranslation) =>
  Object.fromEntries(p.questions.map((q) => [questionField(q.id), t.questions.find((x) => x.questionId === q.id)?.text ?? ""]));
