/**
 * Easy read: the proposal told in short sentences and everyday words, for people with learning
 * disabilities and anyone who finds plain English hard. The gate asks for an easy read summary
 * where the council's settings say so (services used by disabled people or children, or a
 * negative impact on a characteristic the settings name), and checks any easy read summary that
 * is written, asked for or not: a published easy read that is not easy does harm.
 *
 * The rule follows easy read guidance (Department of Health, "Making written information easier
 * to understand for people with learning disabilities", 2010; Mencap's "Am I making myself
 * clear?"): one idea a sentence and about 15 words at most; everyday words; numbers as digits,
 * and "1 in 4" rather than a percentage; no abbreviation left unexplained. As text it is checked
 * for sentence length, a readability figure well above plain English (Flesch 70, "fairly
 * easy"), long words, percentages and acronyms, and for filler by the gate's own rules
 * (text-quality.ts). Pure.
 */
import { characteristicLabel, type Settings } from "~/lib/settings";
import type { Proposal } from "~/proposals/types";
import { isFiller, readability, stripMarkdown, syllables, unexpandedAcronyms, wordCount } from "~/proposals/text-quality";
import type { EasyReadSettings } from "./settings";

export type EasyReadProblem = { code: string; message: string };

/** Sentences as a reader meets them: a list item or a line is a sentence of its own. */
export function easyReadSentences(text: string): string[] {
  return stripMarkdown(text)
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordCount(s) > 0);
}

/** A word of four syllables or more: "transformation", "commissioning". Names (capitalised) do not count. */
function isLongWord(word: string): boolean {
  const bare = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (!/^\p{Ll}/u.test(bare) || bare.length < 9) return false;
  return syllables(bare) >= 4;
}

const PERCENT = /\d\s*%|\bper\s*cent\b|\bpercent(?:age)?\b/i;

function quote(sentence: string): string {
  const words = sentence.split(/\s+/);
  return words.length > 10 ? `${words.slice(0, 10).join(" ")}…` : sentence;
}

/**
 * What stops this text being easy read, each with a message an officer can act on. Empty when it
 * is fine. `allowList` holds abbreviations everyone knows (the gate's list: "NHS", "GP").
 */
export function easyReadProblems(text: string | null | undefined, rules: EasyReadSettings, allowList: readonly string[] = []): EasyReadProblem[] {
  if (isFiller(text)) return [{ code: "missing", message: "Write the easy read summary in short sentences and everyday words" }];
  const body = text ?? "";
  const out: EasyReadProblem[] = [];
  const words = wordCount(body);
  if (words < rules.minWords) out.push({ code: "too_short", message: `The easy read summary must be ${rules.minWords} words or more – it has ${words}: say what would change, who for, and how to have your say` });
  if (words > rules.maxWords) out.push({ code: "too_long", message: `The easy read summary must be ${rules.maxWords} words or fewer – it has ${words}` });

  const sentences = easyReadSentences(body);
  const long = sentences.filter((s) => wordCount(s) > rules.maxSentenceWords);
  if (long.length) {
    const n = long.length === 1 ? "1 sentence has" : `${long.length} sentences have`;
    out.push({
      code: "long_sentences",
      message: `${n} more than ${rules.maxSentenceWords} words, for example '${quote(long[0])}' (${wordCount(long[0])} words): split each into short sentences with one idea in each`,
    });
  }

  const score = readability(body);
  if (score.words > 0 && score.score < rules.minReadability) {
    out.push({ code: "hard_to_read", message: `The easy read summary scores ${score.score} for readability; it needs ${rules.minReadability} or more: use shorter sentences and shorter, everyday words` });
  }

  const hard = [...new Set(stripMarkdown(body).split(/\s+/).filter(isLongWord).map((w) => w.replace(/[^\p{L}-]+$/u, "").toLowerCase()))];
  // One long word in a summary may be the right word ("consultation"); a habit of them is not.
  if (hard.length >= 3 && hard.length / Math.max(words, 1) > 0.03) {
    out.push({ code: "long_words", message: `Use shorter, everyday words instead of ${hard.slice(0, 3).map((w) => `'${w}'`).join(", ")}` });
  }

  if (PERCENT.test(stripMarkdown(body))) {
    out.push({ code: "percentages", message: "Write numbers people can picture instead of percentages, for example '1 in 4 children' rather than '25%'" });
  }

  const acronyms = unexpandedAcronyms(body, allowList);
  if (acronyms.length) {
    out.push({ code: "acronyms", message: `Say what ${acronyms.slice(0, 3).join(", ")} ${acronyms.length === 1 ? "means" : "mean"} in words, or leave ${acronyms.length === 1 ? "it" : "them"} out` });
  }
  return out;
}

export type EasyReadNeed = { required: false } | { required: true; because: string };

/** Whether the council's settings ask this proposal for an easy read summary, and why. */
export function easyReadNeed(p: Pick<Proposal, "serviceSlug" | "serviceName" | "equalityRows">, s: Settings): EasyReadNeed {
  const rules = s.easyRead;
  if (!rules.required) return { required: false };
  if (rules.services.includes(p.serviceSlug)) return { required: true, because: `${p.serviceName} is used by disabled people or children` };
  const row = p.equalityRows.find((r) => r.rating === "negative" && rules.characteristics.includes(r.characteristic));
  if (row) return { required: true, because: `the impact on ${characteristicLabel(s, row.characteristic).toLowerCase()} is rated negative` };
  return { required: false };
}
