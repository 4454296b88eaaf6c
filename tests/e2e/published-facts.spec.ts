/**
 * Published facts match what was entered (issue 9, item 5), in the browser.
 *
 * The title and lead officer of a draft: the officer changes them on their own page, the gate
 * refuses "TBC" on the task list with a link back to the field, and a real title clears it.
 *
 * A consultation withdrawn part way through: the officer withdraws the open ICT
 * partnership with a reason; the public list's Withdrawn filter finds it (and only withdrawn
 * ones), showing when it was withdrawn and why rather than its planned closing date as if it had
 * run; its page says the same; the staff groups told at opening are emailed the reason. axe
 * checks each page.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { parse } from "yaml";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signIn, signOut } from "./support";

const SLUG = "ict-strategic-partnership";
const OFFICER = "officer.ict@northmoor.example";
const ADMIN = "admin@northmoor.example";
const REASON = "Cabinet has asked for a shorter contract to be designed first, so this ten-year partnership will not go ahead.";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const as = (page: Page, email: string) => signIn(page, email, accounts.find((a) => a.email === email)!.password);

test.describe.configure({ mode: "serial" });
// Each test walks several pages with axe on each: on a busy two-core machine that passes a minute.
test.setTimeout(180_000);

test("a withdrawn consultation shows when and why it was withdrawn, in the list under its own filter and on its page", async ({ page, server }) => {
  const database = new Database(server.databasePath, { readonly: true });
  const ict = database.prepare("SELECT id, title, state, closes_on AS closesOn FROM proposals WHERE slug = ?").get(SLUG) as { id: number; title: string; state: string; closesOn: string };
  const openTitles = (database.prepare("SELECT title FROM proposals WHERE state = 'open' AND slug <> ?").all(SLUG) as { title: string }[]).map((r) => r.title);
  database.close();
  expect(ict.state).toBe("open");
  expect(openTitles.length).toBeGreaterThan(0);
  const plannedClose = new Date(`${ict.closesOn}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

  // The officer withdraws it, giving the reason that will be published.
  await as(page, OFFICER);
  await page.goto(`/staff/proposals/${ict.id}`);
  await page.getByText("Withdraw this proposal").click();
  await page.getByLabel("Why it is being withdrawn (this will be published)").fill(REASON);
  await page.getByRole("button", { name: "Withdraw proposal" }).click();
  await expect(page.getByText("Withdrawn. The reason will be published.")).toBeVisible();
  await signOut(page);

  // The public list: the Withdrawn filter, chosen as a resident would.
  await page.goto("/consultations");
  await page.getByLabel("Withdrawn").check();
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page).toHaveURL(/status=withdrawn/);
  const item = page.locator(".app-consultation-list__item").filter({ has: page.getByRole("link", { name: ict.title }) });
  await expect(item).toBeVisible();
  await expect(item).toContainText(/Withdrawn \d{1,2} \w+ \d{4}, before its planned closing date of/);
  await expect(item.getByTestId("withdrawn-reason")).toContainText(REASON);
  await expect(item).not.toContainText(`Closed ${plannedClose}`);
  await expect(item).not.toContainText("Ran from");
  for (const title of openTitles) await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Open consultations no longer list it.
  await page.goto("/consultations?status=open");
  await expect(page.getByRole("link", { name: ict.title })).toHaveCount(0);

  // Its page: withdrawn on a date, why, and the closing date it never reached.
  await page.goto(`/consultations/${SLUG}`);
  await expect(page.getByRole("region", { name: "Withdrawn" })).toContainText(REASON);
  await expect(page.getByTestId("withdrawn-on")).toHaveText(/\d{1,2} \w+ \d{4}/);
  const keyFacts = page.locator(".govuk-summary-list").first();
  await expect(keyFacts).toContainText("Was due to close");
  await expect(keyFacts).not.toContainText(/Closed\s/);
  await expectNoAxeViolations(page);

  // The staff groups told at opening are told why (in the demo inbox).
  await as(page, ADMIN);
  // (The staff home page, with its "Waiting for you", is where staff land.)
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "Waiting for you" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/staff/admin/inbox");
  await expect(page.getByRole("link", { name: `Consultation withdrawn – ${ict.title}` }).first()).toBeVisible();
});

test("an officer changes a draft's title and lead officer; the gate refuses a placeholder until it is fixed", async ({ page, server }) => {
  const database = new Database(server.databasePath, { readonly: true });
  const youth = database.prepare("SELECT id, title, state FROM proposals WHERE slug = ?").get("youth-service-review") as { id: number; title: string; state: string };
  database.close();
  expect(youth.state).toBe("draft");

  await as(page, "officer.youth@northmoor.example");
  await page.goto(`/staff/proposals/${youth.id}`);
  await page.getByRole("link", { name: "Change the title or lead officer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Title and lead officer");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(youth.title);
  await expectNoAxeViolations(page);

  await page.getByLabel("Title", { exact: true }).fill("TBC");
  await page.getByRole("button", { name: /Save and come back later|Save/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/staff/proposals/${youth.id}(\\?|$)`));
  await page.getByText("What the proposal still needs").click();
  const item = page.getByRole("link", { name: /Give the proposal a title that says what would change – 'TBC' is a placeholder/ });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page).toHaveURL(/\/summary\/title#title$/);

  await page.getByLabel("Title", { exact: true }).fill("Changes to youth club opening hours in Northmoor");
  await page.getByLabel("Lead officer").fill("Bethan Lloyd, Youth Service Manager");
  await page.getByRole("button", { name: /Save and come back later|Save/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Changes to youth club opening hours in Northmoor");
  await expect(page.getByText("Lead officer: Bethan Lloyd, Youth Service Manager")).toBeVisible();
  await expect(page.getByRole("link", { name: /'TBC' is a placeholder/ })).toHaveCount(0);
  await signOut(page);
});
