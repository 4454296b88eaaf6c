/**
 * GOV.UK asks for "Error: " at the start of the title of a page that shows errors. With
 * JavaScript the forms correct the title in the browser; without it, the server must send it.
 * Here, with JavaScript off: a resident's subscribe, report and other-format forms, and the staff
 * invitation form, each posted empty, come back with the error summary and the title prefix; the
 * same page before posting has none.
 */
import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
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
});
