/**
 * Staff accounts in the browser, on the demo council: the admin invites an officer and an
 * approver; each follows the link in their email (read in the demo inbox), sets a password and
 * lands signed in; the admin sees when they last signed in, changes a role and deactivates an
 * account, which signs its owner out at once; the settings pages save and refuse. axe checks
 * every new page, with and without errors, and the accounts table reflows at 320 CSS pixels.
 * The file has a server and database of its own (./fixtures), so the accounts it adds and the
 * settings it changes touch no other spec.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, invite, linkInEmail, signIn, signOut } from "./support";

const ADMIN = { email: "admin@northmoor.example", password: "demo-admin-2026" };
const OFFICER = { name: "Nadia Hussain", email: "nadia.hussain@northmoor.example", password: "amber kettle orchard lighthouse" };
const APPROVER = { name: "Gareth Pugh", email: "gareth.pugh@northmoor.example", password: "velvet harbour cobalt meadow" };
const LONG_ADDRESS = { name: "Bartholomew Featherstonehaugh", email: "bartholomew.featherstonehaugh-whittingham@northmoor.example" };

/** In a browser of its own (the invited person's), set the password through the link. */
async function acceptInvitation(browser: Browser, link: string, who: { name: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your password");
  await expectNoAxeViolations(page);
  // Two that differ are refused, with the error summary and the title prefix.
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByLabel("Confirm password").fill(`${who.password}x`);
  await page.getByRole("button", { name: "Create password and sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The passwords do not match");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.getByLabel("Password", { exact: true }).fill(who.password);
  await page.getByLabel("Confirm password").fill(who.password);
  await page.getByRole("button", { name: "Create password and sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByText(`Signed in as ${who.name}`)).toBeVisible();
  return { context, page };
}

test("an admin invites an officer and an approver, who set their passwords and sign in; the admin manages their accounts", async ({ page, browser }) => {
  test.setTimeout(600_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/staff/admin");
  await page.getByRole("link", { name: "Staff accounts" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff accounts");
  await expectNoAxeViolations(page);

  // The invite page, and its refusals: no role, and an address already registered.
  await page.getByRole("link", { name: "Invite a member of staff" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Full name").fill("Sam Again");
  await page.getByLabel("Email address").fill("officer@northmoor.example");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert")).toContainText("Select at least one role");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.getByRole("checkbox", { name: "Officer" }).check();
  await page.getByLabel("Service", { exact: true }).selectOption({ label: "Children's Mental Health (CAMHS)" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert")).toContainText("officer@northmoor.example already has an account");
  await expect(page.getByLabel("Full name")).toHaveValue("Sam Again");

  await invite(page, OFFICER, "Officer", "Children's Mental Health (CAMHS)");
  await invite(page, APPROVER, "Approver");
  const row = page.getByRole("row").filter({ hasText: OFFICER.email });
  await expect(row).toContainText("Invited");
  await expect(row).toContainText("Never");

  // Each reads their email and sets a password in their own browser.
  const officerLink = await linkInEmail(page, OFFICER.email, /You have been invited/, "/staff/invitation/");
  await expect(page.getByTestId("email-body")).toContainText("as: Officer");
  await expectNoAxeViolations(page);
  const approverLink = await linkInEmail(page, APPROVER.email, /You have been invited/, "/staff/invitation/");
  const officer = await acceptInvitation(browser, officerLink, OFFICER);
  const approver = await acceptInvitation(browser, approverLink, APPROVER);

  // The officer can start a proposal for CAMHS; the link is spent.
  await officer.page.getByRole("link", { name: "Start a new proposal" }).click();
  await expect(officer.page.getByRole("heading", { level: 1 })).toBeVisible();
  await officer.page.goto(officerLink);
  await expect(officer.page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or has already been used");
  await expectNoAxeViolations(officer.page);

  // The admin sees them active, with when they signed in; the account page and its history.
  await page.goto("/staff/admin/users");
  await expect(page.getByRole("row").filter({ hasText: OFFICER.email })).toContainText("Active");
  await expect(page.getByRole("row").filter({ hasText: OFFICER.email })).not.toContainText("Never");
  await page.getByRole("link", { name: APPROVER.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(APPROVER.name);
  await expect(page.getByRole("table")).toContainText("Set their password");
  await expectNoAxeViolations(page);

  // Change the approver's roles: also an officer of a service.
  await page.getByRole("link", { name: "Change roles" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("checkbox", { name: "Officer" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("Select the service this officer works in");
  await expectNoAxeViolations(page);
  await page.getByLabel("Service", { exact: true }).selectOption({ label: "Libraries and Culture" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("Account changed");
  await expect(page.locator(".govuk-summary-list")).toContainText("Officer and Approver");

  // Deactivate the approver: signed out at once, in their own browser.
  await page.getByRole("link", { name: "Deactivate account" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("status")).toContainText("signed out everywhere");
  await approver.page.goto("/staff");
  await expect(approver.page).toHaveURL(/\/staff\/sign-in/);

  // The admin's own page offers no way to lock themselves out.
  await page.goto("/staff/admin/users");
  await page.getByRole("link", { name: "Chris Taylor" }).click();
  await expect(page.getByText("Deactivate account")).toHaveCount(0);
  await page.getByRole("link", { name: "Change roles" }).click();
  await page.getByRole("checkbox", { name: "Admin" }).uncheck();
  await page.getByRole("checkbox", { name: "Moderator" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText("You cannot remove your own admin role");

  await officer.context.close();
  await approver.context.close();
  await signOut(page);
});

test("settings pages save, refuse with a message, and the accounts table reflows at 320 pixels", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/staff/admin/settings");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Change publication check" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("High risk score").fill("30");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert")).toContainText("The high risk score must be 25 or fewer");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.getByLabel("High risk score").fill("16");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toContainText("Settings saved");
  await expect(page.locator(".govuk-summary-card").filter({ hasText: "Publication check" })).toContainText("High risk score16");

  await page.getByRole("link", { name: "Change council name, branding and time zone" }).click();
  await page.getByLabel("Header colour").fill("#ffdd00");
  await page.getByLabel("Time zone").fill("London");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert")).toContainText("too light");
  await expect(page.getByRole("alert")).toContainText("The time zone must be an IANA time zone name, like Europe/London");
  await expect(page.getByLabel("Time zone")).toHaveValue("London");
  await page.getByRole("link", { name: "Settings", exact: true }).click();

  await page.getByRole("link", { name: "Change equality characteristics" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Equality characteristics");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name").fill("Armed forces community");
  await page.getByRole("button", { name: "Add characteristic" }).click();
  await expect(page.getByRole("table")).toContainText("Armed forces community");
  await page.getByRole("link", { name: "Change Armed forces community" }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Remove characteristic" }).click();
  await expect(page.getByRole("status")).toContainText("Removed");

  // The widest thing the accounts table holds: a long address, one unbroken word of 60 characters.
  await invite(page, LONG_ADDRESS, "Approver");
  await page.goto("/staff/admin/users");
  await page.getByRole("link", { name: LONG_ADDRESS.name }).click();
  await expect(page.locator("main")).toContainText(LONG_ADDRESS.email);
  const personPage = new URL(page.url()).pathname;

  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ["/staff/admin/users", personPage, "/staff/admin/settings"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
    if (path === "/staff/admin/users") await expect(page.locator("main")).toContainText(LONG_ADDRESS.email);
  }
});
