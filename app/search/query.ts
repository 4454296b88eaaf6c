/**
 * What people type into the search box, made safe for SQLite FTS5. Pure.
 *
 * FTS5 has its own syntax (quotes, NEAR, AND/OR/NOT, *, ^, column filters, brackets); typed
 * raw it can fail ("fts5: syntax error") or turn into an expensive query. So nothing typed is
 * ever passed as syntax: the words are taken out (letters and digits in any script), each is
 * quoted as a phrase of one word, and they are joined with AND. A trailing * on a word of three
 * or more letters asks for words starting with it. Everything else typed is ignored.
 */
export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 12;
const MAX_TERM_CHARS = 40;
const MIN_PREFIX_CHARS = 3;

export type ParsedQuery = {
  /** the words searched for, as shown back to the reader */
  terms: string[];
  /** FTS5 MATCH expressions: all the words, and any of them (used when all finds nothing) */
  all: string | null;
  any: string | null;
};

export function parseSearchQuery(raw: string | null | undefined): ParsedQuery {
  const text = (raw ?? "").normalize("NFKC").slice(0, MAX_QUERY_CHARS);
  const found = [...text.matchAll(/([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)(\*?)/gu)].slice(0, MAX_TERMS);
  const terms: string[] = [];
  const parts: string[] = [];
  for (const [, word, star] of found) {
    const term = word.slice(0, MAX_TERM_CHARS);
    const key = term.toLowerCase();
    if (terms.some((t) => t.toLowerCase() === key)) continue;
    terms.push(term);
    // A quoted string is one phrase to FTS5; the only special character inside is the quote,
    // and a word of letters and digits cannot contain one.
    parts.push(`"${term}"${star && term.length >= MIN_PREFIX_CHARS ? "*" : ""}`);
  }
  if (parts.length === 0) return { terms, all: null, any: null };
  return { terms, all: parts.join(" AND "), any: parts.join(" OR ") };
}

/** Markers FTS5's snippet() puts around each match: characters no stored text contains. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

export type SnippetPart = { text: string; match: boolean };

/**
 * A snippet as parts, matched words marked, with the Markdown punctuation of the stored text
 * taken out so that it reads as the page does.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const plain = snippet
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*`]+/g, "")
    // Heading, quote, list and table marks stand alone between spaces once lines are joined.
    .replace(/(^|\s)(#{1,6}|>+|[-+]|\|)(?=\s)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  const parts: SnippetPart[] = [];
  const re = new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, "g");
  let last = 0;
  for (const m of plain.matchAll(re)) {
    if (m.index! > last) parts.push({ text: plain.slice(last, m.index), match: false });
    if (m[1]) parts.push({ text: m[1], match: true });
    last = m.index! + m[0].length;
  }
  if (last < plain.length) parts.push({ text: plain.slice(last), match: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(new RegExp(`[${MATCH_START}${MATCH_END}]`, "g"), "") })).filter((p) => p.text !== "");
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** For the JSON: the snippet as escaped HTML with <mark> around each match. */
export function snippetHtml(parts: SnippetPart[]): string {
  return parts.map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");
}

export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => p.text).join("");
}
