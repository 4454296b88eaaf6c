/**
 * Figures stated in prose, to hold the words to the impact figures. The complaint behind the
 * platform: the published text told a different story from the business case ("remove the social
 * workers" hid 12 posts). A summary that says 3 posts when the figures say 12, or the reverse, is
 * refused. Pure. Only figures the words tie to what changes are read: "12 social work posts would
 * be deleted", "a saving of £604,000", "a quarter of the workforce"; a count of posts that stay,
 * are vacant or are new is not the posts affected.
 */
import { stripMarkdown } from "./text-quality";

type Text = string | null | undefined;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

/** "12", "1,200", "11.4", "twelve", "twenty-four", "a dozen" → a number; otherwise null. */
export function parseCount(token: string): number | null {
  const t = token.toLowerCase().replace(/[,]/g, "");
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const parts = t.split("-");
  if (parts.every((p) => p in NUMBER_WORDS)) return parts.reduce((sum, p) => sum + NUMBER_WORDS[p], 0);
  return null;
}

/** Sentences of plain text. */
function sentences(text: Text): string[] {
  return stripMarkdown(text)
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What the posts affected are called. */
const POST_NOUN = /^(?:posts?|jobs?|roles?|positions?|redundanc(?:y|ies)|staff|employees|FTE)$/i;
/** Counts that are not the posts affected: new, vacant, remaining or in total. */
const NOT_AFFECTED = /^(?:vacant|new|additional|extra|other|remaining|existing|further|more|fewer|agency|temporary|interim|unfilled|empty|total)$/i;
/** Words that tie a count to the change. */
const CHANGE =
  /\b(?:delet|remov|cut|lose|losing|lost|loss|reduc|redundan|transfer|move|moving|affect|abolish|disestablish|at risk|axe|scrap|shed|change|restructur|end(?:ed|ing|s)?\b|go\b|would go|replac|outsourc|relocat|redeploy|merg|close|closing|stop)/i;
const STAYS = /\b(?:stay|stays|remain|remains|keep|kept|unaffected|not affected|would not change|unchanged)\b/i;

export type StatedPosts = { value: number; phrase: string };

/**
 * Counts of posts the prose says the change affects: "delete 12 social work posts", "34 council
 * staff would move", "six grounds maintenance staff would change their rounds".
 */
export function statedPostCounts(text: Text): StatedPosts[] {
  const out: StatedPosts[] = [];
  for (const sentence of sentences(text)) {
    if (!CHANGE.test(sentence)) continue;
    const words = sentence.split(/\s+/).map((w) => w.replace(/^[("'“‘]+|[)"'”’,.:;!?]+$/g, ""));
    for (let i = 0; i < words.length; i++) {
      const value = parseCount(words[i]);
      if (value == null) continue;
      if (i > 0 && NOT_AFFECTED.test(words[i - 1])) continue;
      // "keep 6 posts", "retain six posts": posts that would not go.
      if (words.slice(Math.max(0, i - 3), i).some((w) => /^(?:keep|keeping|retain|retaining|protect|protecting|save|saving|create|creating|add|adding|recruit)$/i.test(w))) continue;
      // The noun within three words, with only describing words between: "12 social work posts".
      for (let j = i + 1; j <= Math.min(words.length - 1, i + 4); j++) {
        const w = words[j];
        if (NOT_AFFECTED.test(w)) break;
        if (POST_NOUN.test(w)) {
          // "(41 posts) would stay" is about posts that do not change.
          const rest = words.slice(j + 1, j + 5).join(" ");
          if (!STAYS.test(rest)) out.push({ value, phrase: words.slice(i, j + 1).join(" ") });
          break;
        }
        if (!/^[a-z][a-z'’-]*$/i.test(w) || /^(?:of|in|at|for|from|to|and|or|per|a|an|the|each|by|with|who|which|that|are|were|is|was|would|will)$/i.test(w)) break;
      }
    }
  }
  return out;
}

/** "a quarter of the service's workforce", "30% of its posts": shares of the workforce stated. */
export function statedWorkforceShares(text: Text): { share: number; phrase: string }[] {
  const fractions: Record<string, number> = { half: 0.5, third: 1 / 3, quarter: 0.25, fifth: 0.2, tenth: 0.1, "two thirds": 2 / 3, "three quarters": 0.75 };
  const out: { share: number; phrase: string }[] = [];
  const plain = stripMarkdown(text);
  const target = String.raw`(?:of\s+(?:the\s+|its\s+|their\s+|our\s+|all\s+)?(?:[\w'’-]+\s+){0,3}?(?:workforce|posts|staff|jobs|employees))`;
  for (const m of plain.matchAll(new RegExp(String.raw`\b(?:(?:a|one)\s+)?(half|third|quarter|fifth|tenth)\s+${target}`, "gi"))) out.push({ share: fractions[m[1].toLowerCase()], phrase: m[0] });
  for (const m of plain.matchAll(new RegExp(String.raw`\b(two thirds|three quarters)\s+${target}`, "gi"))) out.push({ share: fractions[m[1].toLowerCase()], phrase: m[0] });
  for (const m of plain.matchAll(new RegExp(String.raw`\b(\d+(?:\.\d+)?)\s*(?:%|per ?cent)\s+${target}`, "gi"))) out.push({ share: Number(m[1]) / 100, phrase: m[0] });
  return out;
}

/** £604,000, £1.9 million, £1.9m, £740k → pounds. */
function pounds(amount: string, unit: string | undefined): number {
  const n = Number(amount.replace(/,/g, ""));
  const u = (unit ?? "").toLowerCase();
  if (u.startsWith("m")) return n * 1_000_000;
  if (u.startsWith("b")) return n * 1_000_000_000;
  if (u === "k" || u.startsWith("thousand")) return n * 1_000;
  return n;
}

const MONEY = /£\s?(\d[\d,]*(?:\.\d+)?)\s*(million|m\b|bn\b|billion|k\b|thousand)?/gi;
const BUDGET_WORDS = /\b(?:sav(?:e|es|ed|ing|ings)|cost(?:s|ing)?|reduc\w* (?:\w+ )?spending|spend(?:ing)? less|cut\w*|increase\w* (?:\w+ )?spending|extra spending|additional spending)\b/i;

/** Amounts the prose gives as what the change saves or costs, with the precision they were written to. */
export function statedBudgetAmounts(text: Text): { value: number; precision: number; phrase: string }[] {
  const out: { value: number; precision: number; phrase: string }[] = [];
  for (const sentence of sentences(text)) {
    if (!BUDGET_WORDS.test(sentence)) continue;
    for (const m of sentence.matchAll(MONEY)) {
      const value = pounds(m[1], m[2]);
      const decimals = (m[1].split(".")[1] ?? "").length;
      const unit = pounds("1", m[2]);
      // "£1.9 million" is 1,900,000 to the nearest 100,000; "£604,000" is exact to the pound.
      const precision = m[2] ? unit / 10 ** decimals : 1;
      out.push({ value, precision, phrase: m[0].trim() });
    }
  }
  return out;
}

/** Whether an amount as written could be this figure: within its written precision, or 2%. */
export function amountMatches(stated: { value: number; precision: number }, figure: number): boolean {
  const f = Math.abs(figure);
  return Math.abs(stated.value - f) <= Math.max(stated.precision / 2, f * 0.02);
}
