/**
 * The comment pages in Bengali (issue 14, item 1): a consultation's comments, one row's thread,
 * a comment's own page, reporting one (with a mistake first), the moderation log, the house rules
 * and the challenge form; then a resident signed in by email posts, changes and deletes a comment
 * in Bengali. Every page passes the strict check: no English interface text anywhere, and
 * anything in Latin script is marked as the council's content (lang="en-GB") or as written.
 * The demo data's own comments and rows are read from the pages, never hard-coded.
 */
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { bn } from "../../app/i18n/catalogues/bn";
import { signUpResidentInBengali } from "./responses-support";
import { expectAllBengali } from "./bengali-support";

const CAMHS = "/consultations/camhs-social-work";
const c = bn.commentPages;

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page).toHaveURL(/lang=bn/);
  await expectAllBengali(page, { strict: true });
}

test("the comment pages, the moderation log, the house rules and the report form are wholly in Bengali", async ({ page }) => {
  test.setTimeout(60_000);
  await visit(page, `${CAMHS}/comments?lang=bn`, c.thread.headingProposal);
  // Links on the page keep the language.
  const commentLink = page.locator(`a[href*="/comments/"][href$="?lang=bn"]`).filter({ hasText: c.item.link }).first();
  const commentHref = (await commentLink.getAttribute("href"))!;
  expect(commentHref).toMatch(/\/comments\/\d+\?lang=bn$/);
  await visit(page, `${CAMHS}/comments?show=official&lang=bn`, c.thread.officialHeading);

  // One row's thread: a risk, read from the consultation page's links.
  await page.goto(`${CAMHS}?lang=bn`);
  const riskHref = (await page.locator(`a[href*="/comments/risk/"]`).first().getAttribute("href"))!;
  expect(riskHref).toContain("lang=bn");
  const equalityHref = (await page.locator(`a[href*="/comments/equality/"]`).first().getAttribute("href"))!;
  await visit(page, riskHref, /ঝুঁকি R\d+ নিয়ে মন্তব্য/);
  await visit(page, equalityHref, /নিয়ে মন্তব্য/);

  // A comment's own page, and reporting it: an empty report is refused in Bengali.
  await page.goto(commentHref);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/মন্তব্য/);
  await expectAllBengali(page, { strict: true });
  await page
    .getByRole("link", { name: new RegExp(`^${c.item.report}`) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: c.report.heading })).toBeVisible();
  await expect(page).toHaveURL(/\/report\?lang=bn$/);
  await expectAllBengali(page, { strict: true });
  await page.getByRole("button", { name: c.report.send }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText(c.errorSummary);
  await expect(summary).toContainText(c.messages.reportRuleMissing);
  await expectAllBengali(page, { strict: true });

  await visit(page, "/moderation-log?lang=bn", c.moderationLog.heading);
  await visit(page, "/house-rules?lang=bn", "মন্তব্যের নিয়মাবলি");
  await expect(page.getByRole("heading", { level: 3, name: /কাউকে গালি বা হয়রানি করবেন না/ })).toBeVisible();
});

test("a resident signed in by email posts, changes and deletes a comment in Bengali, and opens the challenge form", async ({ page }) => {
  test.setTimeout(60_000);
  const email = `bengali.commenter.${Date.now()}@example.org`;
  await page.goto(`${CAMHS}/comments?lang=bn`);
  await page.getByRole("link", { name: c.form.signInLink }).click();
  await signUpResidentInBengali(page, email);

  // Back on the thread, in Bengali, ready to post: an empty comment is refused in Bengali first.
  await expect(page.getByRole("heading", { level: 1, name: c.thread.headingProposal })).toBeVisible();
  await expect(page).toHaveURL(/lang=bn/);
  await expectAllBengali(page, { strict: true });
  await page.getByRole("button", { name: c.form.post }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(c.messages.commentMissing);
  const words = `পরিবারগুলোর কাছে সামাজিক কর্মী থাকা দরকার। ${Date.now()}`;
  await page.getByRole("textbox", { name: c.thread.yourCommentOnProposal }).fill(words);
  await page.getByRole("button", { name: c.form.post }).click();

  await expect(page.getByRole("status")).toContainText(c.comment.posted);
  await expect(page).toHaveURL(/\/comments\/\d+\?posted=1&lang=bn$|\/comments\/\d+\?lang=bn&posted=1$/);
  await expect(page.getByRole("heading", { level: 1, name: `${c.item.resident}র মন্তব্য` })).toBeVisible();
  await expect(page.locator("main")).toContainText(words);
  await expectAllBengali(page, { strict: true });

  await page
    .getByRole("link", { name: new RegExp(`^${c.item.edit}`) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: c.edit.label })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await page.getByRole("textbox", { name: c.edit.label }).fill(`${words} (বদলানো)`);
  await page.getByRole("button", { name: c.edit.save }).click();
  await expect(page.getByRole("status")).toContainText(c.comment.edited);
  await expect(page).toHaveURL(/lang=bn/);
  await expect(page.locator("main")).toContainText(c.item.edited);

  await page
    .getByRole("link", { name: new RegExp(`^${c.item.delete}`) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: c.delete.heading })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await page.getByRole("button", { name: c.delete.button }).click();
  await expect(page.getByRole("heading", { level: 1, name: c.thread.headingProposal })).toBeVisible();
  await expect(page).toHaveURL(/lang=bn/);
  await expect(page.locator("main")).not.toContainText(words);

  await visit(page, `${CAMHS}/challenge?lang=bn`, c.challenge.heading);
});
