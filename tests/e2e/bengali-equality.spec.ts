/**
 * Equality monitoring in Bengali (issue 14): a resident who answered a consultation in Bengali
 * is asked the optional monitoring questions in Bengali (strict: no Latin-script word that is not
 * the council's own marked English or what people wrote), answers them by keyboard alone, and is
 * thanked in Bengali on the confirmation page.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { bn } from "../../app/i18n/catalogues/bn";
import { signUpResidentInBengali } from "./responses-support";
import { expectAllBengali } from "./bengali-support";

const CAMHS = "/consultations/camhs-social-work";
const m = bn.consultationPages.monitoring.questions;

/** Tab (forwards) until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 150) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tabbed ${limit} times without reaching ${target}`);
}

test("a resident who answered in Bengali gets the equality monitoring questions in Bengali, answers them by keyboard, and is thanked in Bengali", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `bengali.monitoring.${Date.now()}@example.org`;

  // Respond in Bengali first (the questions are asked only after a response is sent).
  await page.goto(`${CAMHS}/respond?lang=bn`);
  await signUpResidentInBengali(page, email);
  await expect(page.getByRole("heading", { level: 1, name: bn.respond.heading })).toBeVisible();
  await page.locator("#question-1").getByRole("radio", { name: bn.stances.agree, exact: true }).check();
  await page.getByRole("button", { name: bn.respond.send }).click();
  await expect(page.getByRole("heading", { level: 1, name: bn.confirmation.title })).toBeVisible();

  // The invitation, then the questions, in Bengali.
  await expect(page.getByTestId("monitoring-invitation")).toContainText(bn.confirmation.monitoringHeading);
  await tabTo(page, page.getByRole("link", { name: bn.confirmation.monitoringLink }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: bn.consultationPages.equality.title })).toBeVisible();
  await expect(page).toHaveURL(/\/respond\/equality\?lang=bn$/);
  await expect(page.getByRole("group", { name: new RegExp(m.age.question.replace("?", "\\?")) })).toBeVisible();
  await expect(page.getByRole("group", { name: new RegExp(m.ethnicity.question.replace("?", "\\?")) })).toBeVisible();
  await expectAllBengali(page, { strict: true });

  // By keyboard alone: an age (arrow keys choose within a group of radios), then send.
  const age = page.getByRole("group", { name: new RegExp(m.age.question.replace("?", "\\?")) });
  await tabTo(page, age.getByRole("radio").first());
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(age.getByRole("radio", { name: m.age.answers["25_34"], exact: true })).toBeChecked();
  await tabTo(page, page.getByRole("button", { name: bn.consultationPages.equality.send }));
  await page.keyboard.press("Enter");

  // The confirmation thanks them in Bengali and no longer asks.
  await expect(page.getByRole("heading", { level: 1, name: bn.confirmation.title })).toBeVisible();
  await expect(page).toHaveURL(/monitoring=thanks/);
  await expect(page.getByText(bn.confirmation.monitoringThanks)).toBeVisible();
  await expect(page.getByTestId("monitoring-invitation")).toHaveCount(0);
  await expectAllBengali(page, { strict: true });

  // Asked again: they have answered, said in Bengali.
  await page.goto(`${CAMHS}/respond/equality?lang=bn`);
  await expect(page.getByText(bn.consultationPages.equality.done)).toBeVisible();
  await expectAllBengali(page, { strict: true });
});
