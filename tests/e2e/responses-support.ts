/**
 * Helpers for the responses browser tests: the web server's database (to read the emails it
 * queued, as a resident reads their inbox), and a resident signing up through the real pages.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import { expect, type Page } from "@playwright/test";
import { bn } from "../../app/i18n/catalogues/bn";

/** The database of the current spec file's own server (tests/e2e/fixtures.ts sets the variable). */
export function e2eDatabasePath(): string {
  const found = process.env.PLAINSIGHT_E2E_DATABASE;
  if (!found || !fs.existsSync(found)) throw new Error(`The e2e database was not found (PLAINSIGHT_E2E_DATABASE=${found}); import test from ./fixtures`);
  return found;
}

function readOnly<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

export type Email = { id: number; toAddress: string; subject: string; textBody: string };

/** The newest email queued to `to` whose subject matches, waiting briefly for it. */
export async function latestEmail(to: string, subject: RegExp): Promise<Email> {
  for (let i = 0; i < 50; i++) {
    const rows = readOnly((db) =>
      db.prepare("SELECT id, to_address AS toAddress, subject, text_body AS textBody FROM outbox WHERE to_address = ? ORDER BY id DESC").all(to.toLowerCase()),
    ) as Email[];
    const match = rows.find((r) => subject.test(r.subject));
    if (match) return match;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No email to ${to} matching ${subject}`);
}

export function verifyPathFrom(email: Email): string {
  const match = /https?:\/\/[^\s/]+(\/verify\/[A-Za-z0-9_-]+)/.exec(email.textBody);
  if (!match) throw new Error(`No sign-in link in: ${email.textBody}`);
  return match[1];
}

export type Profile = { name?: string; showName: boolean; respondingAs: "individual" | "organisation" | "councillor"; organisationName?: string };

/** Give an email address on the sign-in page and follow the emailed link. */
export async function verifyEmail(page: Page, email: string, check?: (page: Page) => Promise<void>) {
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  if (check) await check(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.locator("main")).toContainText(email);
  if (check) await check(page);

  const message = await latestEmail(email, /Your link to respond/);
  await page.goto(verifyPathFrom(message));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your email address" })).toHaveCount(0);
}

/**
 * From a page that needs a resident who can respond: give the email, follow the emailed link,
 * read the privacy notice, choose how to appear. Ends wherever the link was meant to return to.
 */
export async function signUpResident(page: Page, email: string, profile: Profile, check?: (page: Page) => Promise<void>) {
  await verifyEmail(page, email, check);
  await expect(page.getByRole("heading", { level: 1, name: "How we use your information" })).toBeVisible();
  await expect(page.locator("main")).toContainText("lawful basis");
  if (check) await check(page);
  await page.getByRole("button", { name: /I have read this/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "How you appear" })).toBeVisible();
  if (check) await check(page);
  await page.getByLabel(profile.showName ? "Show my name" : /instead of my name/).check();
  if (profile.name !== undefined) await page.getByLabel("Your name").fill(profile.name);
  const who = { individual: "As an individual", organisation: "For an organisation or group", councillor: "As a councillor" }[profile.respondingAs];
  await page.getByLabel(who).check();
  if (profile.organisationName !== undefined) await page.getByLabel("Name of the organisation or group").fill(profile.organisationName);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "How you appear" })).toHaveCount(0);
}

/**
 * From the sign-in page in Bengali: give the email, follow the emailed link, read the privacy
 * notice and appear as "Resident" (বাসিন্দা), as an individual. Ends wherever the link returns to.
 */
export async function signUpResidentInBengali(page: Page, email: string) {
  await expect(page.getByRole("heading", { level: 1, name: bn.signIn.title })).toBeVisible();
  await page.getByRole("textbox", { name: bn.signIn.emailLabel }).fill(email);
  await page.getByRole("button", { name: bn.signIn.send }).click();
  await expect(page.getByRole("heading", { level: 1, name: bn.signIn.checkHeading })).toBeVisible();
  await page.goto(verifyPathFrom(await latestEmail(email, /লিংক/)) + "?lang=bn");
  await page.getByRole("button", { name: bn.common.continue }).click();
  await page.getByRole("button", { name: bn.privacyStep.continue }).click();
  await page.getByRole("radio", { name: bn.aboutYou.showResident }).check();
  await page.getByRole("radio", { name: bn.aboutYou.individual }).check();
  await page.getByRole("button", { name: bn.common.continue }).click();
}
