/**
 * The union notice from approval to opening, in the browser, on the demo council:
 * an approver approves the garden waste proposal; the GMB rep follows the personal link from
 * the email (read in the demo inbox), acknowledges and sends feedback; a rep of another union
 * and a reused link get nothing; the drafting officer answers; the clock moves past the notice
 * period; the proposal opens by itself; the staff group's email arrives; and the public page
 * shows who was told and when. axe checks every page on the way.
 *
 * Moving the clock uses /staff/admin/test-controls, which exists only because the test server
 * (tests/e2e/server.ts) sets PLAINSIGHT_TEST_CONTROLS=1 in demo mode. The clock it moves is
 * this file's own server's: no other spec file sees it.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { parse } from "yaml";
import { approveOnReview, expectNoAxeViolations, signIn, signOut } from "./support";

const SLUG = "garden-waste-collections";
const TITLE = "Changes to garden waste collections in winter";
const FEEDBACK = "Crews on the winter rounds would lose overtime they rely on. Please share the rota modelling.";
const ANSWER = "The rota modelling is in appendix B of the business case; no crew loses contracted hours.";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const password = (email: string) => accounts.find((a) => a.email === email)!.password;
const as = (page: Page, email: string) => signIn(page, email, password(email));

const APPROVER = "approver@northmoor.example";
const DRAFTER = "approver2@northmoor.example"; // David Mensah drafted it, so he answers the feedback
const ADMIN = "admin@northmoor.example";
const GMB_REP = "rep.gmb@northmoor.example";
const UNISON_REP = "rep.unison@northmoor.example";

/** Open the newest demo-inbox email to `to` whose subject matches. */
async function openEmail(page: Page, to: string, subject: RegExp) {
  await page.goto("/staff/admin/inbox");
  const row = page.getByRole("row").filter({ hasText: to }).filter({ has: page.getByRole("link", { name: subject }) });
  await expect(row.first()).toBeVisible();
  await row.first().getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  return page.getByTestId("email-body");
}

test("union notice: approve, rep reads and answers, officer replies, it opens, staff are told, the public sees the record", async ({ page }) => {
  test.setTimeout(300_000);

  // 1. The approver approves the proposal, which puts it under union notice.
  await as(page, APPROVER);
  await page.goto("/staff");
  await page.getByRole("link", { name: TITLE }).first().click();
  await approveOnReview(page);
  await signOut(page);

  // 2. The notice email, read in the demo inbox: title and dates, a personal link, never the text.
  await as(page, ADMIN);
  await page.goto("/staff/admin");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Demo inbox" }).click();
  await expectNoAxeViolations(page);
  // Only the notified union hears about it: no UNISON email names this proposal.
  const toUnison = page.getByTestId("inbox").getByRole("row").filter({ hasText: UNISON_REP });
  await expect(toUnison.filter({ hasText: TITLE })).toHaveCount(0);
  await expect(page.getByTestId("inbox").getByRole("row").filter({ hasText: GMB_REP }).filter({ hasText: TITLE })).toHaveCount(1);
  const body = await openEmail(page, GMB_REP, /^Confidential: advance notice of a proposal/);
  await expect(body).toContainText(TITLE);
  await expect(body).toContainText("Consultation planned to open:");
  await expect(body).not.toContainText("61,400 households");
  await expectNoAxeViolations(page);
  const link = new URL((await body.getByRole("link", { name: /\/notices\/link\// }).getAttribute("href"))!).pathname;
  await page.goto("/staff/admin/outbox?show=sent");
  await expect(page.getByRole("table")).toContainText(GMB_REP);
  await expectNoAxeViolations(page);
  await signOut(page);

  // 3. The rep follows the link: it signs them in once and opens the confidential notice.
  await page.goto(link);
  await expect(page.getByTestId("confidential-banner")).toContainText("Tony Brennan");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue to the notice" }).click();
  await expect(page).toHaveURL(new RegExp(`/notices/${SLUG}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId("confidential-banner")).toContainText("Advance notice for Tony Brennan, GMB, the general union");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Acknowledge receipt" }).click();
  await expect(page.getByTestId("acknowledged")).toContainText("You acknowledged this notice");
  await expect(page.getByTestId("confidential-banner")).toContainText("Tony Brennan");

  // Feedback: refused empty, then sent.
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter your feedback");
  await expectNoAxeViolations(page);
  await page.getByLabel("Send feedback to the council").fill(FEEDBACK);
  await page.getByRole("button", { name: "Send feedback" }).click();
  await expect(page.getByTestId("feedback-thread")).toContainText(FEEDBACK);
  await expect(page.getByTestId("feedback-thread")).toContainText("Waiting for an answer");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "All notices" }).click();
  await expect(page.getByTestId("confidential-banner")).toContainText("Tony Brennan");
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // A used link says so and what to do, naming nothing; a signed-out visitor and a rep of another union get nothing.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or has already been used");
  await expect(page.locator("main")).not.toContainText(TITLE);
  await page.goto(`/notices/${SLUG}`);
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await as(page, UNISON_REP);
  await page.goto(`/notices/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator("main")).not.toContainText(TITLE);
  await page.goto(`/consultations/${SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await signOut(page);

  // 4. The drafting officer answers the feedback in the same thread.
  await as(page, DRAFTER);
  await page.goto("/staff/notices");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByTestId("feedback-thread")).toContainText(FEEDBACK);
  await expect(page.locator("main")).toContainText("Tony Brennan");
  await expectNoAxeViolations(page);
  await page.getByLabel(/Answer this feedback/).fill(ANSWER);
  await page.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByText(/Your answer has been added/)).toBeVisible();
  await expect(page.getByTestId("feedback-answer")).toContainText(ANSWER);
  await expectNoAxeViolations(page);
  await signOut(page);

  // 5. Time passes beyond the notice period and the opening date; the worker opens it.
  const moved = await page.request.post("/staff/admin/test-controls?advanceDays=40");
  expect(moved.status()).toBe(200);
  const result = (await moved.json()) as { opened: string[] };
  expect(result.opened).toContain(SLUG);

  // 6. The staff group's email has arrived, with a link to the public page.
  await as(page, ADMIN);
  const staffEmail = await openEmail(page, "waste-crews@northmoor.example.gov.uk", /^A proposal affecting your team is open for consultation/);
  await expect(staffEmail).toContainText(`/consultations/${SLUG}`);
  await expectNoAxeViolations(page);
  await signOut(page);

  // 7. The public page shows who was told and when: counts and dates, no names, no feedback.
  await page.goto(`/consultations/${SLUG}`);
  const record = page.getByTestId("notification-record");
  await expect(record).toBeVisible();
  await expect(record).toContainText("GMB, the general union");
  await expect(record).toContainText(/\d+ working days/);
  // Tony acknowledged; Priya Nair (Unite) was told but has not.
  await expect(record).toContainText("1 of 2");
  await expect(record).toContainText("Refuse and recycling crews");
  await expect(record).toContainText("104");
  const main = page.locator("main");
  for (const secret of ["Tony Brennan", FEEDBACK, ANSWER, GMB_REP]) await expect(main).not.toContainText(secret);
  await expectNoAxeViolations(page);
});
