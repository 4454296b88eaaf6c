/**
 * Issue 9, done when: the whole staff workflow in the browser, by people who did not exist when
 * the server started. The admin invites an officer (CAMHS) and an approver; each sets a password
 * from the link in their email (read in the demo inbox); the officer drafts a proposal and submits
 * it; the approver is emailed, follows the email's link to the review page, reads the whole
 * proposal, works through the checklist and returns it with a reason; the officer is emailed,
 * fixes it and resubmits; the approver is emailed again, sees what changed and approves; the
 * officer is emailed. Each person works in a browser of their own. axe on the pages they reach.
 */
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { REVIEW_CHECKLIST } from "../../app/proposals/review-checklist";
import { completeProposal } from "../fixtures/proposals";
import { draftCamhsProposal } from "./drafting-support";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, invite, linkInEmail, signIn } from "./support";

const ADMIN = { email: "admin@northmoor.example", password: "demo-admin-2026" };
const OFFICER = { name: "Aisha Rahman", email: "aisha.rahman@northmoor.example", password: "copper lantern willow estuary" };
const APPROVER = { name: "Owen Griffiths", email: "owen.griffiths@northmoor.example", password: "granite meadow saffron tide" };
const TITLE = "Restructure of social work in Child and Adolescent Mental Health Services";
const REASON = "Say in the summary how each family will learn who their named contact is once the social workers leave.";
const ADDED = "Every family will get a letter naming their new contact before anything changes.";

/** In a browser of their own: follow the invitation and set a password, landing signed in. */
async function join(browser: Browser, admin: Page, who: { name: string; email: string; password: string }) {
  const link = await linkInEmail(admin, who.email, /You have been invited/, "/staff/invitation/");
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByLabel("Confirm password").fill(who.password);
  await page.getByRole("button", { name: "Create password and sign in" }).click();
  // Hashing the password takes a while on a loaded machine.
  await expect(page).toHaveURL(/\/staff$/, { timeout: 30_000 });
  await expect(page.getByText(`Signed in as ${who.name}`)).toBeVisible();
  return page;
}

function emailsTo(databasePath: string, event: string, to: string): { textBody: string }[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare("SELECT text_body AS textBody FROM outbox WHERE event = ? AND to_address = ? ORDER BY id").all(event, to) as { textBody: string }[];
  } finally {
    db.close();
  }
}

test("invited staff run a proposal through review: submitted, returned with a reason, fixed, approved, each step emailed to the next person", async ({ page, browser, server }) => {
  test.setTimeout(600_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  await invite(page, OFFICER, "Officer", "Children's Mental Health (CAMHS)");
  await invite(page, APPROVER, "Approver");
  const officer = await join(browser, page, OFFICER);
  const approver = await join(browser, page, APPROVER);

  // The officer drafts the proposal from nothing and submits it.
  await draftCamhsProposal(officer, TITLE, `${OFFICER.name}, Service Manager, CAMHS`);
  await officer.getByRole("button", { name: "Submit for review" }).click();
  await expect(officer.getByText("Submitted for review.")).toBeVisible();
  const id = Number(new URL(officer.url()).pathname.match(/\/staff\/proposals\/(\d+)/)![1]);

  // The approver's email links to the review page, where the whole proposal is.
  const review = await linkInEmail(page, APPROVER.email, `Proposal waiting for your approval – ${TITLE}`, `/staff/proposals/${id}/review`);
  expect(review).toBe(`/staff/proposals/${id}/review`);
  await approver.goto(review);
  await expect(approver.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const summaryStart = completeProposal().summary!.split(" ").slice(0, 12).join(" ");
  await expect(approver.getByTestId("public-view")).toContainText(summaryStart);
  await expect(approver.getByTestId("public-view").getByRole("heading", { name: "Equality impact assessment", level: 2, exact: true })).toBeVisible();
  await expect(approver.getByTestId("gate-clear")).toBeVisible();
  await expectNoAxeViolations(approver);

  // Working through the checklist, the approver finds the summary wanting and returns it.
  for (const item of REVIEW_CHECKLIST) await approver.getByLabel(item.label).check();
  await approver.getByLabel("Return it to the drafter: what needs to change").fill(REASON);
  await approver.getByRole("button", { name: "Return to drafter" }).click();
  await expect(approver).toHaveURL(`/staff/proposals/${id}/review?done=reject`);
  await expect(approver.getByRole("status")).toContainText("Returned to the drafter with your reasons");
  await expectNoAxeViolations(approver);

  // The officer is emailed the reason, with a link to the proposal, and fixes the summary.
  const returned = await linkInEmail(page, OFFICER.email, `Proposal returned to you with changes to make – ${TITLE}`, `/staff/proposals/${id}`);
  await expect(page.getByTestId("email-body")).toContainText(REASON);
  await officer.goto(returned);
  await expect(officer.getByText(REASON, { exact: true })).toBeVisible();
  await expectNoAxeViolations(officer);
  await officer.goto(`/staff/proposals/${id}/summary`);
  const summary = officer.getByLabel("Summary in plain English");
  await summary.fill(`${(await summary.inputValue()).trim()} ${ADDED}`);
  await officer.getByRole("button", { name: "Save and come back later" }).click();
  await expect(officer).not.toHaveURL(/\/summary$/);
  await officer.goto(`/staff/proposals/${id}/check`);
  await expect(officer.getByTestId("gate-clear")).toBeVisible();
  await officer.getByRole("button", { name: "Submit for review" }).click();
  await expect(officer.getByText("Submitted for review.")).toBeVisible();

  // The approver is emailed again, sees what changed, confirms every check and approves.
  await expect.poll(() => emailsTo(server.databasePath, "proposal_submitted", APPROVER.email).length, { timeout: 60_000 }).toBe(2);
  await approver.goto(await linkInEmail(page, APPROVER.email, `Proposal waiting for your approval – ${TITLE}`, `/staff/proposals/${id}/review`));
  await expect(approver.getByTestId("changes-since-review")).toContainText("a letter naming their new contact");
  for (const item of REVIEW_CHECKLIST) await approver.getByLabel(item.label).check();
  await expectNoAxeViolations(approver);
  await approver.getByRole("button", { name: "Approve for publication" }).click();
  await expect(approver).toHaveURL(`/staff/proposals/${id}/review?done=approve`);
  await expect(approver.getByRole("status")).toContainText("Approved.");

  // The officer is told it was approved and what happens next.
  await linkInEmail(page, OFFICER.email, `Proposal approved for publication – ${TITLE}`, `/staff/proposals/${id}`);
  await expect(page.getByTestId("email-body")).toContainText("recognised unions have been sent confidential advance notice");
  await officer.goto(`/staff/proposals/${id}`);
  await expect(officer.getByText("Under union notice", { exact: true })).toBeVisible();
  // One email for each step, not one per page view or retry.
  expect(emailsTo(server.databasePath, "proposal_approved", OFFICER.email)).toHaveLength(1);
  expect(emailsTo(server.databasePath, "proposal_returned", OFFICER.email)).toHaveLength(1);
});
