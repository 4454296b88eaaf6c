/**
 * A public challenge to the facts, in the browser on the demo council: a resident challenges an
 * impact figure of the open CAMHS consultation; the officer corrects the figure (a published
 * version with its note) and answers the challenge naming that version; the public page then
 * shows the challenge answered, the answer and exactly what changed. axe checks each new page.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { parse } from "yaml";
import { expectNoAxeViolations, signIn } from "./support";
import { signUpResident } from "./responses-support";

const SLUG = "camhs-social-work";
const OFFICER = "officer@northmoor.example";
const REASON = "The service worked with more children than this last year: 620 is the figure from 2023/24.";
const EVIDENCE = "The CAMHS annual report for 2025/26, page 4, says social workers were involved with 655 children and young people.";
const ANSWER = "You are right: the 2025/26 annual report counts 655 children and young people. We have corrected the figure.";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const password = (email: string) => accounts.find((a) => a.email === email)!.password;

async function officerPage(browser: Browser) {
  const context = await browser.newContext();
  const officer = await context.newPage();
  await signIn(officer, OFFICER, password(OFFICER));
  return officer;
}

test("a resident challenges an impact figure, the officer corrects it, and the public page shows the answer and what changed", async ({ page, browser }) => {
  // Seven pages and five axe runs: minutes on a machine shared by many.
  test.setTimeout(420_000);

  // 1. The resident starts from the figure on the public page and signs in by email on the way.
  await page.goto(`/consultations/${SLUG}`);
  await expect(page.getByTestId("challenges")).toBeVisible();
  await page.getByRole("link", { name: "Challenge a figure" }).click();
  await signUpResident(page, `challenger-${Date.now()}@example.org`, { name: "Ruth Adeyemi", showName: true, respondingAs: "individual" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Challenge a fact");
  await expectNoAxeViolations(page);

  // Refused without a reason: the error summary says what to do, and what was chosen is kept.
  await page.getByLabel("Which fact are you challenging?").selectOption({ label: "Service users affected a year: 620" });
  await page.getByRole("button", { name: "Send the challenge" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Say why you think it is wrong");
  await expectNoAxeViolations(page);

  await page.getByLabel("Why do you think it is wrong?").fill(REASON);
  await page.getByLabel("What is your evidence?").fill(EVIDENCE);
  await page.getByRole("button", { name: "Send the challenge" }).click();
  // The action redirects to the consultation's page: wait for that navigation, however long a
  // busy machine takes, before reading the page.
  await page.waitForURL(/[?&]challenge=made/);
  await expect(page.getByText(/Your challenge has been published below/)).toBeVisible();
  const mine = page.getByTestId("challenge").filter({ hasText: "Service users affected a year: 620" });
  await expect(mine).toContainText("Waiting for the council's answer");
  await expect(mine).toContainText("Ruth Adeyemi");
  await expect(mine).toContainText(REASON);

  // 2. The officer corrects the figure: a published change with its note.
  const officer = await officerPage(browser);
  await officer.goto("/staff/challenges");
  await expectNoAxeViolations(officer);
  await officer.getByRole("link", { name: "Service users affected a year: 620" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Challenge to the facts");
  await expectNoAxeViolations(officer);
  await officer.getByRole("link", { name: "the section it is in" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Impact figures");
  await officer.getByLabel("Service users affected a year").fill("655");
  await officer.getByLabel("What did you change, and why?").fill("Corrected the number of children and young people to 655 (2025/26), after a public challenge.");
  await officer.getByRole("group", { name: "Is this a material change?" }).getByLabel("No", { exact: true }).check();
  await officer.getByRole("button", { name: "Continue", exact: true }).click();
  await officer.waitForURL((url) => !url.pathname.endsWith("/impact"));
  await expect(officer.getByRole("heading", { level: 1 })).not.toHaveText("Impact figures");

  // 3. ... and answers the challenge, naming that version.
  await officer.goto("/staff/challenges");
  await officer.getByRole("link", { name: "Service users affected a year: 620" }).click();
  await officer.getByRole("group", { name: "What is the council's answer?" }).getByLabel("We have corrected it").check();
  await expect(officer.getByLabel("The published version that corrects it (if corrected)")).toContainText("Version 2");
  await officer.getByLabel("The council's answer (published)").fill(ANSWER);
  await officer.getByRole("button", { name: "Publish the answer" }).click();
  await officer.waitForURL(/[?&]done=answered/);
  await expect(officer.getByText("Your answer has been published on the consultation's page.")).toBeVisible();
  await officer.context().close();

  // 4. Anyone reading the page sees it answered, the answer, and the version's difference.
  await page.goto(`/consultations/${SLUG}`);
  const answered = page.getByTestId("challenge").filter({ hasText: "Service users affected a year: 620" });
  await expect(answered).toContainText("Corrected");
  await expect(answered.getByTestId("challenge-answer")).toHaveText(ANSWER);
  const correction = answered.getByTestId("challenge-correction");
  await expect(correction).toContainText("Corrected in version 2");
  await expect(correction.locator("ins")).toContainText("655");
  await expect(correction.locator("del")).toContainText("620");
  await expect(page.locator("main")).toContainText("655");
  await expectNoAxeViolations(page);
});
