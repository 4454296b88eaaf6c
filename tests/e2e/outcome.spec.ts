/**
 * After closing, in the browser, on the demo council's closed (and overdue) allotment rents
 * consultation: the parks officer reads the answers and codes several into two themes from the
 * keyboard alone, drafts the outcome report with a change linked to the public version that made
 * it and a re-rated equality row, and sends it for sign-off; an approver who wrote none of it
 * publishes it; a subscriber is emailed; the decision maker confirms reading and records the
 * decision. The public pages then show the outcome, the equality row before and after, and the
 * decision, and the list says "Decided". axe checks every new page on the way.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { parse } from "yaml";
import { expect, test } from "./fixtures";
import { latestEmail } from "./responses-support";
import { expectNoAxeViolations, signIn } from "./support";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const OFFICER = "officer.parks@northmoor.example"; // Gemma Lowe, parks: ran the allotment consultation
const APPROVER = "approver@northmoor.example";
const DECISION_MAKER = "decisions@northmoor.example";
/** Dorothy Fairclough answered and asked for updates: a confirmed subscriber of this consultation. */
const SUBSCRIBER = "resident1.allotment-rents@example.org";
const SLUG = "allotment-rents";

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, accounts.find((a) => a.email === email)!.password);
  return page;
}

/** The consultation as the file's own server has it (read-only). */
function consultation(databasePath: string) {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const p = db.prepare("SELECT id, state FROM proposals WHERE slug = ?").get(SLUG) as { id: number; state: string } | undefined;
    if (!p) throw new Error(`No ${SLUG} in the e2e database`);
    const questions = db.prepare("SELECT id, question FROM consultation_questions WHERE proposal_id = ? ORDER BY position").all(p.id) as { id: number; question: string }[];
    return { ...p, questions };
  } finally {
    db.close();
  }
}

function councilToday(): { day: string; month: string; year: string } {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date()).split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

// One journey in steps, in order, on this file's own server (each step's page loads and axe
// checks take a while on a busy machine, so each step has its own time limit).
test.describe.configure({ mode: "serial", timeout: 240_000 });

test("before: the public page says the outcome is overdue", async ({ page, server }) => {
  expect(consultation(server.databasePath).state).toBe("closed");
  await page.goto(`/consultations/${SLUG}`);
  await expect(page.locator("main")).toContainText(/The outcome of this consultation is \d+ days? overdue/);
  await page.goto(`/consultations/${SLUG}/outcome`);
  await expect(page.getByTestId("outcome-overdue")).toContainText(/\d+ days? overdue/);
  await expectNoAxeViolations(page);
});

test("1. the officer reads the answers and codes several into two themes, by keyboard alone", async ({ browser, server }) => {
  const c = consultation(server.databasePath);
  const staff = `/staff/proposals/${c.id}`;
  // Every question, counts by channel and respondent type.
  const officer = await as(browser, OFFICER);
  await officer.goto(staff + "/responses");
  await expect(officer.getByRole("heading", { level: 1 })).toContainText("Responses");
  await expect(officer.locator("main")).toContainText("8 responses");
  await expect(officer.locator("main")).toContainText("On paper");
  await expect(officer.locator("main")).toContainText("By phone");
  await expectNoAxeViolations(officer);

  // Every comment, read the same way.
  await officer.goto(`${staff}/responses/comments`);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Every comment");
  await expectNoAxeViolations(officer);

  // 2. Codes answers to the first question into two new themes, by keyboard alone.
  const q1 = c.questions[0];
  await officer.goto(`${staff}/responses/questions/${q1.id}`);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(q1.question);
  await expectNoAxeViolations(officer);
  await officer.locator("main").press("t"); // T goes to "New theme"
  for (const name of ["Phase the rise", "Carers"]) {
    // Focus stays in "New theme", emptied, ready for the next one.
    await expect(officer.getByLabel("New theme")).toBeFocused();
    await expect(officer.getByLabel("New theme")).toHaveValue("");
    await officer.keyboard.type(name);
    await officer.keyboard.press("Enter");
    await expect(officer.getByText(`Added the theme “${name}”.`)).toBeVisible();
  }
  const item = (text: string) => officer.locator("[data-item]").filter({ hasText: text });
  // The answer the officer is on: the item holding the focus (itself, after J or K, or a box or button in it).
  const current = officer.locator("[data-item]:focus-within");
  const moveTo = async (key: "j" | "k", text: string) => {
    await officer.keyboard.press(key);
    await expect(officer.locator("[data-item]:focus")).toContainText(text);
  };
  // Both themes are on every answer before coding starts.
  await expect(item("asked whether carers").getByRole("checkbox")).toHaveCount(2);
  // Shift+Tab from "New theme" goes back into the list, to the last answer: a carer's phone call.
  await officer.keyboard.press("Shift+Tab");
  await expect(current).toContainText("asked whether carers");
  // 2 ticks the second theme for the answer you are on; it saves at once and says so.
  await officer.keyboard.press("2");
  await expect(item("asked whether carers").getByRole("status")).toHaveText("Saved. Themes: Carers");
  // K goes back an answer at a time, J forward; 1 ticks the first theme.
  await moveTo("k", "Fair if the money is spent on the sites");
  await moveTo("k", "Too much in one go");
  await officer.keyboard.press("1");
  await expect(item("Too much in one go").getByRole("status")).toHaveText("Saved. Themes: Phase the rise");
  await moveTo("k", "worry about people just above the threshold");
  await moveTo("k", "The water troughs at our site have leaked");
  await moveTo("k", "Spread it over");
  await officer.keyboard.press("1");
  await expect(item("Spread it over").getByRole("status")).toHaveText("Saved. Themes: Phase the rise");
  await moveTo("j", "The water troughs at our site have leaked");
  await moveTo("k", "Spread it over");
  // Nothing else was coded on the way.
  await expect(officer.locator("[data-item]").getByRole("checkbox", { checked: true })).toHaveCount(3);

  // The themes page counts each respondent once, with their words.
  await officer.goto(`${staff}/themes`);
  await expect(officer.getByRole("row", { name: /Phase the rise/ }).getByRole("cell").first()).toHaveText("2");
  await expect(officer.getByRole("row", { name: /Carers/ }).getByRole("cell").first()).toHaveText("1");
  await expectNoAxeViolations(officer);
  // One theme's page: its quotes, and renaming or merging it.
  await officer.getByRole("link", { name: "Phase the rise", exact: true }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Phase the rise");
  await expectNoAxeViolations(officer);

});

test("2. the officer drafts the outcome report, with a linked change and a re-rated equality row", async ({ browser, server }) => {
  const staff = `/staff/proposals/${consultation(server.databasePath).id}`;
  const officer = await as(browser, OFFICER);
  await officer.goto(`${staff}/outcome`);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Outcome report");
  await expect(officer.locator("main")).toContainText(/overdue/);
  await expectNoAxeViolations(officer);

  await officer.getByRole("link", { name: "Who responded and how", exact: true }).click();
  await expect(officer.getByTestId("counts")).toContainText("8 responses");
  await expectNoAxeViolations(officer);
  await officer
    .getByLabel("Who responded and how")
    .fill("Eight plot holders, site associations and a ward councillor answered: five online, two on paper forms sent with the rent invoices and one by phone to the allotments officer.");
  await officer.getByRole("button", { name: "Continue" }).click();
  await expect(officer).toHaveURL(/\/outcome\/themes$/);

  await officer.goto(`${staff}/outcome`);
  await officer.getByRole("link", { name: "Carers", exact: true }).click();
  await expectNoAxeViolations(officer);
  await officer
    .getByLabel("What did the council do about it?")
    .fill("Carers told us the allotment is their only time to themselves, so plot holders who receive Carer's Allowance now pay half rent, like people on means-tested benefits.");
  await officer.getByRole("group", { name: "Did the proposal change because of this theme?" }).getByLabel("Yes, the proposal changed").check();
  await officer.getByLabel("If it changed: what changed?").fill("Half rent for plot holders who receive Carer's Allowance.");
  await officer.getByRole("group", { name: /which published version made the change/ }).getByRole("radio").first().check();
  await officer.getByRole("button", { name: "Continue" }).click();
  await expect(officer).toHaveURL(/\/outcome\/equality$/);

  await officer.goto(`${staff}/outcome`);
  await officer.getByRole("link", { name: "Phase the rise", exact: true }).click();
  await officer
    .getByLabel("What did the council do about it?")
    .fill("We kept the new rent from April because water and fencing repairs cannot wait, but anyone may now pay in four instalments and swap to a half plot instead of giving up.");
  await officer.getByRole("group", { name: "Did the proposal change because of this theme?" }).getByLabel("No").check();
  await officer.getByRole("button", { name: "Continue" }).click();

  // The equality impact revisited: carers re-rated from unknown to positive.
  await officer.goto(`${staff}/outcome/equality`);
  await expectNoAxeViolations(officer);
  await officer.getByRole("link", { name: "Re-rate Carers" }).click();
  await expectNoAxeViolations(officer);
  await officer.getByLabel("Positive").check();
  await officer
    .getByLabel("What is the evidence now?")
    .fill("Carers who answered, including a caller caring for her husband, said the plot is their only break; carers on Carer's Allowance now pay half rent.");
  await officer.getByRole("button", { name: "Continue" }).click();
  await expect(officer.getByRole("row", { name: /Carers/ })).toContainText("Positive");
  await officer
    .getByLabel("What the responses told the council about the equality impact")
    .fill("Carers and older plot holders told us how much their plots matter to them; the carers' concession changes the rating for carers from unknown to positive.");
  const equalityPage = new URL(officer.url()).pathname;
  await officer.getByRole("button", { name: "Continue" }).click();
  // Wait for each save to be answered: a navigation straight after the click can cancel it.
  await officer.waitForURL((url) => url.pathname !== equalityPage);

  await officer.goto(`${staff}/outcome/themes`);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Each theme: what the council did");
  await expectNoAxeViolations(officer);

  await officer.goto(`${staff}/outcome/next`);
  await expectNoAxeViolations(officer);
  await officer
    .getByLabel("What happens next")
    .fill("The Cabinet Member for Environment will decide on the new rents by delegated decision, and any new rents start in April with the invoices sent in March.");
  await officer.getByRole("button", { name: "Continue" }).click();
  await officer.waitForURL((url) => !url.pathname.endsWith("/outcome/next"));

  await officer.goto(`${staff}/outcome`);
  await expect(officer.getByTestId("outcome-gate-clear")).toBeVisible();
  await officer.getByRole("button", { name: "Send for sign-off" }).click();
  await expect(officer.getByText("Sent for sign-off.").first()).toBeVisible();

});

test("3. an approver who wrote none of it publishes it, and a subscriber is emailed", async ({ browser, server }) => {
  const staff = `/staff/proposals/${consultation(server.databasePath).id}`;
  const approver = await as(browser, APPROVER);
  await approver.goto(`${staff}/outcome`);
  await expectNoAxeViolations(approver);
  await approver.getByRole("button", { name: "Publish the outcome" }).click();
  await expect(approver.getByText(/^Published\. The outcome is on the consultation’s public page/)).toBeVisible();

  // A subscriber is emailed the outcome, with its address.
  const email = await latestEmail(SUBSCRIBER, /Consultation outcome/);
  expect(email.textBody).toContain(`/consultations/${SLUG}/outcome`);

});

test("4. the decision maker confirms reading, on a page listing the themes and counts, then decides", async ({ browser, server }) => {
  const staff = `/staff/proposals/${consultation(server.databasePath).id}`;
  const dm = await as(browser, DECISION_MAKER);
  await dm.goto(`${staff}/decision`);
  await expect(dm.locator("main")).toContainText("Phase the rise");
  await expect(dm.locator("main")).toContainText("Carers");
  await expectNoAxeViolations(dm);
  // The decision before confirming is refused.
  await dm.getByRole("group", { name: "What was decided?" }).getByLabel("Approved with changes").check();
  const today = councilToday();
  const when = dm.getByRole("group", { name: "When was it decided?" });
  await when.getByLabel("Day").fill(today.day);
  await when.getByLabel("Month").fill(today.month);
  await when.getByLabel("Year").fill(today.year);
  await dm.getByLabel("Meeting and minute, or delegated decision reference").fill("Delegated decision ENV/2026/14");
  await dm.getByLabel("Link to the decision notice").fill("https://democracy.northmoor.example.gov.uk/ieDecisionDetails.aspx?ID=1214");
  await dm.getByRole("button", { name: "Record the decision" }).click();
  await expect(dm.getByRole("alert")).toContainText("Confirm that you have read the outcome report and the responses");
  await dm.getByLabel("I have read the outcome report and the responses").check();
  await dm.getByRole("button", { name: "Confirm" }).click();
  await expect(dm.locator("main")).toContainText("You confirmed that you have read the outcome report and the responses");
  await dm.getByRole("group", { name: "What was decided?" }).getByLabel("Approved with changes").check();
  await when.getByLabel("Day").fill(today.day);
  await when.getByLabel("Month").fill(today.month);
  await when.getByLabel("Year").fill(today.year);
  await dm.getByLabel("Meeting and minute, or delegated decision reference").fill("Delegated decision ENV/2026/14");
  await dm.getByLabel("Link to the decision notice").fill("https://democracy.northmoor.example.gov.uk/ieDecisionDetails.aspx?ID=1214");
  await dm.getByRole("button", { name: "Record the decision" }).click();
  await expect(dm.getByTestId("decision")).toContainText("Approved with changes");

});

test("5. the public pages show the outcome, the equality row before and after, and the decision", async ({ page: publicPage }) => {
  await publicPage.goto(`/consultations/${SLUG}/outcome`);
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText("What you said and what we did");
  const themes = publicPage.getByTestId("outcome-theme");
  await expect(themes.filter({ hasText: "Carers" })).toContainText("Carer's Allowance now pay half rent");
  await expect(themes.filter({ hasText: "Carers" }).getByRole("link", { name: /what changed/i })).toHaveAttribute("href", new RegExp(`/consultations/${SLUG}/history#`));
  const carersRow = publicPage.getByTestId("equality-before-after").getByRole("row", { name: /Carers/ });
  await expect(carersRow.getByRole("cell").nth(0)).toContainText("Not yet known");
  await expect(carersRow.getByRole("cell").nth(1)).toContainText("Positive");
  await expect(publicPage.getByTestId("decision")).toContainText("Approved with changes");
  await expect(publicPage.getByTestId("decision")).toContainText("Delegated decision ENV/2026/14");
  await expect(publicPage.locator("main")).not.toContainText("overdue");
  // Charts people can read, each with its figures in a table: respondents per theme, stances per question.
  const themeChart = publicPage.getByRole("figure", { name: "Respondents who raised each theme" });
  await expect(themeChart.getByRole("img")).toBeVisible();
  await expect(themeChart.getByRole("row", { name: /Phase the rise/ })).toContainText("2");
  await expect(themeChart.getByRole("row", { name: /Carers/ })).toContainText("1");
  await expect(publicPage.getByRole("figure", { name: "How far people agreed with each question" }).getByRole("table")).toBeVisible();
  await expect(publicPage.getByRole("figure", { name: "How the responses came" }).getByRole("row", { name: /On paper/ })).toContainText("2");
  // The equality monitoring figures, small numbers suppressed.
  await expect(publicPage.getByTestId("who-responded")).toBeVisible();
  // "You said, we did" stands apart from the part before it.
  const gap = await publicPage.getByRole("heading", { name: "You said, we did", level: 2 }).evaluate((h) => {
    const before = h.closest("section")!.previousElementSibling!.getBoundingClientRect();
    return h.getBoundingClientRect().top - before.bottom;
  });
  expect(gap).toBeGreaterThanOrEqual(30);
  await expectNoAxeViolations(publicPage);

  await publicPage.goto(`/consultations/${SLUG}/outcome/answers`);
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText("Answers published with the respondents’ agreement");
  await expectNoAxeViolations(publicPage);

  await publicPage.goto(`/consultations/${SLUG}`);
  await expect(publicPage.locator("main")).toContainText("Approved with changes");
  await expect(publicPage.locator("main")).not.toContainText("overdue");
  await publicPage.goto(`/consultations/${SLUG}/history`);
  await expect(publicPage.locator("main")).toContainText(/Outcome published/i);
  await expect(publicPage.locator("main")).toContainText(/Decided|Decision/);
  await publicPage.goto("/consultations?status=concluded");
  await expect(publicPage.locator("li").filter({ hasText: "New allotment rents and concessions" }).first()).toContainText(/Decided \d{1,2} \w+ \d{4}/);
});
