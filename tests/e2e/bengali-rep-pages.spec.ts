/**
 * A union rep's pages in Bengali (issue 14, item 1): the UNISON rep follows the personal link
 * from the notice of the parks proposal (seeded under union notice, so its email is in the demo
 * inbox), reads the link page and the confidential notice in Bengali, is refused an empty answer
 * in Bengali, sends feedback, sees their notices, and finds the used link gone, in Bengali. Every
 * page passes the strict check: the proposal's own text, the unions' names and the statutes are
 * marked as the council's English, names and feedback as written; nothing else is Latin script.
 * Reps are not council staff, so the language switch is on their pages.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bn } from "../../app/i18n/catalogues/bn";
import { expectAllBengali } from "./bengali-support";
import { signIn, signOut } from "./support";

const SLUG = "reopening-a-closed-park";
const TITLE = "Reopening one of our closed parks: Harrow Lane Park or Millbrook Recreation Ground";
const REP = "rep.unison@northmoor.example";
const r = bn.repPages;
// Written in Bengali, as a rep reading the notice in Bengali might.
const FEEDBACK = "হ্যারো লেন পার্কের মাঠকর্মীদের শীতকালীন রোটা কীভাবে বদলাবে, তা অনুগ্রহ করে জানান।";

/** The path of a link in a seeded email to `to`, read in the demo inbox as an admin. */
async function seededLink(page: Page, to: string, subject: RegExp, about: string, link: RegExp): Promise<string> {
  await signIn(page, "admin@northmoor.example", "demo-admin-2026");
  await page.goto("/staff/admin/inbox");
  const row = page.getByTestId("inbox").getByRole("row").filter({ hasText: to }).filter({ has: page.getByRole("link", { name: subject }) });
  await row.first().getByRole("link", { name: subject }).click();
  const body = page.getByTestId("email-body");
  await expect(body).toContainText(about);
  // Sent when the demo was seeded, so on the seed's address: only the path is this server's.
  const href = await body.getByRole("link", { name: link }).first().getAttribute("href");
  await signOut(page);
  return new URL(href!).pathname;
}

/** The switch offers English, and the page is marked as Bengali in it. */
async function expectSwitch(page: Page) {
  const languages = page.getByRole("navigation", { name: bn.layout.language });
  await expect(languages.getByRole("link", { name: "English" })).toBeVisible();
  await expect(languages.locator("[aria-current]")).toHaveText("বাংলা");
}

test("a union rep follows their notice link and reads the notice, sends feedback and sees their notices in Bengali", async ({ page }) => {
  test.setTimeout(120_000);
  const link = await seededLink(page, REP, /^Confidential: advance notice of a proposal/, TITLE, /\/notices\/link\//);

  // The personal link's page: who it is for, and one button.
  await page.goto(`${link}?lang=bn`);
  await expect(page.getByRole("heading", { level: 1, name: r.link.heading })).toBeVisible();
  await expect(page.getByTestId("confidential-banner")).toContainText("Karen Whitfield");
  await expectSwitch(page);
  await expectAllBengali(page, { strict: true });

  // Continuing signs the rep in and opens the notice, still in Bengali.
  await page.getByRole("button", { name: r.link.continue }).click();
  await expect(page).toHaveURL(new RegExp(`/notices/${SLUG}\\?lang=bn$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId("confidential-banner")).toContainText(r.banner.title);
  await expect(page.getByTestId("confidential-banner")).toContainText("Karen Whitfield");
  await expect(page.getByRole("heading", { level: 2, name: r.feedback.heading })).toBeVisible();
  await expect(page.getByText(r.feedback.none)).toBeVisible();
  await expect(page.getByRole("link", { name: r.nav.notices })).toBeVisible();
  await expectSwitch(page);
  await expectAllBengali(page, { strict: true });

  // An empty answer is refused, in Bengali.
  await page.getByRole("button", { name: r.feedback.send }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText(bn.commentPages.errorSummary);
  await expect(summary).toContainText(r.feedback.messages.bodyMissing);
  await expect(page.locator(".govuk-error-message")).toContainText(r.feedback.messages.bodyMissing);
  await expectAllBengali(page, { strict: true });

  // Confidential feedback, sent: the thread shows it, waiting for the council's answer.
  await page.getByRole("textbox", { name: r.feedback.label }).fill(FEEDBACK);
  await page.getByRole("button", { name: r.feedback.send }).click();
  await expect(page.getByText(r.notice.done.feedback)).toBeVisible();
  await expect(page).toHaveURL(/lang=bn/);
  const thread = page.getByTestId("feedback-thread");
  await expect(thread).toContainText(FEEDBACK);
  await expect(thread).toContainText(r.feedback.waiting);
  await expectAllBengali(page, { strict: true });

  // All their notices.
  await page.getByRole("link", { name: r.notice.allNotices }).click();
  await expect(page.getByRole("heading", { level: 1, name: r.list.heading })).toBeVisible();
  await expect(page).toHaveURL(/\/notices\?lang=bn$/);
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await page.getByRole("button", { name: bn.layout.signOut }).click();
  // Signing out goes to the home page at its bare address (English, for a reader who never used the switch).
  await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();

  // The used link says so and what to do, in Bengali, naming nothing.
  await page.goto(`${link}?lang=bn`);
  await expect(page.getByRole("heading", { level: 1, name: bn.sitePages.linkGone.title })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(TITLE);
  await expect(page.locator("main")).not.toContainText("Karen Whitfield");
  await expectAllBengali(page, { strict: true });
});

test("a member of staff challenges a fact through their staff group's link in Bengali", async ({ page }) => {
  test.setTimeout(60_000);
  const CAMHS = "camhs-social-work";
  const link = await seededLink(page, "camhs-social-work@northmoor.example.gov.uk", /^A proposal affecting your team is open for consultation/, `/consultations/${CAMHS}`, /\/challenge\/staff\//);
  await page.goto(`${link}?lang=bn`);
  await expect(page.getByRole("heading", { level: 1, name: r.staffChallenge.heading })).toBeVisible();
  await expect(page.getByRole("radio", { name: r.staffChallenge.asStaff })).toBeChecked();
  await expectSwitch(page);
  await expectAllBengali(page, { strict: true });

  // Nothing chosen or written, and a name asked for but not given: refused, in Bengali.
  await page.getByRole("radio", { name: r.staffChallenge.asName }).check();
  await page.getByRole("button", { name: bn.commentPages.challenge.send }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText(bn.commentPages.challenge.messages.claimMissing);
  await expect(summary).toContainText(bn.commentPages.challenge.messages.reasonMissing);
  await expectAllBengali(page, { strict: true });
});

