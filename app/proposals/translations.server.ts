/**
 * Translations of a proposal (translation.ts): saved and removed as any other part of it, through
 * `editProposal` (the officer may change it, its state allows, the revision is current; the audit
 * entry; once open, a public version with the change note; after approval, the gate holds), and
 * read for the public page through the same visibility rule as the proposal.
 */
import { and, asc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db as defaultDb, type DB } from "#db/client.server";
import type { SignedInViewer, Viewer } from "~/auth/permissions";
import { isLanguage, type LanguageCode } from "~/i18n/languages";
import { nowIso } from "~/lib/clock";
import { editProposal, refuse, type EditInput, type EditResult } from "./editing.server";
import { loadProposal, visibilityBySlug } from "./proposals.server";
import { coverage, translationLanguage, type TranslationCoverage, type TranslationLanguage } from "./translation";
import type { Proposal } from "./types";
import { canSeeProposal } from "./visibility";

function knownLanguage(code: string): TranslationLanguage {
  const language = translationLanguage(code);
  if (!language) refuse(404, "not_found", "The council does not offer translations in this language");
  return language;
}

export type TranslationValues = { summary: string; translatorName: string; translatedOn: string };

/** The translated summary, its translator and date: adds the translation or changes it. */
export function saveTranslation(viewer: SignedInViewer, proposalId: number, input: EditInput, code: string, v: TranslationValues, database?: DB): EditResult {
  return editProposal(
    viewer,
    proposalId,
    input,
    (p) => ({
      section: "summary",
      summary: `${(p.translations ?? []).some((tr) => tr.language === code) ? "Changed" : "Added"} the ${translationLanguage(code)?.name ?? code} translation (translated by ${v.translatorName} on ${v.translatedOn})`,
    }),
    (tx, p) => {
      knownLanguage(code);
      const existing = (p.translations ?? []).find((tr) => tr.language === code);
      const values = { ...v, enteredById: viewer.id, updatedAt: nowIso() };
      if (existing) {
        tx.update(t.proposalTranslations).set(values).where(eq(t.proposalTranslations.id, existing.id)).run();
        return existing.id;
      }
      return tx.insert(t.proposalTranslations).values({ ...values, proposalId: p.id, language: code }).returning({ id: t.proposalTranslations.id }).get().id;
    },
    database,
  );
}

/** The translated questions: those given replace those there were; a blank one shows in English. */
export function saveTranslatedQuestions(viewer: SignedInViewer, proposalId: number, input: EditInput, code: string, questions: { questionId: number; text: string }[], database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, { section: "summary", summary: `Saved the ${translationLanguage(code)?.name ?? code} translation of the questions (${questions.length} translated)` }, (tx, p) => {
    knownLanguage(code);
    const existing = (p.translations ?? []).find((tr) => tr.language === code);
    if (!existing) refuse(404, "not_found", "Add the translated summary first");
    if (questions.some((q) => !p.questions.some((x) => x.id === q.questionId))) refuse(409, "conflict", "A question has been removed since you opened this page: check the questions and save again");
    tx.delete(t.proposalTranslationQuestions).where(eq(t.proposalTranslationQuestions.translationId, existing.id)).run();
    for (const q of questions) tx.insert(t.proposalTranslationQuestions).values({ translationId: existing.id, questionId: q.questionId, text: q.text }).run();
    tx.update(t.proposalTranslations).set({ enteredById: viewer.id, updatedAt: nowIso() }).where(eq(t.proposalTranslations.id, existing.id)).run();
    return existing.id;
  }, database);
}

export function removeTranslation(viewer: SignedInViewer, proposalId: number, input: EditInput, code: string, database?: DB): EditResult {
  return editProposal(viewer, proposalId, input, { section: "summary", summary: `Removed the ${translationLanguage(code)?.name ?? code} translation` }, (tx, p) => {
    const existing = (p.translations ?? []).find((tr) => tr.language === code);
    if (!existing) refuse(404, "not_found", "This translation does not exist");
    tx.delete(t.proposalTranslations).where(and(eq(t.proposalTranslations.id, existing.id), eq(t.proposalTranslations.proposalId, p.id))).run();
  }, database);
}

/** Who entered each translation and when, for the staff page (the proposal itself carries the rest). */
export function translationRecords(proposalId: number, database: DB = defaultDb()): { language: string; enteredBy: string | null; updatedAt: string }[] {
  return database
    .select({ language: t.proposalTranslations.language, enteredBy: t.users.name, updatedAt: t.proposalTranslations.updatedAt })
    .from(t.proposalTranslations)
    .leftJoin(t.users, eq(t.users.id, t.proposalTranslations.enteredById))
    .where(eq(t.proposalTranslations.proposalId, proposalId))
    .orderBy(asc(t.proposalTranslations.language))
    .all();
}

// ─── For the reader ────────────────────────────────────────────────────────────

export type ReaderTranslation = {
  language: string;
  /** in the language itself ("বাংলা") and in English */
  nativeName: string;
  name: string;
  dir: "ltr" | "rtl";
  /** Markdown: render it with renderMarkdown like every other text */
  summary: string;
  /** every question in order, with its translation where there is one */
  questions: { id: number; english: string; translated: string | null }[];
  translatorName: string;
  translatedOn: string;
  /** which parts are in the reader's language; everything else stays in English */
  covers: TranslationCoverage;
};

/** A translation as the reader sees it, from a proposal the caller has already been allowed to see. */
export function readerTranslation(p: Proposal, code: string): ReaderTranslation | null {
  const language = translationLanguage(code);
  const tr = (p.translations ?? []).find((x) => x.language === code);
  if (!language || !tr) return null;
  return {
    language: language.code,
    nativeName: language.nativeName,
    name: language.name,
    dir: language.dir,
    summary: tr.summary,
    questions: p.questions.map((q) => ({ id: q.id, english: q.question, translated: tr.questions.find((x) => x.questionId === q.id)?.text ?? null })),
    translatorName: tr.translatorName,
    translatedOn: tr.translatedOn,
    covers: coverage(tr, p.questions.map((q) => q.id)),
  };
}

/**
 * The translation of the proposal at `slug` into `language` for this viewer, or null: none for a
 * proposal the viewer may not see (by the one rule, visibility.ts), exactly as for one with no
 * translation or a language the council does not offer.
 */
export function translationFor(viewer: Viewer, slug: string, language: string, database: DB = defaultDb()): ReaderTranslation | null {
  if (!translationLanguage(language)) return null;
  const facts = visibilityBySlug(slug, database);
  if (!facts || !canSeeProposal(viewer, facts)) return null;
  const p = loadProposal(facts.id, database);
  return p ? readerTranslation(p, language) : null;
}

/** The languages a proposal has been translated into, for the language switch: codes only. */
export function translatedLanguages(p: Pick<Proposal, "translations">): string[] {
  return (p.translations ?? []).map((tr) => tr.language).filter((code) => translationLanguage(code) != null);
}

export type PageTranslation = Omit<ReaderTranslation, "summary"> & { summaryHtml: string };

/**
 * For the consultation page and the respond form, from a proposal the route has already been
 * allowed to see: the translation into the page's language with its summary rendered and
 * sanitised like every other text, or null.
 */
export function pageTranslation(p: Proposal, language: string, render: (markdown: string) => string): PageTranslation | null {
  const tr = readerTranslation(p, language);
  if (!tr) return null;
  const { summary, ...rest } = tr;
  return { ...rest, summaryHtml: render(summary) };
}

/**
 * The languages this proposal has been translated into that the site can show a page in (the
 * interface has a catalogue for them), other than the page's own: for the links on the page.
 */
export function translationsForSwitch(p: Pick<Proposal, "translations">, pageLanguage: string): { code: LanguageCode; nativeName: string; name: string }[] {
  return translatedLanguages(p)
    .filter((code): code is LanguageCode => isLanguage(code) && code !== pageLanguage)
    .map((code) => ({ code, nativeName: translationLanguage(code)!.nativeName, name: translationLanguage(code)!.name }));
}

export type TranslationCardData = {
  language: string;
  /** "Bengali (বাংলা)" */
  label: string;
  name: string;
  dir: "ltr" | "rtl";
  translatorName: string;
  translatedOn: string;
  enteredBy: string;
  enteredAt: string | null;
  summaryHtml: string;
  covers: TranslationCoverage;
  questions: { number: number; english: string; translated: string | null }[];
};

/** Each translation as staff check it (the translations page, the approver's review): rendered, with who entered it. */
export function translationCards(p: Proposal, render: (markdown: string) => string, database: DB = defaultDb()): TranslationCardData[] {
  const records = translationRecords(p.id, database);
  return (p.translations ?? []).map((tr) => {
    const language = translationLanguage(tr.language);
    const record = records.find((r) => r.language === tr.language);
    return {
      language: tr.language,
      label: language ? `${language.name} (${language.nativeName})` : tr.language,
      name: language?.name ?? tr.language,
      dir: language?.dir ?? "ltr",
      translatorName: tr.translatorName,
      translatedOn: tr.translatedOn,
      enteredBy: record?.enteredBy ?? "a former member of staff",
      enteredAt: record?.updatedAt ?? null,
      summaryHtml: render(tr.summary),
      covers: coverage(tr, p.questions.map((q) => q.id)),
      questions: p.questions.map((q, i) => ({ number: i + 1, english: q.question, translated: tr.questions.find((x) => x.questionId === q.id)?.text ?? null })),
    };
  });
}
