/**
 * Text checks behind the publication gate. Pure: no I/O, no settings.
 *
 * The gate exists because proposals were published as "two or three vague paragraphs", so
 * these helpers decide what counts as saying something: a placeholder ("TBC", "N/A", "see
 * business case"), one word repeated or a single word is filler, however it is dressed up.
 * Officers write Markdown, so syntax is stripped before anything is counted.
 */

type Text = string | null | undefined;

/** Markdown to plain text, enough for counting: links keep their text, markers go. */
export function stripMarkdown(text: Text): string {
  return (text ?? "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1") // images: keep the alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // links: keep the link text
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, "") // block quotes
    .replace(/^[ \t]*#{1,6}[ \t]*/gm, "") // headings
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "") // list markers
    .replace(/[*_`~#>]/g, ""); // emphasis and stray syntax
}

/** The words of a text: tokens with at least one letter or digit ("£540,000" is one word). */
function words(text: Text): string[] {
  return stripMarkdown(text)
    .split(/\s+/)
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

export function wordCount(text: Text): number {
  return words(text).length;
}

/** Lowercase, punctuation and whitespace collapsed: "N/A." and "n/a" compare equal. */
export function normaliseForComparison(text: Text): string {
  return stripMarkdown(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Written normalised (see normaliseForComparison): "N/A" is "n a".
const PLACEHOLDERS = [
  "tbc", "tba", "tbd", "tbs", "todo", "to do", "n a", "na", "not applicable", "not known",
  "to follow", "details to follow", "to be confirmed", "to be decided", "to be determined",
  "to be agreed", "to be advised", "see above", "see below", "as above", "as below",
  "same as above", "see business case", "see the business case", "see attached", "see appendix",
  "none", "nil", "null", "test", "testing", "placeholder", "dummy", "lorem", "ipsum", "blah",
  "asdf", "etc",
];
const PLACEHOLDER_PATTERN = new RegExp(
  `\\b(?:${[...PLACEHOLDERS].sort((a, b) => b.length - a.length).join("|")}|x{2,})\\b`,
  "g",
);

/** Words that carry no content of their own: "No impact" has one real word, not two. */
const STOP_WORDS = new Set(
  ("a an the and or but of to in on at for from by with as is are was were be been being it its " +
    "this that these those there here will would can could may might has have had do does did " +
    "we our us they them their he she his her i you your no not yes so if than then also all " +
    "any some such very more most other")
    .split(" "),
);

/** A pointer elsewhere instead of an answer: "See business case, section 4". */
const CROSS_REFERENCE = /^(?:see|refer to|please see|please refer to|as per|same as|as above|as below)\b/;
const CROSS_REFERENCE_MAX_WORDS = 8;

function withoutPlaceholders(normalised: string): string[] {
  return normalised.replace(PLACEHOLDER_PATTERN, " ").split(" ").filter(Boolean);
}

/**
 * True for blank text or text that is nothing but placeholders ("TBC", "N/A", "see above").
 * For short answers such as a name or an owner, where one real word is enough.
 */
export function isPlaceholder(text: Text): boolean {
  const normalised = normaliseForComparison(text);
  if (normalised.includes("lorem ipsum")) return true;
  return withoutPlaceholders(normalised).length === 0;
}

/**
 * True when text says nothing: blank, placeholders, a bare cross-reference, fewer than two
 * distinct real words, or mostly one word repeated.
 */
export function isFiller(text: Text): boolean {
  if (isPlaceholder(text)) return true;
  const normalised = normaliseForComparison(text);
  if (CROSS_REFERENCE.test(normalised) && wordCount(text) < CROSS_REFERENCE_MAX_WORDS) return true;

  const real = withoutPlaceholders(normalised).filter(
    (w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w)),
  );
  const counts = new Map<string, number>();
  for (const w of real) counts.set(w, (counts.get(w) ?? 0) + 1);
  if (counts.size < 2) return true;
  const commonest = Math.max(...counts.values());
  return real.length >= 3 && commonest > real.length / 2;
}

/** Real content of at least `min` words. */
export function meetsMinimumWords(text: Text, min: number): boolean {
  return !isFiller(text) && wordCount(text) >= min;
}

// ─── Acronyms ──────────────────────────────────────────────────────────────────
const ACRONYM = /\b[A-Z][A-Z0-9]+\b/g;
/** How far back from "(ACR)" the expansion may start: its own letters plus a few small words. */
const EXPANSION_SLACK_WORDS = 6;

function expansionLooksReal(expansion: string[], acronym: string): boolean {
  // At least two words, and one of them starts with the acronym's first letter, so that
  // "we work with (CAMHS)" or "CAMHS (see below)" do not pass for an expansion.
  const initial = acronym[0].toLowerCase();
  return expansion.length >= 2 && expansion.some((w) => w.toLowerCase().startsWith(initial));
}

function plainWords(text: string): string[] {
  return text
    .replace(/[()]/g, " ")
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
}

/** "Child and Adolescent Mental Health Services (CAMHS)" */
function expandedBefore(text: string, start: number, acronym: string): boolean {
  const before = text.slice(0, start);
  const after = text.slice(start + acronym.length);
  if (!/\(\s*$/.test(before) || !/^\s*\)/.test(after)) return false;
  // A single line break is still the same Markdown paragraph; a blank line is not.
  const sentence = before.replace(/\(\s*$/, "").split(/[.!?;:](?:\s|$)|\n\s*\n/).pop() ?? "";
  const expansion = plainWords(sentence).slice(-(acronym.length + EXPANSION_SLACK_WORDS));
  return expansionLooksReal(expansion, acronym);
}

/** "CAMHS (Child and Adolescent Mental Health Services)" */
function expandedAfter(text: string, start: number, acronym: string): boolean {
  const match = /^\s*\(([^)]*)\)/.exec(text.slice(start + acronym.length));
  return !!match && expansionLooksReal(plainWords(match[1]), acronym);
}

/**
 * Acronyms not spelled out the first time they appear, in order of first appearance.
 * Only the first use counts: expanding it later does not help the reader who met it first.
 */
export function unexpandedAcronyms(text: Text, allowList: readonly string[] = []): string[] {
  const plain = stripMarkdown(text);
  const seen = new Set<string>();
  const unexpanded: string[] = [];
  for (const match of plain.matchAll(ACRONYM)) {
    const acronym = match[0];
    if (seen.has(acronym)) continue;
    seen.add(acronym);
    if (allowList.includes(acronym)) continue;
    const start = match.index ?? 0;
    if (!expandedBefore(plain, start, acronym) && !expandedAfter(plain, start, acronym)) {
      unexpanded.push(acronym);
    }
  }
  return unexpanded;
}

// ─── Readability ───────────────────────────────────────────────────────────────
export type ReadabilityBand =
  | "very easy"
  | "easy"
  | "fairly easy"
  | "plain English"
  | "fairly difficult"
  | "difficult"
  | "very difficult";

export type Readability = { score: number; band: ReadabilityBand; words: number; sentences: number };

const BANDS: [number, ReadabilityBand][] = [
  [90, "very easy"],
  [80, "easy"],
  [70, "fairly easy"],
  [60, "plain English"],
  [50, "fairly difficult"],
  [30, "difficult"],
  [0, "very difficult"],
];

/** A common heuristic: vowel groups, less a silent final "e" or "-es"/"-ed". Good enough for a guide. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 1; // a number or symbol is read as one unit
  if (w.length <= 3) return 1;
  const groups = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, "")
    .replace(/^y/, "")
    .match(/[aeiouy]{1,2}/g);
  return groups ? groups.length : 1;
}

/**
 * Flesch reading ease, shown to the officer beside the summary (DESIGN.md gate item 1).
 * 60 or more is plain English. Clamped to 0–100 so the figure reads as a percentage-like scale.
 */
export function readability(text: Text): Readability {
  const plain = stripMarkdown(text);
  const sentences = plain
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => wordCount(s) > 0);
  const all = words(plain);
  if (all.length === 0) return { score: 0, band: "very difficult", words: 0, sentences: 0 };

  const syllableCount = all.reduce((sum, w) => sum + syllables(w), 0);
  const raw = 206.835 - 1.015 * (all.length / sentences.length) - 84.6 * (syllableCount / all.length);
  const score = Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;
  const band = BANDS.find(([min]) => score >= min)?.[1] ?? "very difficult";
  return { score, band, words: all.length, sentences: sentences.length };
}
