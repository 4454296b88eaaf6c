/**
 * Residents respond in public threads, safely moderated, in the browser on the demo council:
 * a resident verifies their email from the captured message, answers the questions, comments on
 * a risk; an officer gives an official answer; the resident replies to it; another resident
 * reports the comment; a moderator hides it; the moderation log shows it and the page no longer
 * does. axe checks every page on the way. Each person has their own browser context.
 * Then: a closed consultation has no forms; an officer enters a paper response with its scan;
 * an author edits and deletes their comment.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { parse } from "yaml";
import { expectNoAxeViolations, signIn } from "./support";
import { latestEmail, signUpResident } from "./responses-support";
import { WIDE, reflowProblem } from "./a11y-support";

const SLUG = "camhs-social-work";
const CONSULTATION = `/consultations/${SLUG}`;
const RESIDENT = "alex.resident@example.org";
const REPORTER = "sam.reporter@example.org";
const COMMENT = "The 13-week wait in risk R1 assumes referrals stay flat. They rose last year, so the wait will be longer. Call the duty manager, Jane Doe, on 07700 900123 for proof.";
const ANSWER = "Referrals rose by 6% last year and the modelling already includes that rise. We will publish the model with the waiting times report.";
const REPLY = "Thank you. Please publish it before the consultation closes.";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const password = (email: string) => accounts.find((a) => a.email === email)!.password;

/** Errors thrown in any page (a failed hydration among them): the test fails if there are any. */
const pageErrors: string[] = [];
test.beforeEach(() => {
  pageErrors.length = 0;
});

async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

test("a resident answers and comments, an officer answers officially, a report is moderated and logged", async ({ browser }) => {
  test.setTimeout(300_000);

  // 1. The resident opens the consultation and starts to respond.
  const resident = await person(browser);
  await resident.goto(CONSULTATION);
  await expect(resident.locator("main")).toContainText(/Responses/);
  await expectNoAxeViolations(resident);
  await resident.getByRole("link", { name: "Respond to this consultation" }).click();

  // 2. They verify their email from the message the site sent, read the privacy notice, choose how they appear.
  await signUpResident(resident, RESIDENT, { name: "Alex Example", showName: true, respondingAs: "individual" }, expectNoAxeViolations);

  // 3. They answer the questions (an empty submission is refused with a message first).
  await expect(resident).toHaveURL(new RegExp(`${CONSULTATION}/respond$`));
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("Respond to the consultation");
  await expect(resident.locator("main")).toContainText("published as Alex Example");
  await expectNoAxeViolations(resident);
  await resident.getByRole("button", { name: "Send your response" }).click();
  await expect(resident.getByRole("alert")).toContainText("Answer at least one question");
  await expect(resident).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(resident);
  await resident.getByRole("group", { name: /How much do you agree or disagree/ }).getByLabel("Strongly disagree").check();
  await resident.getByLabel("Tell us why (optional)").fill("A quarter of the workforce is too much to lose at once.");
  await resident.getByLabel("Your answer (optional)").nth(1).fill("Children with safeguarding concerns.");
  await resident.getByRole("button", { name: "Send your response" }).click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("Response received");
  await expect(resident.locator(".govuk-summary-list")).toContainText("Strongly disagree");
  await expect(resident.locator(".govuk-summary-list")).toContainText("Children with safeguarding concerns.");
  await expectNoAxeViolations(resident);

  // 4. They comment on risk R1, from the link under the risk table.
  await resident.goto(CONSULTATION);
  const riskLinks = resident.getByRole("list", { name: "Comments on each risk" });
  // Each risk's thread count is shown (the demo seeds a few comments on R1).
  await expect(riskLinks.getByRole("listitem").first()).toContainText(/\((no comments yet|\d+ comments?)\)/);
  const countBefore = Number(/\((\d+) comments?\)/.exec((await riskLinks.getByRole("listitem").first().textContent()) ?? "")?.[1] ?? 0);
  await riskLinks.getByRole("link", { name: "Comments on Risk R1" }).click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("Comments on Risk R1");
  await expectNoAxeViolations(resident);
  await resident.getByLabel("Your comment on Risk R1").fill(COMMENT);
  await resident.getByRole("button", { name: "Post comment" }).click();
  await expect(resident.getByText("Your comment has been posted.")).toBeVisible();
  await expect(resident.locator("main")).toContainText(COMMENT);
  const commentUrl = new URL(resident.url()).pathname;
  expect(commentUrl).toMatch(new RegExp(`${CONSULTATION}/comments/\\d+$`));
  await expectNoAxeViolations(resident);
  await resident.goto(CONSULTATION);
  await expect(riskLinks.getByRole("listitem").first()).toContainText(`(${countBefore + 1} comment${countBefore + 1 === 1 ? "" : "s"})`);
  await resident.goto(commentUrl);

  // The same words again are refused with a message.
  await resident.goto(`${CONSULTATION}/comments`);
  await resident.getByLabel("Your comment on the proposal").fill(COMMENT);
  await resident.getByRole("button", { name: "Post comment" }).click();
  await expect(resident.getByRole("alert")).toContainText("You have already posted this comment");

  // 5. The officer answers it officially.
  const officer = await person(browser);
  await signIn(officer, "officer@northmoor.example", password("officer@northmoor.example"));
  await officer.goto(commentUrl);
  await expect(officer.locator("main")).toContainText("This will be shown as an official answer from Northmoor Borough Council");
  await officer.getByLabel("Your reply").fill(ANSWER);
  await officer.getByRole("button", { name: "Post official answer" }).click();
  await expect(officer.getByText("Your comment has been posted.")).toBeVisible();
  const official = officer.locator(".app-comment--official").filter({ hasText: ANSWER });
  await expect(official).toContainText("Official answer");
  await expect(official).toContainText("Sam Okafor");
  const answerUrl = new URL(officer.url()).pathname;

  // 6. The resident replies to the official answer, from the comment's own page.
  await resident.goto(answerUrl);
  await resident.getByLabel("Your reply").fill(REPLY);
  await resident.getByRole("button", { name: "Post reply" }).click();
  await expect(resident.getByText("Your comment has been posted.")).toBeVisible();
  await resident.goto(`${CONSULTATION}/comments?show=official`);
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText("The council’s official answers");
  await expect(resident.locator("main")).toContainText(ANSWER);
  await expectNoAxeViolations(resident);

  // The thread shows all three, nested, and the public page counts them.
  await resident.goto(CONSULTATION);
  await expect(resident.getByRole("list", { name: "Comments on each risk" }).getByRole("listitem").first()).toContainText(`(${countBefore + 3} comments)`);
  await expectNoAxeViolations(resident);

  // 7. Another resident reports the comment.
  const reporter = await person(browser);
  await reporter.goto(commentUrl);
  await reporter.getByRole("link", { name: "Sign in with your email address to comment" }).click();
  await signUpResident(reporter, REPORTER, { showName: false, respondingAs: "individual" });
  // Back where they started, ready to take part.
  await expect(reporter).toHaveURL(new RegExp(`${commentUrl}$`));
  await expect(reporter.locator("main")).toContainText("Your comment will be shown as Resident");
  await reporter.locator(".app-comment__body").filter({ hasText: COMMENT }).getByRole("link", { name: /^Report/ }).click();
  await expect(reporter.getByRole("heading", { level: 1 })).toHaveText("Report a comment");
  await expectNoAxeViolations(reporter);
  await reporter.getByLabel("Keep personal information out").check();
  await reporter.getByLabel(/Tell us what is wrong/).fill("It names a member of staff and gives her phone number.");
  await reporter.getByRole("button", { name: "Send report" }).click();
  await expect(reporter.getByText("Thank you for your report.")).toBeVisible();

  // 8. A moderator hides it under the rule, with a note for the author.
  const moderator = await person(browser);
  await signIn(moderator, "moderator@northmoor.example", password("moderator@northmoor.example"));
  await moderator.goto("/staff/moderation");
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveText("Moderation queue");
  await expectNoAxeViolations(moderator);
  const item = moderator.locator(".app-comment").filter({ hasText: COMMENT });
  await expect(item).toContainText("It names a member of staff");
  await item.getByRole("link", { name: /Reported once/ }).click();
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveText("Moderate a comment");
  await expectNoAxeViolations(moderator);
  await moderator.getByLabel("Hide it").check();
  await moderator.getByRole("button", { name: "Save decision" }).click();
  await expect(moderator.getByRole("alert")).toContainText("Enter a note for the author");
  await expectNoAxeViolations(moderator);
  await moderator.getByLabel("Hide it").check();
  await moderator.getByLabel("Keep personal information out").check();
  await moderator.getByLabel("Note for the author").fill("Your comment gave a member of staff's name and phone number. You are welcome to post it again without them.");
  await moderator.getByRole("button", { name: "Save decision" }).click();
  await expect(moderator.getByText("Your decision was saved and the author was told by email.")).toBeVisible();

  // The author is told by email: the rule and the note.
  const told = await latestEmail(RESIDENT, /hid your comment/);
  expect(told.textBody).toContain("Keep personal information out");
  expect(told.textBody).not.toContain("07700 900123");

  // 9. The moderation log shows it, without the words; the page no longer does.
  const visitor = await person(browser);
  await visitor.goto("/");
  await visitor.getByRole("link", { name: "Moderation log" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Moderation log");
  // Newest first; the demo's own hidden comment sits further down.
  const row = visitor.getByRole("row").filter({ hasText: "A comment on a risk" }).first();
  await expect(row).toContainText("Keep personal information out");
  await expect(row).toContainText("Hidden");
  await expect(visitor.locator("main")).not.toContainText("07700");
  await expectNoAxeViolations(visitor);

  const threadHref = (await row.getByRole("link").first().getAttribute("href")) ?? "";
  expect(threadHref).toMatch(new RegExp(`${CONSULTATION}/comments/risk/\\d+$`));
  for (const url of [CONSULTATION, commentUrl, threadHref]) {
    await visitor.goto(url);
    await expect(visitor.locator("main")).not.toContainText("07700 900123");
    await expect(visitor.locator("main")).not.toContainText("The 13-week wait in risk R1");
  }
  // The replies keep their place under a placeholder.
  await expect(visitor.locator("main")).toContainText("This comment was hidden by a moderator because it broke the house rule Keep personal information out");
  await expect(visitor.locator("main")).toContainText(ANSWER);
  await visitor.goto(CONSULTATION);
  await expect(visitor.getByRole("list", { name: "Comments on each risk" }).getByRole("listitem").first()).toContainText(`(${countBefore + 2} comments)`);
  expect(pageErrors).toEqual([]);
});

test("a closed consultation shows no forms, and says so", async ({ page }) => {
  await page.goto("/consultations/allotment-rents");
  await expect(page.getByRole("link", { name: "Respond to this consultation" })).toHaveCount(0);
  await page.goto("/consultations/allotment-rents/respond");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This consultation is closed");
  await expect(page.locator("form textarea")).toHaveCount(0);
  await page.goto("/consultations/allotment-rents/comments");
  await expect(page.getByTestId("comments-closed")).toHaveText("This consultation has closed. The council is no longer taking comments.");
  await expect(page.locator("main textarea")).toHaveCount(0);
  // Nothing invites a comment: no heading, no link to the form, no sign-in prompt.
  await expect(page.getByRole("heading", { name: "Add a comment" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Add a comment|^Sign in with your email address/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("an officer enters a paper response with a scan; an author edits and deletes; staff and author pages pass axe", async ({ browser }) => {
  test.setTimeout(300_000);
  const officer = await person(browser);
  await signIn(officer, "officer@northmoor.example", password("officer@northmoor.example"));
  await officer.goto("/staff/responses");
  await expectNoAxeViolations(officer);
  await officer.getByRole("link", { name: /CAMHS/ }).click();
  await expectNoAxeViolations(officer);
  await officer.getByRole("link", { name: "Enter a response" }).click();
  await expectNoAxeViolations(officer);
  await officer.getByRole("button", { name: "Save response" }).click();
  await expect(officer.getByRole("alert")).toContainText("Select how the response reached the council");
  await expectNoAxeViolations(officer);
  await officer.getByLabel("On paper").check();
  await officer.getByLabel("Their answer (optional)").first().fill("Posted to the town hall");
  await officer.locator("input[type=file]").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) });
  await officer.getByRole("button", { name: "Save response" }).click();
  await expect(officer.getByText("The response was saved and counted.")).toBeVisible();
  await expect(officer.getByRole("link", { name: /Download/ })).toBeVisible();
  await expect(officer.locator("main")).toContainText("on paper");
  await expectNoAxeViolations(officer);

  const moderator = await person(browser);
  await signIn(moderator, "moderator@northmoor.example", password("moderator@northmoor.example"));
  await moderator.goto("/staff/moderation/consultations");
  await expectNoAxeViolations(moderator);
  await moderator.goto("/staff/moderation?view=hidden");
  await expectNoAxeViolations(moderator);

  const resident = await person(browser);
  await resident.goto("/consultations/camhs-social-work/comments");
  await resident.getByRole("link", { name: "Sign in with your email address to comment" }).click();
  // A long address (59 characters, one unbroken word), which the sign-in pages show back: each
  // passes axe and reflows at 320 pixels.
  await signUpResident(resident, "alexandrina.featherstonehaugh-whittingham@residents.example", { showName: false, respondingAs: "councillor" }, async (p) => {
    await expectNoAxeViolations(p);
    expect(await reflowProblem(p), p.url()).toBeNull();
    await p.setViewportSize(WIDE);
  });
  await expectNoAxeViolations(resident);
  await resident.getByLabel("Your comment on the proposal").fill("A comment to edit");
  await resident.getByRole("button", { name: "Post comment" }).click();
  await resident.getByRole("link", { name: "Edit your comment" }).click();
  await expectNoAxeViolations(resident);
  await resident.getByRole("textbox").fill("An edited comment");
  await resident.getByRole("button", { name: "Save changes" }).click();
  await expect(resident.getByText("(edited)")).toBeVisible();
  await resident.getByRole("link", { name: "Delete your comment" }).click();
  await expectNoAxeViolations(resident);
  await resident.getByRole("button", { name: "Delete comment" }).click();
  await expect(resident.locator("main")).not.toContainText("An edited comment");
  await expect(resident).toHaveURL(/\/consultations\/camhs-social-work\/comments$/);
  await resident.goto("/house-rules");
  await expectNoAxeViolations(resident);
  expect(pageErrors).toEqual([]);
});
