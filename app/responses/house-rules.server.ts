/**
 * The house rules, from content/house-rules.md so the council edits a file, not code. A rule is a
 * "## Title {#key}" heading and the text under it; the key is what moderators choose and what
 * the public moderation log shows, so it must not change once used.
 *
 * Read on every call (the file is small and the council may edit it while the site runs).
 */
import fs from "node:fs";
import path from "node:path";
import { contentFiller } from "~/components/content-page.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { loadSettings } from "~/lib/settings.server";
import { DEFAULT_LANGUAGE, type LanguageCode } from "~/i18n/languages";

export type HouseRule = { key: string; title: string; html: string };
export type HouseRules = { title: string; introHtml: string; rules: HouseRule[] };
/** The rules in a language: `language` is the one they are written in (English when not yet translated). */
export type HouseRulesIn = HouseRules & { language: LanguageCode };

const RULE_HEADING = /^##\s+(.+?)\s*\{#([a-z][a-z0-9-]*)\}\s*$/;

const FALLBACK = `# House rules for comments

Criticism of the council is welcome. Moderators hide comments that break these rules.

## Do not abuse or harass anyone {#abuse}

Argue with what people say, not who they are.

## Keep personal information out {#personal-information}

Do not post anything that would identify a private individual.

## No advertising or spam {#spam}

We hide advertising and comments posted by software.

## Stay on the subject {#off-topic}

Comments should be about the proposal.
`;

export function parseHouseRules(source: string): HouseRules {
  const lines = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  let title = "House rules";
  const intro: string[] = [];
  const rules: { key: string; title: string; body: string[] }[] = [];
  for (const line of lines) {
    const h1 = /^#\s+(.+?)\s*$/.exec(line);
    const rule = RULE_HEADING.exec(line);
    if (h1 && rules.length === 0 && !intro.some((l) => l.trim())) title = h1[1];
    else if (rule) rules.push({ key: rule[2], title: rule[1], body: [] });
    else if (rules.length > 0) rules[rules.length - 1].body.push(line);
    else intro.push(line);
  }
  return {
    title,
    introHtml: renderMarkdown(intro.join("\n"), "officer"),
    // Each rule's own text sits under its h3, so its headings start at h4.
    rules: rules.map((r) => ({ key: r.key, title: r.title, html: renderMarkdown(r.body.join("\n"), "officer", { headingOffset: 2 }) })),
  };
}

/**
 * The rules in `lang`, from content/house-rules.<lang>.md (content/house-rules.md is English), or
 * in English when that language has no file yet. A translation keeps the English file's rule keys.
 */
export function loadHouseRules(lang: LanguageCode = DEFAULT_LANGUAGE): HouseRulesIn {
  const read = (name: string) => {
    try {
      return fs.readFileSync(path.resolve("content", name), "utf8");
    } catch {
      return null;
    }
  };
  const translated = lang === DEFAULT_LANGUAGE ? null : read(`house-rules.${lang}.md`);
  const source = translated ?? read("house-rules.md") ?? FALLBACK;
  const { council } = loadSettings();
  const values: Record<string, string> = { "council.name": council.name, "council.serviceName": council.serviceName, "council.contactEmail": council.contactEmail };
  // In a translation the council's names are its English, marked as such (content-page.server.ts).
  const filler = contentFiller(values, translated != null);
  const rules = parseHouseRules(filler.source(source));
  if (!translated) return { ...rules, language: DEFAULT_LANGUAGE };
  return {
    title: filler.text(rules.title),
    introHtml: filler.html(rules.introHtml),
    rules: rules.rules.map((r) => ({ ...r, title: filler.text(r.title), html: filler.html(r.html) })),
    language: lang,
  };
}

/** Rule keys and titles, for the report and moderation forms. */
export function ruleChoices(lang: LanguageCode = DEFAULT_LANGUAGE): { key: string; title: string }[] {
  return loadHouseRules(lang).rules.map(({ key, title }) => ({ key, title }));
}

export function ruleTitle(key: string | null | undefined, rules: { key: string; title: string }[] = ruleChoices()): string {
  if (!key) return "";
  return rules.find((r) => r.key === key)?.title ?? key;
}
