/**
 * WCAG 2.2 AA on every public page (issue 14 item 7): axe with no violations, and content that
 * reflows at 320 CSS pixels: the page does not scroll sideways, and nothing in it does except the
 * two-dimensional risk matrix (tests/e2e/a11y-support.ts). No page is excepted.
 *
 * The pages come from tests/fixtures/route-access.ts (every public route module, with an
 * address on the demo data) plus the consultations in each state the public can see. Failures
 * are collected and reported together, so one run shows everything that needs fixing.
 * The staff and union rep pages: accessibility-staff.spec.ts. Focus: focus.spec.ts. Keyboard
 * alone: keyboard.spec.ts.
 */
import Database from "better-sqlite3";
import { ROUTES } from "../fixtures/route-access";
import { checkPage } from "./a11y-support";
import { expect, test } from "./fixtures";
import { e2eDatabasePath } from "./responses-support";

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
  // About 40 pages with axe each: 6 minutes on a quiet machine, over 13 on a loaded one.
  test.setTimeout(1_200_000);
  const problems: string[] = [];
  // Every page reflows, the print page too: it is the paper pack's screen page as well (it has
  // a print stylesheet, but people open it on phones), so it gets no exception.
  for (const url of publicPaths()) problems.push(...(await checkPage(page, url, { errorPages: true })));
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
