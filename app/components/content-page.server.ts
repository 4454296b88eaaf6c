/**
 * Pages whose words live in content/ (the accessibility statement, the privacy notice): read
 * at request time, so the council edits a file rather than code. The file's first "# " line
 * is the page's h1; the rest is rendered as officer Markdown (its "##" headings become h2).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { renderMarkdown } from "~/lib/markdown.server";
import { DEFAULT_LANGUAGE, languageInfo, type LanguageCode } from "~/i18n/languages";

/** `lang`: the language the words are in, when it is not the page's (the English file on a page in another language). */
export type ContentPage = { title: string; html: string; found: boolean; lang?: string; /** the title as HTML, the council's names marked as English in a translation */ titleHtml: string };

/** Words in the file that stand for the council's own details, e.g. {{council.name}}. */
export type ContentValues = Record<string, string>;

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const TOKEN = /\u27E6([\w.]+)\u27E7/g;
/** The council's own names: English words, marked as English on a page in another language. */
const NAMES = new Set(["council.name", "council.serviceName"]);

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Fills a content file's placeholders ({{council.name}}). In a translation the council's names
 * stay its English, a language of parts (WCAG 3.1.2): they go through Markdown as tokens and come
 * out as `<span lang="en-GB">` (the officer sanitiser allows no span in the file itself), and
 * as the plain name in text such as a title. Every other value is filled as it is.
 */
export function contentFiller(values: ContentValues, translated: boolean) {
  const name = (key: string) => translated && NAMES.has(key) && key in values;
  return {
    source: (text: string) => text.replace(PLACEHOLDER, (whole, key: string) => (name(key) ? `\u27E6${key}\u27E7` : (values[key] ?? whole))),
    html: (html: string) => html.replace(TOKEN, (whole, key: string) => (key in values ? `<span lang="en-GB">${escapeHtml(values[key])}</span>` : whole)),
    text: (text: string) => text.replace(TOKEN, (whole, key: string) => values[key] ?? whole),
    textHtml: (text: string) => escapeHtml(text).replace(TOKEN, (whole, key: string) => (key in values ? `<span lang="en-GB">${escapeHtml(values[key])}</span>` : whole)),
  };
}

/**
 * The page in `lang` if the council has written it (content/privacy-notice.bn.md beside
 * content/privacy-notice.md), else the English file, marked as English (`lang: "en-GB"`) on a
 * page in another language (WCAG 3.1.2). English pages read the English file as before.
 */
export async function loadContentPage(file: string, fallback: { title: string; markdown: string }, values: ContentValues = {}, lang: LanguageCode = DEFAULT_LANGUAGE): Promise<ContentPage> {
  let source: string | null = null;
  let found = true;
  let english = lang === DEFAULT_LANGUAGE;
  if (!english) source = await fs.readFile(path.resolve("content", file.replace(/\.md$/, `.${lang}.md`)), "utf8").catch(() => null);
  if (source == null) {
    english = true;
    try {
      source = await fs.readFile(path.resolve("content", file), "utf8");
    } catch {
      source = `# ${fallback.title}\n\n${fallback.markdown}`;
      found = false;
    }
  }
  const filler = contentFiller(values, !english);
  source = filler.source(source.replace(/^\uFEFF/, ""));
  // Front matter, if any, is not for display.
  source = source.replace(/^---\n[\s\S]*?\n---\n/, "");
  const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(source);
  const title = heading ? heading[1] : fallback.title;
  const body = heading ? source.slice(0, heading.index) + source.slice(heading.index + heading[0].length) : source;
  return {
    title: filler.text(title),
    titleHtml: filler.textHtml(title),
    html: filler.html(renderMarkdown(body, "officer")),
    found,
    ...(english && lang !== DEFAULT_LANGUAGE ? { lang: languageInfo(DEFAULT_LANGUAGE).htmlLang } : {}),
  };
}

/** The council's details the privacy notice names, from its settings (so the notice says what the software does). */
export function privacyNoticeValues(settings: { council: { name: string; serviceName: string; contactEmail: string }; retention: { monthsAfterDecision: number } }): ContentValues {
  return {
    "council.name": settings.council.name,
    "council.serviceName": settings.council.serviceName,
    "council.contactEmail": settings.council.contactEmail,
    "retention.monthsAfterDecision": String(settings.retention.monthsAfterDecision),
  };
}
