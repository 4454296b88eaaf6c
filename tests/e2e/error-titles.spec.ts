/**
 * GOV.UK asks for "Error: " at the start of the title of a page that shows errors. With
 * JavaScript the error summary corrects the title in the browser; without it, the server must
 * send it. With JavaScript off: a resident's subscribe, report and other-format forms, and the
 * staff invitation form, each posted empty, come back with the error summary and the title
 * prefix; the same page before posting has none. With JavaScript on, where a refused form never
 * reaches the server or comes back as data: subscribe (in English and in Bengali, whose prefix
 * is Bengali), an admin form, and a comment's delete page refused by the server. And the admin
 * home when the audit log fails its check, with and without JavaScript.
 */
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { bn } from "../../app/i18n/catalogues/bn";
import { expect, test } from "./fixtures";
import { signUpResident } from "./responses-support";
import { signIn } from "./support";

test.use({ javaScriptEnabled: false });

function aVisibleComment(databasePath: string): number {
  const db = new Database(databasePath, { readonly: true });
  try {
    const row = db.prepare("SELECT c.id FROM comments c JOIN proposals p ON p.id = c.proposal_id WHERE p.slug = 'camhs-social-work' AND c.status = 'visible' ORDER BY c.id LIMIT 1").get() as { id: number } | undefined;
    expect(row, "the demo CAMHS consultation has a visible comment").toBeTruthy();
    return row!.id;
  } finally {
    db.close();
  }
}

function camhsClosingDate(databasePath: string): string {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare("SELECT closes_on FROM proposals WHERE slug = 'camhs-social-work'").pluck().get() as string;
  } finally {
    db.close();
  }
}

/** A change to the server's database, as another person or process would make it. */
function write(databasePath: string, statement: string, ...params: unknown[]) {
  const db = new Database(databasePath);
  try {
    return db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

/** A problem the admin home finds rather than a form: the daily check finds the audit log broken. */
async function expectAuditProblemInTitle(page: Page, databasePath: string) {
  const check = write(databasePath, "INSERT INTO audit_checks (at, ok, entries, first_bad_id, message) VALUES (?, 0, 12, 7, ?)", new Date().toISOString(), "Entry 7 does not match the hash of the entries before it.");
  try {
    await page.goto("/staff/admin");
    await expect(page.locator(".govuk-error-summary")).toContainText("Entry 7 does not match");
    await expect(page).toHaveTitle(/^Error: Admin/);
  } finally {
    write(databasePath, "DELETE FROM audit_checks WHERE id = ?", check.lastInsertRowid);
  }
}

test("without JavaScript, a refused form comes back with 'Error: ' at the start of its title", async ({ page, server }) => {
  test.setTimeout(180_000);
  const forms: { path: string; button: string }[] = [
    { path: "/subscribe", button: "Subscribe" },
    { path: `/consultations/camhs-social-work/comments/${aVisibleComment(server.databasePath)}/report`, button: "Send report" },
    { path: "/consultations/camhs-social-work/formats", button: "Send request" },
  ];
  for (const form of forms) {
    await page.goto(form.path);
    await expect(page, form.path).not.toHaveTitle(/^Error: /);
    await page.locator("main").getByRole("button", { name: form.button, exact: true }).click();
    await expect(page.locator(".govuk-error-summary"), form.path).toBeVisible();
    await expect(page, form.path).toHaveTitle(/^Error: /);
  }

  // A staff form too: the invitation, sent with nothing filled in.
  await signIn(page, "admin@northmoor.example", "demo-admin-2026");
  await page.goto("/staff/admin/users/invite");
  await expect(page).not.toHaveTitle(/^Error: /);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);

  await expectAuditProblemInTitle(page, server.databasePath);
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });

  test("a form refused in the browser, or answered with errors as data, puts 'Error: ' in the title in the page's language", async ({ page, server }) => {
    test.setTimeout(180_000);
    // Refused in the browser: the post never reaches the server.
    await page.goto("/subscribe");
    await expect(page).not.toHaveTitle(/^Error: /);
    await page.locator("main").getByRole("button", { name: "Subscribe", exact: true }).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);

    // In Bengali, the prefix is Bengali too.
    await page.goto("/subscribe?lang=bn");
    await expect(page).not.toHaveTitle(new RegExp(`^${bn.errors.errorPrefix}`));
    await page.locator("main").getByRole("button", { name: bn.consultationPages.subscribe.button, exact: true }).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${bn.errors.errorPrefix} ${bn.consultationPages.subscribe.title}`));

    // The consultation closes while a resident has their comment's delete page open: the server
    // refuses, and the answer comes back as data.
    await page.goto("/consultations/camhs-social-work/comments");
    await page.getByRole("link", { name: "Sign in with your email address to comment" }).click();
    await signUpResident(page, `error.title.${Date.now()}@example.org`, { showName: false, respondingAs: "individual" });
    await page.getByLabel("Your comment on the proposal").fill("A comment left as the consultation closes");
    await page.getByRole("button", { name: "Post comment" }).click();
    await page.getByRole("link", { name: "Delete your comment" }).click();
    await expect(page.getByRole("button", { name: "Delete comment" })).toBeVisible();
    await expect(page).not.toHaveTitle(/^Error: /);
    const closing = "UPDATE proposals SET closes_on = ? WHERE slug = 'camhs-social-work'";
    const closesOn = camhsClosingDate(server.databasePath);
    write(server.databasePath, closing, "2000-01-01");
    try {
      await page.getByRole("button", { name: "Delete comment" }).click();
      await expect(page.locator(".govuk-error-summary")).toContainText("This consultation has closed");
      await expect(page).toHaveTitle(/^Error: /);
    } finally {
      write(server.databasePath, closing, closesOn);
    }

    // A staff form, refused in the browser.
    await signIn(page, "admin@northmoor.example", "demo-admin-2026");
    await page.goto("/staff/admin/unions");
    await expect(page).not.toHaveTitle(/^Error: /);
    await page.getByRole("button", { name: "Add union" }).click();
    await expect(page.locator(".govuk-error-summary")).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);

    await expectAuditProblemInTitle(page, server.databasePath);
  });
});
