/**
 * Translated content (issue 14): a translation must be written in its language's script, and
 * the gate's filler rules apply to it; the gate reports a bad translation against the page the
 * officer fixes it on. The Bengali is the demo council's own CAMHS translation.
 */
import { describe, expect, it } from "vitest";
import { consultationToProposal, loadContent } from "#db/content";
import { readiness } from "~/proposals/readiness";
import { unmetHref } from "~/proposals/sections/pages";
import { isInScript, MIN_SCRIPT_SHARE, scriptShare, translationLanguage, translationProblems, type TranslationLanguage } from "~/proposals/translation";
import type { Proposal } from "~/proposals/types";

const content = loadContent();
const { settings } = content;
const camhsFile = content.consultations.find((c) => c.data.slug === "camhs-social-work")!.data;
const camhs = (): Proposal => consultationToProposal(camhsFile, content, new Date());

const bn = translationLanguage("bn")!;
const ur = translationLanguage("ur")!;
const pl = translationLanguage("pl")!;
const BENGALI = camhs().translations![0].summary;
const ENGLISH = camhs().summary!;

const problems = (text: string, language: TranslationLanguage = bn, english: string | null = ENGLISH) =>
  translationProblems({ name: `The ${language.name} summary`, text, english, isSummary: true }, language);
const codes = (text: string, language: TranslationLanguage = bn) => problems(text, language).map((p) => p.code);

describe("the script rule", () => {
  it("accepts the demo's Bengali summary, acronyms in Latin letters and all", () => {
    expect(BENGALI).toContain("CAMHS");
    expect(scriptShare(BENGALI, "Bengali").share).toBeGreaterThan(0.95);
    expect(problems(BENGALI)).toEqual([]);
  });

  it("refuses English pasted as the Bengali, naming the script it is in", () => {
    const text = "We propose to delete twelve social work posts in the mental health service for children, and we want to hear your views before the council decides.";
    const [p] = problems(text);
    expect(p.code).toBe("wrong_script");
    expect(p.message).toBe("The Bengali summary must be written in Bengali script (বাংলা): 0% of its letters are; most are in Latin letters, as English is. Check that you pasted the Bengali text");
  });

  it("refuses romanised Bengali and Hindi's Devanagari, which a Bengali reader cannot read as Bengali", () => {
    expect(codes("Amra CAMHS theke somajkormi dol tule debar prostab korchi. Apnar motamot janan.")).toEqual(["wrong_script"]);
    const hindi = "हम बच्चों की मानसिक स्वास्थ्य सेवा से सामाजिक कार्यकर्ताओं की टीम हटाने का प्रस्ताव कर रहे हैं।";
    expect(problems(hindi)[0].message).toContain("most are in Devanagari script, as Hindi is");
  });

  it("draws the line at most of the letters: a quarter in Latin passes, more than that does not", () => {
    const bengaliLetters = (n: number) => "ক".repeat(n);
    expect(isInScript(`${bengaliLetters(75)} ${"x".repeat(25)}`, bn)).toBe(true);
    expect(isInScript(`${bengaliLetters(74)} ${"x".repeat(26)}`, bn)).toBe(false);
    expect(MIN_SCRIPT_SHARE).toBe(0.75);
  });

  it("counts vowel signs with their letters, and not digits, punctuation or Markdown", () => {
    // "শিশু" is four code points, two of them vowel signs (marks): all four are Bengali.
    expect(scriptShare("শিশু", "Bengali")).toMatchObject({ letters: 4, share: 1 });
    expect(scriptShare("**শিশু** ১২৩ 456 — (!)", "Bengali")).toMatchObject({ letters: 4, share: 1 });
  });

  it("holds each language to its own script: Urdu to Arabic script, Polish to Latin", () => {
    expect(isInScript("ہم بچوں کی ذہنی صحت کی خدمت میں تبدیلی کی تجویز دے رہے ہیں۔", ur)).toBe(true);
    expect(isInScript(BENGALI, ur)).toBe(false);
    expect(isInScript("Proponujemy likwidację dwunastu stanowisk pracowników socjalnych.", pl)).toBe(true);
    expect(isInScript(BENGALI, pl)).toBe(false);
  });
});

describe("the gate's filler rules on a translation", () => {
  it("refuses placeholders and promises, in English or in the language", () => {
    expect(codes("TBC")).toEqual(["wrong_script"]); // Latin letters come first: the message says what to paste
    expect(codes("অনুবাদ পরে আসবে")).toEqual(["filler"]); // "the translation will come later"
    expect(codes("পরে জানানো হবে।")).toEqual(["filler"]); // "will be announced later"
  });

  it("refuses a word or two over and over, which says nothing in any script", () => {
    expect(problems("শিশু শিশু শিশু শিশু শিশু শিশু শিশু শিশু")[0]).toMatchObject({ code: "filler", message: "The Bengali summary does not say enough" });
    expect(problems("শিশু পরিবার শিশু পরিবার শিশু পরিবার শিশু পরিবার")[0]).toMatchObject({ code: "filler", message: "The Bengali summary repeats the same few words" });
  });

  it("refuses the English text itself, for a language in Latin letters too", () => {
    expect(problems(ENGLISH, pl)[0]).toMatchObject({ code: "english", message: "The Polish summary is the English text: paste the Polish translation instead" });
  });

  it("refuses a translated summary that is a small part of the English", () => {
    const firstSentence = BENGALI.split("।")[0] + "।";
    expect(problems(firstSentence)[0]).toMatchObject({ code: "too_short" });
    expect(problems(firstSentence)[0].message).toMatch(/^The Bengali summary has \d+ words and the English summary has \d+: translate the whole summary$/);
  });

  it("asks for a summary when there is none, but leaves a blank question to show in English", () => {
    expect(problems("  ")).toEqual([{ code: "missing", message: "Enter the Bengali summary" }]);
    expect(translationProblems({ name: "The Bengali translation of question 1", text: "", english: "Why?" }, bn)).toEqual([]);
  });
});

describe("the gate on a proposal's translations", () => {
  it("passes the demo CAMHS consultation with its Bengali summary and questions", () => {
    const p = camhs();
    expect(p.translations?.[0]).toMatchObject({ language: "bn", translatorName: expect.stringMatching(/^Rumana Akhtar/) });
    expect(p.translations![0].questions).toHaveLength(p.questions.length);
    expect(readiness(p, settings).filter((u) => u.code.includes("translation"))).toEqual([]);
  });

  it("reports a translated summary in the wrong script, linking to its page", () => {
    const p = camhs();
    p.translations![0].summary = ENGLISH.replace("We are proposing", "We propose");
    const items = readiness(p, settings).filter((u) => u.code.includes("translation"));
    expect(items).toEqual([expect.objectContaining({ section: "summary", code: "summary.translation_wrong_script", field: "translations.bn.summary" })]);
    expect(unmetHref(p.id, items[0])).toBe(`/staff/proposals/${p.id}/summary/translations/bn#summary`);
  });

  it("reports a translated question that is filler, by its number, linking to the questions page", () => {
    const p = camhs();
    const second = p.questions[1].id;
    p.translations![0].questions = p.translations![0].questions.map((q) => (q.questionId === second ? { ...q, text: "পরে জানানো হবে" } : q));
    const items = readiness(p, settings).filter((u) => u.code.includes("translation"));
    expect(items).toEqual([expect.objectContaining({ code: "summary.translation_question_filler", field: `translations.bn.questions.${second}` })]);
    expect(items[0].message).toMatch(/^The Bengali translation of question 2 /);
    expect(unmetHref(p.id, items[0])).toBe(`/staff/proposals/${p.id}/summary/translations/bn/questions#question-${second}`);
  });

  it("asks nothing of a proposal without translations", () => {
    const p = { ...camhs(), translations: [] };
    expect(readiness(p, settings).some((u) => u.code.includes("translation"))).toBe(false);
  });
});

describe("the gate on translations, question by question", () => {
  it("checks the translation of the first question too, and reports it in the summary section", () => {
    const p = camhs();
    const first = p.questions[0].id;
    p.translations![0].questions = p.translations![0].questions.map((q) => (q.questionId === first ? { ...q, text: "পরে জানানো হবে" } : q));
    const items = readiness(p, settings).filter((u) => u.code.includes("translation"));
    expect(items.map((u) => [u.section, u.code, u.field])).toEqual([["summary", "summary.translation_question_filler", `translations.bn.questions.${first}`]]);
    expect(items[0].message).toMatch(/^The Bengali translation of question 1 /);
  });

  it("names the language of a summary translation that says nothing", () => {
    const p = camhs();
    p.translations![0].summary = "পরে জানানো হবে";
    const items = readiness(p, settings).filter((u) => u.code.includes("translation"));
    expect(items.map((u) => [u.section, u.code, u.field])).toEqual([["summary", "summary.translation_filler", "translations.bn.summary"]]);
    expect(items[0].message).toMatch(/^The Bengali summary /);
  });

  it("passes over a translation into a language it does not know, and one of a question no longer in the proposal", () => {
    const p = camhs();
    p.translations!.push({ ...p.translations![0], id: 99, language: "xx", summary: "TBC", questions: [] });
    p.translations![0].questions = [...p.translations![0].questions, { questionId: 987654, text: "পরে জানানো হবে" }];
    expect(readiness(p, settings).filter((u) => u.code.includes("translation"))).toEqual([]);
  });
});
