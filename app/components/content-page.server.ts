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
export type ContentPage = { title: string; html: string; found: boolean; lang?: string };

/** Words in the file that stand for the council's own details, e.g. {{council.name}}. */
export type ContentValues = Record<string, string>;

function fill(text: string, values: ContentValues): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
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
  source = fill(source.replace(/^\uFEFF/, ""), values);
  // Front matter, if any, is not for display.
  source = source.replace(/^---\n[\s\S]*?\n---\n/, "");
  const heading = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(source);
  const title = heading ? heading[1] : fallback.title;
  const body = heading ? source.slice(0, heading.index) + source.slice(heading.index + heading[0].length) : source;
  return { title, html: renderMarkdown(body, "officer"), found, ...(english && lang !== DEFAULT_LANGUAGE ? { lang: languageInfo(DEFAULT_LANGUAGE).htmlLang } : {}) };
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
