/**
 * Checks that a page is wholly in Bengali where it is interface (issue 14, item 1): no raw
 * catalogue key, no English sentence from the catalogue, and no Latin-script words at all outside
 * what is marked as content: an element with `lang="en…"` (the council's own English text, a
 * language of parts) or `data-as-written` (what people wrote, in whatever language). A string
 * hard-coded in a component, outside the catalogue, is caught by the last rule.
 */
import { expect, type Page } from "@playwright/test";
import { en } from "../../app/i18n/catalogues/en";

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}
export const ENGLISH = flatten(en as unknown as Tree).filter(([k]) => !k.startsWith("meta."));
const KEYS = ENGLISH.map(([k]) => k);
/**
 * The catalogue's English interface sentences that must not be left on a Bengali page: each
 * message's longest stretch of words between values, if it is long enough not to be a word a
 * proposal's own (English) text could also contain.
 */
const ENGLISH_PHRASES = [
  ...new Set(
    ENGLISH.map(([, v]) => v.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/).map((part) => part.trim()).sort((a, b) => b.length - a.length)[0] ?? "").filter((phrase) => phrase.length >= 18),
  ),
];

/**
 * Latin-script text on the page that is neither inside `lang="en…"` nor `data-as-written`, nor
 * hidden. Tokens that are the same in any language are let through: email addresses, web
 * addresses, reference numbers, postcodes, file names, and words in capitals (CAMHS, PDF, CSV).
 */
export async function unmarkedLatinText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const same = [
      /\S+@\S+\.\S+/g, // email addresses
      /https?:\/\/\S+/g,
      /\b[\w.-]+\.(pdf|csv|docx?|xlsx?|odt|ods|json|atom|png|jpe?g)\b/gi,
      /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/g, // postcodes
      /\b[A-Z][A-Z\d&-]+\b/g, // acronyms and references
    ];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // <code> holds identifiers (a dataset's column names, a file's field): the same in any language.
      if (!el || el.closest("script, style, noscript, template, [hidden], [aria-hidden='true'], [data-as-written], code")) continue;
      const marked = el.closest("[lang]");
      if (marked && /^en\b/i.test(marked.getAttribute("lang") ?? "")) continue;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      let text = node.textContent ?? "";
      for (const pattern of same) text = text.replace(pattern, " ");
      if (/[A-Za-z]{2,}/.test(text)) found.push((node.textContent ?? "").trim().slice(0, 80));
    }
    return [...new Set(found)];
  });
}

/**
 * The page's text outside what is marked as content (`lang="en…"`, `data-as-written`): a
 * proposal's own English may quote a catalogue phrase ("Change to the budget"), and that is
 * content, not an untranslated interface sentence.
 */
async function unmarkedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // Code spans hold identifiers and fixed wording to copy (a licence's attribution), the same in any language.
      if (!el || el.closest("script, style, noscript, template, code, [hidden], [data-as-written]")) continue;
      const marked = el.closest("[lang]");
      if (marked && /^en\b/i.test(marked.getAttribute("lang") ?? "")) continue;
      parts.push(node.textContent ?? "");
    }
    return parts.join("");
  });
}

/** The page as a reader sees it: `lang="bn"`, no raw key, no English interface sentence. */
export async function expectAllBengali(page: Page, { strict = false } = {}) {
  await expect(page.locator("html")).toHaveAttribute("lang", "bn");
  const text = await page.locator("body").innerText();
  const title = await page.title();
  const rawKeys = KEYS.filter((key) => text.includes(key) || title.includes(key));
  expect(rawKeys, `raw keys on ${page.url()}`).toEqual([]);
  const interfaceText = await unmarkedText(page);
  const english = ENGLISH_PHRASES.filter((phrase) => interfaceText.includes(phrase) || title.includes(phrase));
  expect(english, `English interface text on ${page.url()}`).toEqual([]);
  if (strict) expect(await unmarkedLatinText(page), `Latin-script text not marked as content on ${page.url()}`).toEqual([]);
}

/**
 * Every Bengali letter on the page is drawn by a font that has it (decision 032). Chromium says,
 * element by element, which fonts drew the element's own text and how many glyphs each drew
 * (DevTools' CSS.getPlatformFontsForNode). A machine without a Bengali font draws a missing
 * letter as an empty box with a system font, so a system font drawing more glyphs in an element
 * than the element has characters outside the Bengali block means boxes. Both of our faces (the
 * full font and the switch's subset) name themselves "Noto Sans Bengali". Returns the elements
 * drawn with boxes; poll it (`expect.poll`), as a font loads only once a page needs it.
 */
export async function bengaliLettersInBoxes(page: Page): Promise<string[]> {
  // Seen on screen (a visually hidden heading is read aloud, not drawn).
  const selector = "body *:not(script, style, template, .govuk-visually-hidden, .govuk-visually-hidden *)";
  await page.evaluate(() => document.fonts.ready);
  // Per element, in document order: its own text, if it has Bengali letters, and how many
  // characters outside the Bengali block it holds with its descendants (Chromium counts the
  // glyphs of the inline text beneath an element too).
  const elements = await page.evaluate((selector) => {
    const bengali = /[\u0980-\u09FF]/;
    return [...document.querySelectorAll(selector)].map((element) => {
      const own = [...element.childNodes].filter((child) => child.nodeType === Node.TEXT_NODE).map((child) => child.textContent ?? "").join("");
      if (!bengali.test(own)) return null;
      let notBengali = [...(element.textContent ?? "")].filter((ch) => !/[\u0980-\u09FF\u200C\u200D]/.test(ch)).length;
      // A list item's marker ("12. " or a bullet) is drawn in the item's font as well.
      if (element.localName === "li" && getComputedStyle(element).listStyleType !== "none") notBengali += `${element.parentElement?.children.length ?? 1}. `.length;
      return { tag: element.localName, text: own.trim().slice(0, 40), notBengali };
    });
  }, selector);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector });
    // A page still hydrating can change between the two reads: say so, and the poll reads again.
    if (nodeIds.length !== elements.length) return ["(the page changed while its fonts were being read)"];
    const boxes: string[] = [];
    for (const [i, nodeId] of nodeIds.entries()) {
      const element = elements[i];
      if (!element) continue;
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      const others = fonts.filter((font) => !(font.isCustomFont && font.familyName === "Noto Sans Bengali"));
      const otherGlyphs = others.reduce((sum, font) => sum + font.glyphCount, 0);
      if (otherGlyphs > element.notBengali) boxes.push(`<${element.tag}> ${element.text} (${others.map((font) => `${font.familyName}: ${font.glyphCount} glyphs`).join(", ")})`);
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}
