/**
 * The accessibility checks the browser tests share (accessibility.spec.ts for the public pages,
 * accessibility-staff.spec.ts for the staff and union rep pages): axe against WCAG 2.2 AA, and
 * reflow at 320 CSS pixels (WCAG 1.4.10).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const NARROW = { width: 320, height: 640 };
export const WIDE = { width: 1280, height: 800 };

/**
 * The only content allowed to scroll sideways inside the page at 320 pixels: the risk matrix,
 * a grid whose meaning is its two dimensions (likelihood by impact), which WCAG 1.4.10 excepts.
 * It scrolls in its own focusable region. Every other table stacks (decision record 030).
 */
export const TWO_DIMENSIONAL = ".app-risk-matrix";

/**
 * At 320 pixels wide: does the page scroll sideways, or does anything inside it other than a
 * two-dimensional grid? Returns what is wrong, naming the elements, or null.
 */
export async function reflowProblem(page: Page): Promise<string | null> {
  await page.setViewportSize(NARROW);
  return page.evaluate((allowed) => {
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className && typeof e.className === "string" ? `.${e.className.trim().split(/\s+/).join(".")}` : ""}`;
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) {
      // Name the widest elements that stick out, so the failure says what to fix.
      const out = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== "fixed")
        .map(name);
      found.push(`the page is ${doc.scrollWidth}px wide: ${out.slice(-3).join(", ")}`);
    }
    for (const e of document.querySelectorAll("body *")) {
      const style = getComputedStyle(e);
      if (style.overflowX !== "auto" && style.overflowX !== "scroll") continue;
      if (e.scrollWidth <= e.clientWidth + 1 || e.querySelector(allowed)) continue;
      found.push(`${name(e)} scrolls sideways (${e.scrollWidth}px in ${e.clientWidth}px)`);
    }
    return found.length ? found.join("; ") : null;
  }, TWO_DIMENSIONAL);
}

/**
 * axe at a desktop width, then the reflow check at 320 pixels: what is wrong on `url`. A 4xx is
 * wrong too unless `errorPages` (the public walk visits the 404 page and dead links on purpose).
 */
export async function checkPage(page: Page, url: string, opts: { errorPages?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  const started = Date.now();
  await page.setViewportSize(WIDE);
  const response = await page.goto(url);
  const status = response?.status() ?? 0;
  if (status >= 500 || (status >= 400 && !opts.errorPages)) problems.push(`${url}: status ${status}`);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  for (const v of results.violations) problems.push(`${url}: axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")})`);
  const wide = await reflowProblem(page);
  if (wide) problems.push(`${url}: does not reflow at 320px (${wide})`);
  if (process.env.A11Y_TIMING) console.log(`${Date.now() - started}ms ${url}`);
  return problems;
}
