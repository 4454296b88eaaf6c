/**
 * The consultation's other pages in Bengali (issue 14, item 1): the outcome report and the
 * published answers of the decided library consultation, its history, the easy read page, the
 * paper pack, asking for another format (with its error summary), and email updates, whose
 * confirmation email arrives in Bengali and whose links open in Bengali. Every page passes the
 * strict check: no English interface text, only the council's own words (marked lang="en-GB")
 * and what people wrote (data-as-written) left in English.
 */
import { expect, test } from "./fixtures";
import { bn } from "../../app/i18n/catalogues/bn";
import { latestEmail } from "./responses-support";
import { expectAllBengali } from "./bengali-support";

const p = bn.consultationPages;
const LIBRARY = "/consultations/library-opening-hours";
const CAMHS = "/consultations/camhs-social-work";

test("the outcome, published answers and history of a decided consultation, in Bengali", async ({ page }) => {
  await page.goto(`${LIBRARY}/outcome?lang=bn`);
  await expect(page.getByRole("heading", { level: 1, name: p.outcome.headingPublished })).toBeVisible();
  await expect(page.getByRole("heading", { name: p.outcomeView.decision })).toBeVisible();
  await expect(page.getByText(p.decisions.approved_with_changes)).toBeVisible();
  await expect(page).toHaveTitle(/ফলাফল/);
  await expectAllBengali(page, { strict: true });

  // The published answers, by the link on the page (which keeps the language).
  await page.getByRole("link", { name: /লেখকদের সম্মতিতে প্রকাশিত/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: p.answers.heading })).toBeVisible();
  await expect(page).toHaveURL(/\/outcome\/answers\?lang=bn/);
  await expectAllBengali(page, { strict: true });

  await page.goto(`${LIBRARY}/history?lang=bn`);
  await expect(page.getByRole("heading", { level: 1, name: p.history.title })).toBeVisible();
  await expect(page.getByTestId("milestones")).toContainText(p.decisions.approved_with_changes);
  await expectAllBengali(page, { strict: true });
});

test("easy read, the paper pack and asking for another format, in Bengali, with the error summary", async ({ page }) => {
  await page.goto(`${CAMHS}/easy-read?lang=bn`);
  await expect(page.getByRole("heading", { level: 2, name: p.easyRead.haveYourSay })).toBeVisible();
  await expectAllBengali(page, { strict: true });

  await page.goto(`${CAMHS}/print?lang=bn`);
  await expect(page.locator("#response-form-heading")).toHaveText(p.print.formHeading);
  await expect(page.getByRole("heading", { name: p.monitoring.questions.age.question })).toBeVisible();
  await expectAllBengali(page, { strict: true });

  await page.goto(`${CAMHS}/formats?lang=bn`);
  await expect(page.getByRole("heading", { level: 1, name: p.formats.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await page.getByRole("button", { name: p.formats.send }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText(p.formats.errors.format);
  await expect(page).toHaveTitle(/^ত্রুটি:/);
  await expectAllBengali(page, { strict: true });

  // A request sent in Bengali comes back to the Bengali confirmation.
  await page.getByLabel(p.formats.kinds.large_print).check();
  await page.getByLabel(p.formats.name).fill("Rahima Begum");
  await page.getByLabel(p.formats.phone).fill("07700 900 982");
  await page.getByRole("button", { name: p.formats.send }).click();
  await expect(page.getByRole("heading", { level: 1, name: p.formats.sentTitle })).toBeVisible();
  await expect(page).toHaveURL(/lang=bn/);
  await expectAllBengali(page, { strict: true });
});

test("email updates in Bengali: the form, its errors, the confirmation email and its links", async ({ page }) => {
  const email = `bn-subscriber-${Date.now()}@example.com`;
  await page.goto(`/subscribe?consultation=camhs-social-work&lang=bn`);
  await expect(page.getByRole("heading", { level: 1, name: p.subscribe.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await page.getByRole("button", { name: p.subscribe.button }).click();
  await expect(page.getByRole("alert")).toContainText(bn.validation.emailMissing);
  await expectAllBengali(page, { strict: true });

  await page.getByLabel(p.subscribe.emailLabel).fill(email);
  await page.getByRole("button", { name: p.subscribe.button }).click();
  await expect(page.getByRole("heading", { level: 1, name: p.subscribe.checkHeading })).toBeVisible();
  await expect(page).toHaveURL(/lang=bn/);
  await expectAllBengali(page, { strict: true });

  const message = await latestEmail(email, /নিশ্চিত করুন/);
  expect(message.subject).toContain("আপনার ইমেইল খবর নিশ্চিত করুন");
  expect(message.textBody).toContain("এগুলো পেতে শুরু করতে এখানে নিশ্চিত করুন:");
  expect(message.textBody).toContain(p.emails.automatic);
  expect(message.textBody).not.toMatch(/To start receiving them|Replies are not read/);
  const confirm = message.textBody.match(/https?:\/\/\S+\/subscribe\/confirm\/\S+/)![0];
  const unsubscribe = message.textBody.match(/https?:\/\/\S+\/unsubscribe\/\S+/)![0];
  expect(confirm).toMatch(/lang=bn/);

  await page.goto(new URL(confirm).pathname + new URL(confirm).search);
  await expect(page.getByRole("heading", { level: 1, name: p.subscribeConfirm.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await page.getByRole("button", { name: p.subscribeConfirm.button }).click();
  await expect(page.getByRole("heading", { level: 1, name: p.subscribeConfirm.subscribed })).toBeVisible();
  await expectAllBengali(page, { strict: true });

  await page.goto(new URL(unsubscribe).pathname + new URL(unsubscribe).search);
  await expect(page.getByRole("heading", { level: 1, name: p.unsubscribe.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
});
