/**
 * Translated content (issue 14, item 2), in the browser on the demo council: the officer who runs
 * the open CAMHS consultation removes its Bengali translation and adds it again through the
 * translation pages (the English pasted by mistake is refused with the script rule's message),
 * each change with its change note; axe on every new officer page. Then a resident reads the
 * consultation in Bengali: the translated summary and questions, marked with the language, the
 * translator and the date, and which parts are in Bengali and which stay in English.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "yaml";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signIn } from "./support";
import type { Page } from "@playwright/test";

const SLUG = "camhs-social-work";
const OFFICER = "officer@northmoor.example";

const accounts: { email: string; name: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const password = (email: string) => accounts.find((a) => a.email === email)!.password;

type ContentTranslation = { language: string; translator: string; summary: string; questions: string[] };
const camhsFile: { questions: (string | { question: string })[]; translations: ContentTranslation[] } = parse(fs.readFileSync(path.resolve("content/consultations/camhs-social-work.yaml"), "utf8"));
const bengali = camhsFile.translations.find((t) => t.language === "bn")!;
const englishQuestions = camhsFile.questions.map((q) => (typeof q === "string" ? q : q.question));
// The file wraps long lines; the site joins them into paragraphs (db/content.ts), as pasted text would be.
const paragraphs = (text: string) => text.trim().split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, " "));
const BENGALI_SUMMARY = paragraphs(bengali.summary).join("\n\n");
const TRANSLATOR = "Nasrin Chowdhury, Northmoor Council Translation and Interpreting Service";

async function changeNote(page: Page, note: string) {
  await page.getByLabel("What did you change, and why?").fill(note);
  await page.getByRole("group", { name: "Is this a material change?" }).getByLabel("No", { exact: true }).check();
}

test("an officer removes the Bengali translation and adds it again, checked by the script rule", async ({ page, server }) => {
  test.setTimeout(300_000);
  // The fixture is what the test says it is: the open CAMHS consultation, translated into Bengali, four questions.
  const db = new Database(server.databasePath, { readonly: true });
  const row = db.prepare("SELECT p.id, p.state, t.translator_name AS translator FROM proposals p JOIN proposal_translations t ON t.proposal_id = p.id WHERE p.slug = ? AND t.language = 'bn'").get(SLUG) as
    | { id: number; state: string; translator: string }
    | undefined;
  db.close();
  expect(row).toMatchObject({ state: "open", translator: bengali.translator });
  expect(englishQuestions).toHaveLength(4);
  const id = row!.id;

  await signIn(page, OFFICER, password(OFFICER));
  await page.goto(`/staff/proposals/${id}`);
  await page.getByTestId("translations-link").getByRole("link", { name: "Translations of the summary and questions" }).click();
  await page.waitForURL(new RegExp(`/staff/proposals/${id}/summary/translations$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Translations");
  await expect(page.getByTestId("translation-bn")).toContainText(bengali.translator);
  await expectNoAxeViolations(page);

  // Remove the seeded translation: a published change, so it carries a change note.
  await page.getByRole("link", { name: "Remove the Bengali translation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Are you sure you want to remove the Bengali translation?");
  await expectNoAxeViolations(page);
  await changeNote(page, "The Bengali translation is being replaced by a checked one.");
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await page.waitForURL(new RegExp(`/summary/translations$`));
  await expect(page.getByTestId("translation-bn")).toHaveCount(0);
  await expect(page.locator("main")).toContainText("This proposal has no translations yet.");

  // Add it again: first the language.
  await page.getByRole("link", { name: "Add a translation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Which language is the translation in?");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("Choose the language of the translation");
  await page.getByLabel("Bengali (বাংলা)").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(new RegExp(`/summary/translations/bn$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add the Bengali translation");
  await expectNoAxeViolations(page);

  // The English pasted by mistake: refused by the script rule, with the message beside the field.
  const summaryBox = page.getByLabel("The summary in Bengali (বাংলা)");
  await expect(summaryBox).toHaveAttribute("lang", "bn");
  await summaryBox.fill("We are proposing to remove the social work team from Children and Young People's Mental Health Services (CAMHS) in Northmoor.");
  await page.getByLabel("Who translated it").fill(TRANSLATOR);
  const when = page.getByRole("group", { name: "When it was translated" });
  await when.getByLabel("Day").fill("3");
  await when.getByLabel("Month").fill("11");
  await when.getByLabel("Year").fill("2026");
  await changeNote(page, "Added the checked Bengali translation of the summary.");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  const message = "The Bengali summary must be written in Bengali script (বাংলা): 0% of its letters are; most are in Latin letters, as English is. Check that you pasted the Bengali text";
  await expect(page.getByRole("alert")).toContainText(message);
  await expect(page.locator("#summary-error")).toContainText(message);
  await expectNoAxeViolations(page);

  await page.getByLabel("The summary in Bengali (বাংলা)").fill(BENGALI_SUMMARY);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(new RegExp(`/summary/translations/bn/questions$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The questions in Bengali (optional)");
  await expectNoAxeViolations(page);
  for (const [i, question] of englishQuestions.entries()) {
    await page.getByLabel(`Question ${i + 1}: ${question}`).fill(bengali.questions[i]);
  }
  await changeNote(page, "Added the checked Bengali translation of the questions.");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(new RegExp(`/summary/translations$`));

  // The check-answers list: the translation as entered, with who translated it and who entered it.
  const card = page.getByTestId("translation-bn");
  await expect(card).toContainText(TRANSLATOR);
  await expect(card).toContainText("3 November 2026");
  await expect(card).toContainText("4 of 4 translated");
  const officerName = accounts.find((a) => a.email === OFFICER)!.name;
  await expect(card.getByRole("definition").filter({ hasText: officerName })).toHaveCount(1);
  await expect(card.locator('[lang="bn"]').first()).toContainText(paragraphs(bengali.summary)[0].slice(0, 40));
  await expectNoAxeViolations(page);

  // The history records both changes as published versions.
  await page.goto(`/consultations/${SLUG}/history`);
  await expect(page.locator("main")).toContainText("Added the checked Bengali translation of the questions.");
  await expect(page.locator("main")).toContainText("The Bengali translation is being replaced by a checked one.");
});
