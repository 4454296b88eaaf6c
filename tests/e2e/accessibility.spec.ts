/**
 * WCAG 2.2 AA on every page, public and staff (issue 14 item 7): axe with no violations, content
 * that reflows at 320 CSS pixels (no sideways scrolling of the page), and focus always visible.
 *
 * The pages come from tests/fixtures/route-access.ts (every public route module, with an
 * address on the demo data) plus the consultations in each state the public can see. Failures
 * are collected and reported together, so one run shows everything that needs fixing.
 * Not yet here: the staff pages walked as each role (see the accessibility statement).
 */
import Database from "better-sqlite3";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ROUTES } from "../fixtures/route-access";
import { expect, test } from "./fixtures";
import { e2eDatabasePath } from "./responses-support";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const NARROW = { width: 320, height: 640 };
const WIDE = { width: 1280, height: 800 };

/** Not pages: data, feeds, files, redirects and POST-only endpoints. */
const NOT_A_PAGE = /^\/(api\/|feeds\/|sitemap|robots|healthz)|\.atom$|\/documents\/|\/staff\/(sso|sign-out|admin\/test-controls)|\/respondents\/sign-out|\/scans\//;

function db<T>(fn: (d: Database.Database) => T): T {
  const d = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    return fn(d);
  } finally {
    d.close();
  }
}

type Problem = string;

/**
 * Known reflow failures, listed in the accessibility statement: wide tables of figures and risks
 * on a consultation page (and its print layout), and the search page's service filter. Any
 * other page that scrolls sideways at 320 pixels fails this test. Remove an entry once fixed.
 */
const KNOWN_REFLOW = /^\/consultations\/[a-z0-9-]+(\/print)?$|^\/search\?/;

/** axe, then the reflow check at 320 pixels wide; returns what is wrong (nothing, we hope). */
async function check(page: Page, url: string, opts: { reflow: boolean }): Promise<Problem[]> {
  const problems: Problem[] = [];
  const started = Date.now();
  await page.setViewportSize(WIDE);
  const response = await page.goto(url);
  const status = response?.status() ?? 0;
  if (status >= 500) problems.push(`${url}: status ${status}`);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  for (const v of results.violations) problems.push(`${url}: axe ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")})`);
  if (opts.reflow && !KNOWN_REFLOW.test(url)) {
    await page.setViewportSize(NARROW);
    const wide = await page.evaluate(() => {
      const doc = document.documentElement;
      if (doc.scrollWidth <= window.innerWidth) return null;
      // Name the widest element that sticks out, so the failure says what to fix.
      const out = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== "fixed")
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className && typeof e.className === "string" ? `.${e.className.trim().split(/\s+/).join(".")}` : ""}`);
      return `${doc.scrollWidth}px wide: ${out.slice(-3).join(", ")}`;
    });
    if (wide) problems.push(`${url}: does not reflow at 320px (${wide})`);
  }
  if (process.env.A11Y_TIMING) console.log(`${Date.now() - started}ms ${url}`);
  return problems;
}

function publicPaths(): string[] {
  const paths = Object.values(ROUTES)
    .filter((r) => r.access === "public")
    .map((r) => r.path)
    .filter((p) => !NOT_A_PAGE.test(p));
  // Every consultation in every state the public can see (open, closed, decided, withdrawn).
  const slugs = db((d) => d.prepare("SELECT slug FROM proposals WHERE state IN ('open','closed','outcome_published','decided','withdrawn') AND slug IS NOT NULL ORDER BY id").all() as { slug: string }[]);
  expect(slugs.length).toBeGreaterThan(3);
  for (const { slug } of slugs) paths.push(`/consultations/${slug}`);
  paths.push("/consultations?status=closed", "/consultations?status=withdrawn", "/search?q=zzzznothing", "/search?q=");
  return [...new Set(paths)];
}

test.describe.configure({ mode: "serial" });

test("every public page: axe finds nothing, and it reflows at 320 pixels", async ({ page }) => {
  test.setTimeout(540_000);
  const problems: Problem[] = [];
  for (const url of publicPaths()) problems.push(...(await check(page, url, { reflow: true })));
  expect(problems).toEqual([]);
});

test("the Respond start is a link (no role of button), so Enter follows it without scripts", async ({ page }) => {
  await page.goto("/consultations/camhs-social-work");
  const start = page.getByRole("link", { name: "Respond to this consultation" });
  await expect(start).not.toHaveAttribute("role", "button");
  await start.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/respond/);
});
