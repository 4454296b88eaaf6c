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

const NAMES = { "council.name": "Northmoor Borough Council", "council.serviceName": "Northmoor Consultations", "council.contactEmail": "consult@northmoor.example" };

describe("the council's names on a page in Bengali", () => {
  it("are its English, filled in from the settings and marked lang=\"en-GB\", in the body and the title", async () => {
    const page = await loadContentPage("accessibility-statement.md", { title: "x", markdown: "" }, NAMES, "bn");
    expect(page.html).toContain('<span lang="en-GB">Northmoor Borough Council</span>');
    expect(page.html).toContain('<span lang="en-GB">Northmoor Consultations</span>-এর');
    expect(page.html).not.toMatch(/\{\{|\u27E6/);
    expect(page.title).toMatch(/^Northmoor Consultations-এর /);
    expect(page.titleHtml).toMatch(/^<span lang="en-GB">Northmoor Consultations<\/span>-এর /);
    // Outside the marked names, no Latin-script word: the name is never left unmarked.
    const unmarked = page.html.replace(/<span lang="en-GB">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, " ");
    expect(unmarked).not.toContain("Northmoor");
  });

  it("are plain on the English page", async () => {
    const page = await loadContentPage("accessibility-statement.md", { title: "x", markdown: "" }, NAMES, "en");
    expect(page.html).toContain("Northmoor Borough Council");
    expect(page.html).not.toContain('lang="en-GB"');
    expect(page.titleHtml).toBe("Accessibility statement for Northmoor Consultations");
  });
});

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
    // The council's names included: they are its English, filled in and marked as English.
    for (const p of placeholders(en)) expect(bnPlaceholders.has(p), p).toBe(true);
    expect(bn, "the council's name written out in Bengali script").not.toMatch(/নর্থমুর (বরো|কনসালটেশনস)/);
  });

  it("has no Latin-script word outside code, addresses, file names and acronyms", () => {
    expect(latinWords(bn)).toEqual([]);
  });

  it("is the page a Bengali reader gets, titled in Bengali and not marked as English", async () => {
    const page = await loadContentPage(`${name}.md`, { title: "x", markdown: "" }, { ...NAMES, "retention.monthsAfterDecision": "12" }, "bn");
    expect(page.found).toBe(true);
    expect(page.lang).toBeUndefined();
    expect(page.title.replace(NAMES["council.serviceName"], "")).toMatch(/^[^A-Za-z]*[\u0980-\u09FF]/);
    const english = await loadContentPage(`${name}.md`, { title: "x", markdown: "" }, {}, "en");
    expect(english.title).toMatch(/[A-Za-z]/);
  });
});
