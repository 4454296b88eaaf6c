/**
 * The second factor in a browser: an officer sets one up from their account page with the key
 * an authenticator app would take (a real TOTP made here from the key the page shows), keeps
 * the recovery codes, and the next sign-in asks for a code after the password; a wrong code
 * is a GOV.UK error; a recovery code gets them in. An admin turns the council's requirement on (a sign-in
 * setting), which then applies to admins. axe on each new page
 * (the code page once, with its error).
 */
import { Secret, TOTP } from "otpauth";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signOut } from "./support";

// Four pages checked with axe and four sign-ins: minutes on a loaded machine.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const OFFICER = { email: "officer@northmoor.example", password: "demo-officer-2026" };
const ADMIN = { email: "admin@northmoor.example", password: "demo-admin-2026" };

async function password(page: import("@playwright/test").Page, who: { email: string; password: string }) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Wait for the sign-in to be answered, or the next navigation races it and finds no session.
  await page.waitForURL((url) => url.pathname !== "/staff/sign-in");
}

test("an officer sets up a second factor, and then signs in with password and a recovery code", async ({ page }) => {
  await password(page, OFFICER);
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole("link", { name: "Second factor for signing in" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Off.");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Set up a second factor" }).click();
  await page.getByText("I cannot scan the QR code").click();
  const key = (await page.locator(".app-secret-key").innerText()).replace(/\s/g, "");
  await expectNoAxeViolations(page);
  const code = new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 }).generate();
  await page.getByLabel("Code from the app").fill(code);
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Your second factor is set up.")).toBeVisible();
  const codes = await page.getByTestId("recovery-codes").locator("code").allInnerTexts();
  expect(codes).toHaveLength(10);

  await signOut(page);

  await password(page, OFFICER);
  await expect(page).toHaveURL(/\/staff\/sign-in\/two-factor$/);
  await expect(page.getByRole("heading", { name: "Enter the code from your authenticator app" })).toBeVisible();
  // The password alone is no way into the staff area.
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo/);

  await password(page, OFFICER);
  await page.getByLabel("Code").fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  await page.getByLabel("Code").fill(codes[0]);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto("/staff/account/two-factor");
  await expect(page.getByTestId("two-factor-status")).toContainText("9 unused recovery codes");
});

test("an admin requires a second factor of admins and approvers; an admin without one sets it up at the next sign-in", async ({ page }) => {
  await password(page, ADMIN);
  await page.goto("/staff/admin/settings/sign-in");
  const question = page.getByRole("group", { name: "Must admins and approvers use a second factor to sign in?" });
  await expect(question.getByRole("radio", { name: "No" })).toBeChecked();
  await question.getByRole("radio", { name: "Yes" }).check();
  await page.getByRole("button", { name: /Save/ }).click();
  // Wait for the save to land before leaving the page, or the next navigation cancels it.
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.goto("/staff/admin/settings/sign-in");
  await expect(question.getByRole("radio", { name: "Yes" })).toBeChecked();

  // The admin has none yet: the next sign-in sets one up before the staff area opens.
  await signOut(page);
  await password(page, ADMIN);
  await expect(page).toHaveURL(/\/staff\/sign-in\/set-up-two-factor$/);
  await expect(page.getByRole("heading", { name: "Set up a second way to prove it is you" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/staff/admin");
  await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo/);
});
