/**
 * Translated content (issue 14, item 2), in the browser on the demo council: the officer who runs
 * the open CAMHS consultation removes its Bengali translation and adds it again through the
 * translation pages (the English pasted by mistake is refused with the script rule's message),
 * each change with its change note; axe on every new officer page; the approver reads it on the
 * review page. Then a resident reads the
 * consultation in Bengali: the translated summary and questions, marked with the language, the
 * translator and the date, and which parts are in Bengali and which stay in English.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "yaml";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signIn } from "./support";
import type { Browser, Page } from "@playwright/test";
import { signUpResident } from "./responses-support";

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

test("an officer adds a Bengali translation, and a resident reads the consultation and answers in Bengali", async ({ browser, page, server }) => {
  test.setTimeout(600_000);
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

  // The approver reads the translation on the review page, as it will be published.
  const approverContext = await browser.newContext();
  const approver = await approverContext.newPage();
  await signIn(approver, "approver@northmoor.example", password("approver@northmoor.example"));
  await approver.goto(`/staff/proposals/${id}/review`);
  const onReview = approver.getByTestId("review-translations");
  await expect(onReview.getByTestId("translation-bn")).toContainText(TRANSLATOR);
  await expect(onReview.getByRole("link", { name: /Remove|Change/ })).toHaveCount(0);
  await expectNoAxeViolations(approver);
  await approverContext.close();

  await readAndAnswerInBengali(browser, server.databasePath);
});

/**
 * A resident finds the Bengali beside the English, reads the translated summary and questions
 * with who translated them and when and which parts are in Bengali, then answers in Bengali.
 */
async function readAndAnswerInBengali(browser: Browser, databasePath: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/consultations/${SLUG}`);
  await expect(page.getByTestId("translated-summary")).toHaveCount(0);
  await page.getByTestId("other-languages").getByRole("link", { name: "বাংলা" }).click();
  await page.waitForURL(new RegExp(`/consultations/${SLUG}\\?lang=bn$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "bn");
  // The header's switch offers English again, from the same page.
  await expect(page.getByRole("navigation", { name: "ভাষা" }).getByRole("link", { name: "English" })).toBeVisible();

  const panel = page.getByTestId("translated-summary");
  await expect(panel).toHaveAttribute("lang", "bn");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("বাংলায় সারসংক্ষেপ");
  for (const paragraph of paragraphs(bengali.summary)) await expect(panel).toContainText(paragraph);
  // Marked with the translator and the date (3 November 2026, in Bengali month names).
  await expect(panel.getByTestId("translation-credit")).toHaveText(`অনুবাদ করেছেন ${TRANSLATOR}, 3 নভেম্বর, 2026।`);
  // Which parts are in Bengali, and which stay in English.
  await expect(panel.getByTestId("translation-parts")).toHaveText(
    "বাংলায় আছে: সারসংক্ষেপ এবং সবগুলো প্রশ্ন (4টি)। এই পৃষ্ঠার বাকি সবকিছু ইংরেজিতে: পুরো বিবরণ, বিকল্পগুলো, ঝুঁকি এবং সমতা প্রভাব মূল্যায়ন।",
  );
  await expect(panel.getByTestId("translated-questions").getByRole("listitem")).toHaveText(bengali.questions);
  await expectNoAxeViolations(page);

  // Answering: signed up in English (the sign-in pages are the interface's), then the form in Bengali.
  await page.goto(`/consultations/${SLUG}/respond`);
  await signUpResident(page, "rahima.begum@example.org", { name: "Rahima Begum", showName: true, respondingAs: "individual" });
  await page.goto(`/consultations/${SLUG}/respond?lang=bn`);
  await expect(page.getByText("আপনি যেকোনো ভাষায় উত্তর দিতে পারেন।")).toBeVisible();
  const third = page.locator("#question-3");
  await expect(third.getByRole("heading", { level: 2 })).toHaveText(bengali.questions[2]);
  await expect(third.getByRole("heading", { level: 2 }).locator('[lang="bn"]')).toHaveCount(1);
  await expect(third).toContainText(englishQuestions[2]);
  await expectNoAxeViolations(page);
  const answer = "যে শিশুরা ক্ষতির ঝুঁকিতে আছে এবং যারা তরুণ পরিচর্যাকারী, তাদের আগে দেখা উচিত।";
  await third.getByRole("textbox").fill(answer);
  await page.locator("form#answers").getByRole("button").last().click();
  await page.waitForURL(/\/respond\/confirmation/);

  // Kept exactly as written.
  const db = new Database(databasePath, { readonly: true });
  const stored = db.prepare("SELECT a.text FROM response_answers a JOIN responses r ON r.id = a.response_id JOIN respondents p ON p.id = r.respondent_id WHERE p.email = ?").all("rahima.begum@example.org") as { text: string }[];
  db.close();
  expect(stored.map((r) => r.text)).toEqual([answer]);
  await context.close();
}
