/**
 * The public content pages in Bengali (content/*.bn.md beside the English file): the same
 * sections, links, figures and code as the English, chosen by the page's language, and no
 * Latin-script word a strict browser check (tests/e2e/bengali-support.ts) would flag.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContentPage } from "~/components/content-page.server";

const PAGES = ["privacy-notice", "accessibility-statement", "open-data"];
const read = (file: string) => fs.readFileSync(path.resolve("content", file), "utf8");
const FENCE = /^```[^\n]*\n[\s\S]*?^```$/gm;
const prose = (md: string) => md.replace(FENCE, "");

const headingLevels = (md: string) => [...prose(md).matchAll(/^(#{1,6})\s+(.+)$/gm)].map((m) => m[1].length);
const headings = (md: string) => [...prose(md).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1]);
const links = (md: string) => [...md.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
const codeSpans = (md: string) => [...prose(md).matchAll(/`([^`]+)`/g)].map((m) => m[1].replace(/\s+/g, " "));
const fences = (md: string) => md.match(FENCE) ?? [];
const numbers = (md: string) => new Set(prose(md).replace(/\]\([^)]*\)/g, "").match(/\d+/g) ?? []);
const placeholders = (md: string) => new Set(md.match(/\{\{\s*[\w.]+\s*\}\}/g) ?? []);

/** What unmarkedLatinText lets through: addresses, file names, postcodes, acronyms, code. */
function latinWords(md: string): string[] {
  let text = prose(md)
    .replace(/`[^`]+`/g, " ")
    .replace(/\]\([^)]*\)/g, "]")
    .replace(/\{\{\s*baseUrl\s*\}\}/g, "https://plainsight.example") // an address in the page, as the browser sees it
    .replace(/\{\{\s*[\w.]+\s*\}\}/g, " ")
    .replace(/\S+@\S+\.\S+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\b[\w.-]+\.(pdf|csv|docx?|xlsx?|odt|ods|json|atom|png|jpe?g)\b/gi, " ")
    .replace(/\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/g, " ")
    .replace(/\b[A-Z][A-Z\d&-]+\b/g, " ");
  text = text.replace(/^#\s.*$/m, ""); // the title's placeholders aside, the h1 is checked below
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}

describe.each(PAGES)("content/%s.bn.md", (name) => {
  const en = read(`${name}.md`);
  const bn = read(`${name}.bn.md`);

  it("has every English section, at the same level and in the same order, headed in Bengali", () => {
    expect(headingLevels(bn)).toEqual(headingLevels(en));
    for (const heading of headings(bn)) expect(heading).toMatch(/[\u0980-\u09FF]/);
  });

  it("keeps every link target, code span, code block, figure and placeholder of the English", () => {
    const bnLinks = links(bn);
    // An internal link keeps the reader's language.
    for (const target of links(en)) expect(bnLinks.some((t) => t === target || t === `${target}?lang=bn`), target).toBe(true);
    const bnCode = codeSpans(bn);
    for (const code of codeSpans(en)) expect(bnCode, code).toContain(code);
    expect(fences(bn)).toEqual(fences(en));
    const bnNumbers = numbers(bn);
    for (const n of numbers(en)) expect(bnNumbers.has(n), `the figure ${n}`).toBe(true);
    const bnPlaceholders = placeholders(bn);
    // The council's name is written in Bengali script (a filled-in English name would be unmarked English).
    for (const p of placeholders(en)) if (!/council\.(name|serviceName)/.test(p)) expect(bnPlaceholders.has(p), p).toBe(true);
  });

  it("has no Latin-script word outside code, addresses, file names and acronyms", () => {
    expect(latinWords(bn)).toEqual([]);
  });

  it("is the page a Bengali reader gets, titled in Bengali and not marked as English", async () => {
    const page = await loadContentPage(`${name}.md`, { title: "x", markdown: "" }, { "retention.monthsAfterDecision": "12" }, "bn");
    expect(page.found).toBe(true);
    expect(page.lang).toBeUndefined();
    expect(page.title).toMatch(/^[^A-Za-z]*[\u0980-\u09FF]/);
    const english = await loadContentPage(`${name}.md`, { title: "x", markdown: "" }, {}, "en");
    expect(english.title).toMatch(/[A-Za-z]/);
  });
});
