/**
 * The Bengali possessive ("of"), joined as Bengali writes it (issue 14). A catalogue message
 * puts "-এর" after a value ("{name}-এর মন্তব্য"), which is right after an English name or a
 * figure ("CAMHS-এর", "5-এর") but not after a Bengali word: there the suffix joins without a
 * hyphen, "-র" after a vowel ("বাসিন্দার") and "-এর" as a vowel sign after a consonant
 * ("রহিমের"). Pure.
 */

const HYPHENATED = "-এর";
const VOWEL_SIGN = /[\u09BE-\u09CC\u09D7]$/; // া ি ী ু ূ ৃ ৄ ে ৈ ো ৌ, and the au length mark
const VOWEL = /[\u0985-\u0994]$/; // অ … ঔ
const CONSONANT = /[\u0995-\u09B9\u09CE\u09DC-\u09DF][\u09BC\u09CD]?$/; // ক … হ, ৎ, ড় ঢ় য়, with a nukta or hasanta

/** What "-এর" becomes after `word`: "র" after a Bengali vowel, "ের" after a Bengali consonant, else "-এর". */
export function bengaliPossessiveSuffix(word: string): string {
  const end = word.trimEnd();
  if (VOWEL_SIGN.test(end) || VOWEL.test(end)) return "র";
  if (CONSONANT.test(end)) return "\u09C7র";
  return HYPHENATED;
}

/** Every "-এর" in `text` that follows a Bengali word, joined to it. */
export function joinBengaliPossessives(text: string): string {
  return text.replace(/([\u0980-\u09FF]+)-এর/g, (_whole, word: string) => word + bengaliPossessiveSuffix(word));
}

/** Whether `text` (what follows a value in a message) starts with the hyphenated suffix. */
export function startsWithPossessive(text: string): boolean {
  return text.startsWith(HYPHENATED);
}

/** `text` without its leading "-এর", for the suffix that was joined to the value before it. */
export function afterPossessive(text: string): string {
  return text.slice(HYPHENATED.length);
}
