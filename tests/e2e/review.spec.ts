/**
 * The approver's review, in the browser, on the demo council: the approver opens the submitted
 * garden waste proposal from the staff home, reads the whole of it on the review page (its real
 * text, its internal parts marked as not published), cannot approve with the checklist unticked,
 * returns it with a reason and lands back on the review with a success message; the drafter is
 * emailed, fixes the summary and resubmits; the approvers are emailed; the approver sees what
 * changed, ticks the checklist and approves; the drafter is emailed. axe on every review page.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { parse } from "yaml";
import { REVIEW_CHECKLIST } from "../../app/proposals/review-checklist";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signIn, signOut } from "./support";

const SLUG = "garden-waste-collections";
const APPROVER = "approver@northmoor.example";
const DRAFTER = "approver2@northmoor.example"; // David Mensah, waste officer who drafted it
const ADMIN = "admin@northmoor.example";
const REASON = "The winter rota risk needs its mitigation costed before this goes to the unions.";
const ADDED = "Crews keep their contracted hours through the winter rounds.";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const as = (page: Page, email: string) => signIn(page, email, accounts.find((a) => a.email === email)!.password);

type Row = { id: number; title: string; state: string; summary: string; risk: string };
function proposalRow(databasePath: string): Row {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db
      .prepare("SELECT p.id, p.title, p.state, p.summary, (SELECT description FROM risks r WHERE r.proposal_id = p.id ORDER BY r.id LIMIT 1) AS risk FROM proposals p WHERE p.slug = ?")
      .get(SLUG) as Row;
  } finally {
    db.close();
  }
}
function emails(databasePath: string, event: string, to: string): { subject: string; textBody: string }[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare("SELECT subject, text_body AS textBody FROM outbox WHERE event = ? AND to_address = ? ORDER BY id").all(event, to) as { subject: string; textBody: string }[];
  } finally {
    db.close();
  }
}

test("an approver reviews the whole proposal, returns it with a reason, and approves it once fixed with every check confirmed", async ({ page, server }) => {
  test.setTimeout(180_000);
  const before = proposalRow(server.databasePath);
  expect(before.state, "the demo's garden waste proposal is in review").toBe("in_review");
  const firstWords = before.summary.replace(/[*_`>#[\]()]/g, "").split(/\s+/).slice(0, 10).join(" ");

  // 1. From the staff home, the approver opens it: the review page.
  await as(page, APPROVER);
  await page.goto("/staff");
  await page.getByTestId("to-approve").getByRole("link", { name: before.title }).click();
  await expect(page).toHaveURL(`/staff/proposals/${before.id}/review`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(before.title);
  // The whole proposal as the public will see it: its real words, section by section.
  const published = page.getByTestId("public-view");
  await expect(published).toContainText(firstWords);
  await expect(published.getByRole("heading", { name: "Risks", level: 2, exact: true })).toBeVisible();
  expect(before.risk, "the garden waste proposal has a risk").toBeTruthy();
  await expect(published).toContainText(before.risk.slice(0, 50));
  await expect(published.getByRole("heading", { name: "Equality impact assessment", level: 2, exact: true })).toBeVisible();
  // Internal parts are marked as never published.
  const internal = page.getByTestId("not-published");
  await expect(internal.getByText("Not published", { exact: true })).toBeVisible();
  await expect(internal).toContainText("The public never sees what follows");
  await expect(page.getByTestId("gate-clear")).toBeVisible();
  await expectNoAxeViolations(page);

  // The proposal page leads here too.
  await page.getByRole("link", { name: "Back to the proposal" }).click();
  await page.getByRole("link", { name: "Review the proposal" }).click();
  await expect(page).toHaveURL(`/staff/proposals/${before.id}/review`);

  // 2. Approve with the checklist unticked: refused, with the error summary.
  await page.getByRole("button", { name: "Approve for publication" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Confirm each check before you approve the proposal");
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  expect(proposalRow(server.databasePath).state).toBe("in_review");
  await expectNoAxeViolations(page);

  // 3. Return it with a reason: back on the review, with a success message.
  await page.getByLabel("Return it to the drafter: what needs to change").fill(REASON);
  await page.getByRole("button", { name: "Return to drafter" }).click();
  await expect(page).toHaveURL(`/staff/proposals/${before.id}/review?done=reject`);
  await expect(page.getByRole("status")).toContainText("Returned to the drafter with your reasons");
  await expect(page.getByTestId("not-in-review")).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // The drafter is emailed, with the reason.
  await expect.poll(() => emails(server.databasePath, "proposal_returned", DRAFTER).length).toBe(1);
  expect(emails(server.databasePath, "proposal_returned", DRAFTER)[0].textBody).toContain(REASON);

  // 4. The drafter reads the reason, fixes the summary and resubmits.
  await as(page, DRAFTER);
  await page.goto(`/staff/proposals/${before.id}`);
  await expect(page.getByText(REASON, { exact: true })).toBeVisible();
  await page.goto(`/staff/proposals/${before.id}/summary`);
  const field = page.getByLabel("Summary in plain English");
  await field.fill(`${before.summary.trim()} ${ADDED}`);
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page).not.toHaveURL(/\/summary$/);
  await page.goto(`/staff/proposals/${before.id}/check`);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await signOut(page);
  // The approvers are told (not the drafter, who cannot approve it).
  await expect.poll(() => emails(server.databasePath, "proposal_submitted", APPROVER).length).toBeGreaterThan(0);
  expect(emails(server.databasePath, "proposal_submitted", DRAFTER)).toHaveLength(0);

  // 5. The approver sees what changed, confirms every check and approves.
  await as(page, APPROVER);
  await page.goto("/staff");
  await page.getByTestId("to-approve").getByRole("link", { name: before.title }).click();
  await expect(page.getByTestId("changes-since-review")).toContainText("contracted hours");
  for (const item of REVIEW_CHECKLIST) await page.getByLabel(item.label).check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Approve for publication" }).click();
  await expect(page).toHaveURL(`/staff/proposals/${before.id}/review?done=approve`);
  await expect(page.getByRole("status")).toContainText("Approved.");
  await expect(page.getByText("Under union notice", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // The drafter is told it was approved; the approval's audit entry records the checks.
  await expect.poll(() => emails(server.databasePath, "proposal_approved", DRAFTER).length).toBe(1);
  const db = new Database(server.databasePath, { readonly: true });
  const entry = db.prepare("SELECT detail FROM audit_log WHERE action = 'proposal.approve' AND entity_id = ? ORDER BY id DESC").get(before.id) as { detail: string };
  db.close();
  expect(JSON.parse(entry.detail).confirmed).toEqual(REVIEW_CHECKLIST.map((i) => i.key));

  // The admin's demo inbox shows the drafter's emails.
  await as(page, ADMIN);
  await page.goto("/staff/admin/inbox");
  await expect(page.getByRole("row").filter({ hasText: DRAFTER }).filter({ hasText: `Proposal approved for publication – ${before.title}` }).first()).toBeVisible();
});
