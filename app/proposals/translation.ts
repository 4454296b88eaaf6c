/**
 * Translated content (issue 14): a proposal's summary, and as many of its questions as the
 * council has had translated, in a language the council offers. Pure: the languages, the rule
 * that a translation is written in its language's script, and the gate's filler rules applied to
 * the translated text. The gate (readiness.ts) and the officer's form both call
 * `translationProblems`, so they cannot disagree.
 *
 * The script rule is the one check that works without reading the language: Bengali is written
 * in Bengali script (U+0980–U+09FF), Urdu in Arabic script, Polish and Romanian in Latin. A
 * "translation" pasted as the English text, as romanised Bengali, or in Hindi's Devanagari fails
 * it. Names and acronyms written in Latin letters ("CAMHS", "NHS") are allowed in a translation,
 * so the rule asks for most of the letters (MIN_SCRIPT_SHARE), not all.
 */
import { FILLER_WORDS, fillerKind, normaliseForComparison, stripMarkdown, wordCount } from "./text-quality";

type ScriptName = "Bengali" | "Arabic" | "Latin" | "Devanagari" | "Cyrillic" | "Greek" | "Gurmukhi" | "Han";

/** Scripts the rule can name when a text is in the wrong one. Each as a Unicode script property. */
const SCRIPTS: Record<ScriptName, { pattern: RegExp; words: string }> = {
  Bengali: { pattern: /\p{Script=Bengali}/u, words: "Bengali script" },
  Arabic: { pattern: /\p{Script=Arabic}/u, words: "Arabic script" },
  Latin: { pattern: /\p{Script=Latin}/u, words: "Latin letters, as English is" },
  Devanagari: { pattern: /\p{Script=Devanagari}/u, words: "Devanagari script, as Hindi is" },
  Cyrillic: { pattern: /\p{Script=Cyrillic}/u, words: "Cyrillic script" },
  Greek: { pattern: /\p{Script=Greek}/u, words: "Greek script" },
  Gurmukhi: { pattern: /\p{Script=Gurmukhi}/u, words: "Gurmukhi script, as Punjabi is" },
  Han: { pattern: /\p{Script=Han}/u, words: "Chinese characters" },
};

export type TranslationLanguage = {
  /** BCP 47, as in `<html lang>` and the address */
  code: string;
  /** in English, for staff pages */
  name: string;
  /** in the language itself, for the language switch and the public page */
  nativeName: string;
  script: ScriptName;
  dir: "ltr" | "rtl";
  /** placeholders and promises in the language ("to be announced later"), which count as filler */
  placeholders: readonly string[];
};

/**
 * The languages the council offers translations in: those its residents speak most after
 * English (the demo council's alternative formats name them). A constant rather than a setting,
 * because each needs its script rule and placeholders here; adding one is a line.
 */
export const TRANSLATION_LANGUAGES: readonly TranslationLanguage[] = [
  {
    code: "bn",
    name: "Bengali",
    nativeName: "বাংলা",
    script: "Bengali",
    dir: "ltr",
    // "to be announced later", "will be given later", "translation coming", "not applicable", "to be confirmed"
    placeholders: ["পরে জানানো হবে", "পরে দেওয়া হবে", "অনুবাদ আসছে", "অনুবাদ পরে আসবে", "প্রযোজ্য নয়", "নিশ্চিত করা হবে", "বিস্তারিত পরে"],
  },
  {
    code: "ur",
    name: "Urdu",
    nativeName: "اردو",
    script: "Arabic",
    dir: "rtl",
    // "will be told later", "translation coming", "not applicable"
    placeholders: ["بعد میں بتایا جائے گا", "ترجمہ آ رہا ہے", "لاگو نہیں"],
  },
  { code: "pl", name: "Polish", nativeName: "Polski", script: "Latin", dir: "ltr", placeholders: ["do potwierdzenia", "wkrótce", "nie dotyczy", "tłumaczenie wkrótce"] },
  { code: "ro", name: "Romanian", nativeName: "Română", script: "Latin", dir: "ltr", placeholders: ["de confirmat", "în curând", "nu se aplică", "traducere în curând"] },
];

export function translationLanguage(code: string | null | undefined): TranslationLanguage | null {
  return TRANSLATION_LANGUAGES.find((l) => l.code === code) ?? null;
}

/** "Bengali (বাংলা)": how staff pages and the history name a language. */
export function languageLabel(code: string): string {
  const l = translationLanguage(code);
  return l ? `${l.name} (${l.nativeName})` : code;
}

/** At least this share of a translation's letters must be in its language's script. */
export const MIN_SCRIPT_SHARE = 0.75;

export type ScriptShare = {
  /** letters counted: letters and the marks that belong to a script (vowel signs), not digits or punctuation */
  letters: number;
  /** the share of them in the expected script, 0 to 1 */
  share: number;
  /** the script most of the other letters are in, when there are any */
  mostlyOther: ScriptName | "other" | null;
};

/** How much of a text is written in `script`. Markdown syntax, digits and punctuation do not count. */
export function scriptShare(text: string | null | undefined, script: ScriptName): ScriptShare {
  const expected = SCRIPTS[script].pattern;
  const others = new Map<ScriptName | "other", number>();
  let letters = 0;
  let inScript = 0;
  for (const ch of stripMarkdown(text)) {
    // Combining marks of no script of their own (an accent on a Latin letter) belong to the letter before.
    if (!/[\p{L}\p{M}]/u.test(ch) || /\p{Script=Inherited}|\p{Script=Common}/u.test(ch)) continue;
    letters++;
    if (expected.test(ch)) {
      inScript++;
      continue;
    }
    const name = (Object.keys(SCRIPTS) as ScriptName[]).find((s) => SCRIPTS[s].pattern.test(ch)) ?? "other";
    others.set(name, (others.get(name) ?? 0) + 1);
  }
  const mostlyOther = [...others.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { letters, share: letters ? inScript / letters : 0, mostlyOther };
}

/** True when a text is written mostly in its language's script (and has letters at all). */
export function isInScript(text: string | null | undefined, language: TranslationLanguage): boolean {
  const s = scriptShare(text, language.script);
  return s.letters > 0 && s.share >= MIN_SCRIPT_SHARE;
}

export type TranslationProblem = { code: string; message: string };

export type TranslatedPart = {
  /** how the message names it: "The Bengali summary", "The Bengali translation of question 2" */
  name: string;
  text: string | null | undefined;
  /** the English it translates, to catch the English pasted instead */
  english: string | null | undefined;
  /** the summary: a translation should be about as long as the English (Bengali runs close to it) */
  isSummary?: boolean;
};

/** Share of the English summary's words below which a translated summary is only part of it. */
export const MIN_LENGTH_SHARE = 0.4;

function onlyPlaceholders(text: string, language: TranslationLanguage): boolean {
  let rest = ` ${normaliseForComparison(text)} `;
  for (const phrase of language.placeholders) rest = rest.split(` ${normaliseForComparison(phrase)} `).join(" ");
  return wordCount(rest) < 2;
}

/**
 * What stops a translated text being published: nothing written, the English pasted instead, the
 * wrong script, a placeholder or promise in either language, repetition or too few words (the
 * gate's filler rules, text-quality.ts, without its "reads as English" test, which a translation
 * is right to fail), and for the summary a translation much shorter than the English. Empty when
 * it is fine. A blank question is not a problem: questions are translated as the council chooses.
 */
export function translationProblems(part: TranslatedPart, language: TranslationLanguage): TranslationProblem[] {
  const text = part.text ?? "";
  if (!text.trim()) return part.isSummary ? [{ code: "missing", message: `Enter ${lowerFirst(part.name)}` }] : [];
  if (part.english && normaliseForComparison(text) === normaliseForComparison(part.english)) {
    return [{ code: "english", message: `${part.name} is the English text: paste the ${language.name} translation instead` }];
  }
  const script = scriptShare(text, language.script);
  if (script.letters > 0 && script.share < MIN_SCRIPT_SHARE) {
    const percent = Math.round(script.share * 100);
    const other = script.mostlyOther && script.mostlyOther !== "other" ? `; most are in ${SCRIPTS[script.mostlyOther].words}` : "";
    return [
      {
        code: "wrong_script",
        message: `${part.name} must be written in ${SCRIPTS[language.script].words.replace(/, as .*$/, "")} (${language.nativeName}): ${percent}% of its letters are${other}. Check that you pasted the ${language.name} text`,
      },
    ];
  }
  if (onlyPlaceholders(text, language)) return [{ code: "filler", message: `${part.name} ${FILLER_WORDS.placeholder}: write the translation` }];
  const kind = fillerKind(text);
  if (kind && kind !== "not_english") {
    return [{ code: "filler", message: kind === "blank" ? `Enter ${lowerFirst(part.name)}` : `${part.name} ${FILLER_WORDS[kind]}` }];
  }
  if (part.isSummary && part.english) {
    const words = wordCount(text);
    const englishWords = wordCount(part.english);
    if (words < englishWords * MIN_LENGTH_SHARE) {
      return [{ code: "too_short", message: `${part.name} has ${words} words and the English summary has ${englishWords}: translate the whole summary` }];
    }
  }
  return [];
}

/** Which parts of a proposal a translation covers, for the public page ("the summary and 3 of 4 questions"). */
export type TranslationCoverage = { summary: boolean; questions: number; ofQuestions: number };

export function coverage(t: { summary: string | null; questions: { questionId: number; text: string }[] }, questionIds: readonly number[]): TranslationCoverage {
  const translated = new Set(t.questions.filter((q) => q.text.trim()).map((q) => q.questionId));
  return { summary: !!t.summary?.trim(), questions: questionIds.filter((id) => translated.has(id)).length, ofQuestions: questionIds.length };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}
