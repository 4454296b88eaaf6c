/**
 * The site's own pages in Bengali, in the strict check (issue 14, item 1): no raw key, no English
 * interface sentence, and no Latin-script words outside what is marked as content (the council's
 * English, lang="en-GB") or as written (names, comments). Plus the Bengali webfont: served on a
 * Bengali page, never asked for on an English one (decision 032).
 */
import { expect, test } from "./fixtures";
import { bn } from "../../app/i18n/catalogues/bn";
import { bengaliLettersInBoxes, expectAllBengali } from "./bengali-support";

test("the home page, the list and its filters, search with results, the content pages, a 404 and a used link, in Bengali: strict", async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of [
    "/?lang=bn",
    "/consultations?lang=bn",
    "/consultations?status=closed&lang=bn",
    "/consultations?status=withdrawn&lang=bn",
    "/search?q=social+work&lang=bn",
    "/search?q=library&status=closed&lang=bn",
    "/accessibility?lang=bn",
    "/privacy?lang=bn",
    "/open-data?lang=bn",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expectAllBengali(page, { strict: true });
  }
  // Search found something, and said so in Bengali.
  await page.goto("/search?q=social+work&lang=bn");
  await expect(page.getByRole("heading", { level: 1, name: bn.sitePages.search.heading })).toBeVisible();
  await expect(page.getByTestId("consultation-results").getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("status")).toContainText("টি পরামর্শ");

  // A page that does not exist, and a sign-in link that cannot be used.
  expect((await page.goto("/no-such-page?lang=bn"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: bn.errors.notFoundTitle })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  expect((await page.goto("/verify/not-a-real-token?lang=bn"))?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1, name: bn.sitePages.linkGone.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
});

test("a content page not yet written in Bengali is the English one, marked as English", async ({ page }) => {
  await page.goto("/privacy?lang=bn");
  await expect(page.locator("html")).toHaveAttribute("lang", "bn");
  const main = page.locator("#main-content");
  // Either the council's Bengali notice, or its English one with its language marked.
  const english = main.locator('[lang="en-GB"]').filter({ has: page.getByRole("heading", { level: 1 }) });
  if (await english.count()) await expect(english.getByRole("heading", { level: 1 })).toContainText("Privacy");
});

test("the Bengali webfont: every Bengali letter drawn in Noto on a Bengali page; an English page fetches only the switch's word", async ({ page }) => {
  const fonts: string[] = [];
  page.on("request", (req) => {
    if (req.resourceType() === "font") fonts.push(req.url());
  });
  await page.goto("/consultations");
  // The switch's "বাংলা" is drawn from a 1 KB subset, so a Bengali reader can find it on a machine
  // with no Bengali font; the full font is not fetched for it.
  await expect.poll(() => bengaliLettersInBoxes(page), { message: "letters drawn as boxes on an English page" }).toEqual([]);
  expect(fonts.filter((url) => !/noto-sans-bengali-switch-\d+-[\w-]+\.woff2$/.test(url)), "an English page asks for no other font").toEqual([]);

  // Headings, tags, buttons, chart labels and body text of pages in Bengali (this machine has no
  // Bengali font of its own: with Noto after the system fonts, tags, buttons and chart labels
  // came out as boxes).
  for (const path of [
    "/?lang=bn",
    "/consultations?lang=bn",
    "/consultations/camhs-social-work?lang=bn", // tags, buttons, translated questions, charts
    "/consultations/camhs-social-work/comments?lang=bn",
    "/consultations/allotment-rents/outcome?lang=bn",
    "/consultations/camhs-social-work/print?lang=bn",
  ]) {
    await page.goto(path);
    await expect.poll(() => bengaliLettersInBoxes(page), { message: `letters drawn as boxes on ${path}` }).toEqual([]);
  }
  expect(fonts.some((url) => /noto-sans-bengali-bengali-400-normal-[\w-]+\.woff2$/.test(url)), fonts.join(", ")).toBe(true);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Bengali"', "বাংলা"))).toBe(true);
});
