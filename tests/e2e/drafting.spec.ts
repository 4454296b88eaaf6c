/**
 * Drafting, review and published changes, in the browser on the demo council:
 *  1. an officer builds the CAMHS proposal from nothing through every section (one of them by
 *     keyboard alone), submits it, and a different user approves it;
 *  2. the drafter's own approval is refused;
 *  3. an edit to the open CAMHS consultation is published with its change note, and the history
 *     page shows the words that changed.
 * axe checks every staff page the tests reach. Fields are filled with page.fill: one long flow.
 */
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { parse } from "yaml";
import { DEFAULT_SETTINGS, characteristicLabel } from "../../app/lib/settings";
import { EQUALITY_RATING_LABELS } from "../../app/proposals/labels";
import { renderPdf } from "../../db/content";
import { completeProposal } from "../fixtures/proposals";
import { approveOnReview, expectNoAxeViolations, signIn, signOut } from "./support";
import { fillDate, inDays } from "./drafting-support";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const as = (page: Page, email: string) => signIn(page, email, accounts.find((a) => a.email === email)!.password);

const OFFICER = "officer@northmoor.example"; // Sam Okafor, CAMHS
const APPROVER = "approver@northmoor.example";
const DRAFTING_APPROVER = "approver2@northmoor.example"; // drafted the garden waste proposal

const TITLE = "Restructure of social work in Child and Adolescent Mental Health Services";
const camhs = completeProposal();
// The demo council asks for an easy read summary for children's services (content/council.yaml).
const camhsEasyRead: string = parse(fs.readFileSync(path.resolve("content/consultations/camhs-social-work.yaml"), "utf8")).easyReadSummary;

async function checkIn(page: Page, legend: string | RegExp, label: string | RegExp) {
  await page.getByRole("group", { name: legend }).getByLabel(label, { exact: typeof label === "string" }).check();
}

// "Continue": a button on a form, a link (styled as a button) on a list of rows.
const continueButton = (page: Page) => page.getByRole("button", { name: "Continue", exact: true }).or(page.getByRole("link", { name: "Continue", exact: true }));

/** Keyboard only: Tab until `target` has focus (no clicks). */
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Could not reach ${target} with the Tab key`);
}

// A real business case: the gate refuses a file too small to be one (issue 10).
const PDF = renderPdf("Business case: CAMHS social work restructure", [camhs.summary!, camhs.whatChanges!, camhs.whyChange!]);

/** Each negative impact with no mitigation linked gets its own justification: one pasted into every row is refused. */
const JUSTIFICATIONS: Record<string, string> = {
  age: "Trained clinicians will see children aged 13 to 17 first, and the Head of CAMHS will report waiting times by age every month.",
  disability: "Clinicians will keep home visits and easy-read letters for disabled children, and the CAMHS Operations Manager will check this each quarter.",
  care_experienced: "A named duty social worker will review every open case of a child in care each week from the first day of the change.",
};

test("an officer builds the CAMHS proposal from nothing to submission, and a different approver approves it", async ({ page }) => {
  test.setTimeout(480_000);
  await as(page, OFFICER);

  // Start.
  await page.goto("/staff");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Start a new proposal" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Lead officer").fill("Sam Okafor, Service Manager, CAMHS");
  await page.getByRole("button", { name: "Start the proposal" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId("task-count")).toHaveText("You have completed 0 of 12 sections.");
  await expect(page.locator('[data-task="mitigations"]')).toHaveAttribute("data-status", "cannot_start");
  await expectNoAxeViolations(page);
  const overview = page.url();

  // 1. Summary: a blank "Continue" is refused with the error summary, which takes focus.
  await page.getByRole("link", { name: "Summary in plain English" }).click();
  await continueButton(page).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Enter a summary of the proposal in plain English" })).toHaveAttribute("href", "#summary");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.getByLabel("Summary in plain English").fill(camhs.summary!);
  await expect(page.getByTestId("summary-writing-help")).toContainText("Every acronym is spelled out");
  await page.getByRole("button", { name: "Preview summary in plain english" }).click();
  await expect(page.locator("#summary-preview")).toContainText("12 social work posts");
  await continueButton(page).click();

  // 1b. The easy read summary the council's settings ask for on a children's service.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Easy read summary");
  await page.getByLabel("Easy read summary").fill(camhsEasyRead);
  await continueButton(page).click();

  // 2. Full details.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Full details");
  await expectNoAxeViolations(page);
  await page.getByLabel("What will change", { exact: true }).fill(camhs.whatChanges!);
  await page.getByLabel("Why the change is needed", { exact: true }).fill(camhs.whyChange!);
  await page.getByLabel("The service now", { exact: true }).fill(camhs.currentService!);
  await page.getByLabel("The service after the change", { exact: true }).fill(camhs.proposedService!);
  await page.getByLabel("Timeline", { exact: true }).fill(camhs.timeline!);
  await page.getByLabel("What has already been decided", { exact: true }).fill(camhs.alreadyDecided!);
  await page.getByLabel("What is open to change", { exact: true }).fill(camhs.openToChange!);
  await continueButton(page).click();

  // Options: the proposal and one rejected alternative.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Options considered");
  for (const option of camhs.options.slice(0, 2)) {
    await page.getByRole("link", { name: /^Add (an|another) option$/ }).click();
    await page.getByLabel("Name of the option").fill(option.title);
    await page.getByLabel("What the option is", { exact: true }).fill(option.description);
    await checkIn(page, "Is this the option the council is proposing?", option.isProposed ? "Yes, this is the proposal" : "No, it was considered and rejected");
    if (!option.isProposed) await page.getByLabel("If it was rejected, why?", { exact: true }).fill(option.rejectedBecause!);
    if (option.isProposed) await expectNoAxeViolations(page);
    await continueButton(page).click();
  }
  await expect(page.locator(".govuk-summary-card")).toHaveCount(2);
  await expectNoAxeViolations(page);
  await continueButton(page).click();

  // 3. Impact figures: 12 posts, 11.4 FTE, a quarter of 48, 450 assessments, £540,000.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impact figures");
  await expectNoAxeViolations(page);
  await page.getByLabel("Staff posts affected").fill("12");
  await page.getByLabel("Full-time equivalent (FTE) of those posts").fill("11.4");
  await expect(page.getByLabel(/Posts in the whole service/)).toHaveValue("48");
  await page.getByLabel("Service users affected a year").fill("620");
  await page.getByLabel("The activity affected").fill(camhs.activityDescription!);
  await page.getByLabel("How much of that activity a year").fill("450");
  await page.getByLabel("It would save money").check();
  await page.getByLabel(/Amount a year/).fill("540,000");
  await continueButton(page).click();

  // 4. Risks: one high (it will need a mitigation), one accepted with a published reason.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Risks");
  const [waiting, , , partners] = camhs.risks;
  for (const risk of [waiting, partners]) {
    await page.getByRole("link", { name: /^Add (a|another) risk$/ }).click();
    await page.getByLabel("What could go wrong?").fill(risk.description);
    await page.getByLabel("Who would bear it?").fill(risk.whoBears);
    await checkIn(page, "How likely is it?", new RegExp(`^${risk.likelihood}:`));
    await checkIn(page, "How much harm would it do?", new RegExp(`^${risk.impact}:`));
    if (risk.acceptanceReason) await page.getByLabel(/why is the risk accepted/).fill(risk.acceptanceReason);
    if (risk === waiting) await expectNoAxeViolations(page);
    await continueButton(page).click();
  }
  await expect(page.getByTestId("section-needs")).toContainText("a high risk needs a mitigation");
  await expectNoAxeViolations(page);
  await continueButton(page).click();

  // 5. Dependencies, by keyboard alone.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dependencies");
  await expectNoAxeViolations(page);
  const duty = camhs.dependencies[0];
  await tabTo(page, page.getByRole("link", { name: "Add a dependency" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a dependency");
  await tabTo(page, page.getByLabel("Name", { exact: true }));
  await page.keyboard.type(duty.name);
  await tabTo(page, page.getByLabel("Council service", { exact: true }));
  await page.keyboard.press("ArrowDown"); // "Team"
  await tabTo(page, page.getByLabel("How would the change affect them?"));
  await page.keyboard.type(duty.effect);
  await tabTo(page, page.getByRole("group", { name: "Have they been consulted?" }).getByLabel("Yes"));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByLabel(/Note about consulting them/));
  await page.keyboard.type(duty.consultationNote!);
  await expect(page.getByLabel("Team", { exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
  await tabTo(page, continueButton(page));
  await page.keyboard.press("Enter");
  await expect(page.locator(".govuk-summary-card")).toContainText(duty.name);
  await expect(page.locator(".govuk-summary-card")).toContainText("Team");
  await continueButton(page).click();

  // 6. Mitigations: linked to the high risk.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mitigations");
  const training = camhs.mitigations[0];
  await page.getByRole("link", { name: "Add a mitigation" }).click();
  await page.getByLabel("What would the council do?").fill(training.action);
  await page.getByLabel("Who is responsible?").fill(training.owner);
  await fillDate(page, "By when?", inDays(200));
  await page.getByLabel(new RegExp(`^R1: ${waiting.description.slice(0, 20)}`)).check();
  await expectNoAxeViolations(page);
  await continueButton(page).click();
  await expect(page.locator(".govuk-summary-card")).toContainText("Risk R1");
  await expectNoAxeViolations(page);
  await continueButton(page).click();

  // 7. Equality: each characteristic in turn, then the aims of the duty.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Equality impact assessment");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Age", exact: true }).click();
  for (const [i, row] of camhs.equalityRows.entries()) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`What is the impact on ${characteristicLabel(DEFAULT_SETTINGS, row.characteristic)}?`);
    // The form's words for the rating, the same the public page shows (labels.ts).
    await page.getByLabel(EQUALITY_RATING_LABELS[row.rating!].label, { exact: true }).check();
    await page.getByLabel("What is the evidence?").fill(row.evidence!);
    if (row.rating === "negative") {
      await page.getByLabel(/why is it justified/).fill(row.justification ?? JUSTIFICATIONS[row.characteristic]);
    }
    if (row.rating === "unknown") await page.getByLabel(/how will the evidence be gathered/).fill(row.evidenceAction!);
    if (i === 0) await expectNoAxeViolations(page);
    await continueButton(page).click();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The aims of the equality duty");
  await page.getByLabel("Eliminating discrimination, harassment and victimisation", { exact: true }).fill(camhs.aimEliminateDiscrimination!);
  await page.getByLabel("Advancing equality of opportunity", { exact: true }).fill(camhs.aimAdvanceEquality!);
  await page.getByLabel("Fostering good relations", { exact: true }).fill(camhs.aimFosterRelations!);
  await page.getByLabel("Conclusion", { exact: true }).fill(camhs.equalityConclusion!);
  await expectNoAxeViolations(page);
  await continueButton(page).click();

  // 8. Documents: the business case, with one part withheld on a stated ground.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documents");
  await expectNoAxeViolations(page);
  await page.getByLabel("Title").fill("Business case: CAMHS social work restructure");
  await page.getByLabel("The internal business case").check();
  await page.getByLabel("Publish it with some parts withheld").check();
  await page.getByLabel("File").setInputFiles({ name: "business case.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload the document" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Business case: CAMHS social work restructure");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Record a withheld part" }).click();
  const part = camhs.documents[0].withheldParts[0];
  await page.getByLabel("What is withheld?").fill(part.part);
  await page.getByLabel("Legal ground").selectOption(part.ground);
  await page.getByLabel(/Why does the public interest/).fill(part.publicInterestNote);
  await fillDate(page, "When will withholding it be reviewed?", inDays(300));
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save the withheld part" }).click();
  await expect(page.locator("main")).toContainText("section 43");
  await page.getByRole("link", { name: "Back to the documents" }).click();
  await page.getByRole("link", { name: "Continue to the next section" }).click();

  // 9. Consultation plan: twelve weeks, opening in four weeks' time.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultation plan");
  await expectNoAxeViolations(page);
  await fillDate(page, "Opening date", inDays(28));
  await fillDate(page, "Closing date", inDays(28 + 84));
  await page.getByLabel("How people can respond", { exact: true }).fill(camhs.howToRespond!);
  await page.getByLabel("Other formats and help to respond", { exact: true }).fill(camhs.alternativeFormats!);
  await page.getByLabel("Events (optional)", { exact: true }).fill(camhs.events!);
  await continueButton(page).click();

  // 10. Staff and unions (a union not notified of anything else in the demo, so no other test's inbox changes).
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff and unions affected");
  await expectNoAxeViolations(page);
  await page.getByLabel(/^CAMHS social workers/).check();
  await page.getByLabel("Unite the Union").check();
  await continueButton(page).click();

  // 10 (continued). Redundancy and transfer: 12 posts at risk, dismissals more than 90 days
  // after the open CAMHS consultation's, so the two are not counted together.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Redundancy and transfer of staff");
  await expectNoAxeViolations(page);
  await page.getByLabel("Of the 12 posts affected, how many are proposed for redundancy?").fill("12");
  await checkIn(page, "Where do the staff at risk work?", /^Ashdown House/);
  await fillDate(page, "When would the first dismissal take effect?", inDays(28 + 84 + 200));
  await checkIn(page, "Would any staff transfer to or from another employer?", /^No: no staff would move/);
  await expect(page.getByTestId("collective-consultation")).toContainText("below the 20 at which collective consultation applies");
  await continueButton(page).click();

  // 11. Consultation questions.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultation questions");
  await page.getByRole("link", { name: "Add a question" }).click();
  await page.getByLabel("Question 1").fill(camhs.questions[0].question);
  await expectNoAxeViolations(page);
  await continueButton(page).click();
  await expectNoAxeViolations(page);
  await continueButton(page).click();

  // Check answers: the public view with Change links, and the gate clear.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before submitting the proposal");
  await expect(page.getByTestId("gate-clear")).toBeVisible();
  await expect(page.getByRole("link", { name: "Change summary in plain english" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Appendix D");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // Review: a different user approves it.
  await as(page, APPROVER);
  await page.goto("/staff");
  await expectNoAxeViolations(page);
  // The staff home links an approver straight to the review; the proposal page offers it too.
  await expect(page.getByRole("link", { name: TITLE }).first()).toHaveAttribute("href", /\/review$/);
  await page.goto(overview);
  await expect(page.getByTestId("gate-clear")).toBeVisible();
  await expectNoAxeViolations(page);
  await approveOnReview(page);
  await expect(page.getByText("Under union notice", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);
});

test("the drafter's own approval is refused", async ({ page }) => {
  test.setTimeout(180_000);
  await as(page, DRAFTING_APPROVER);
  await page.goto("/staff");
  await page.getByRole("link", { name: "Changes to garden waste collections in winter" }).first().click();
  await expect(page.locator(".govuk-warning-text")).toContainText("You drafted this proposal, so another approver must approve it");
  // The review says why, and offers no Approve (the server refuses it too: separation-of-duties.test.ts).
  await page.getByRole("link", { name: "Review the proposal" }).click();
  await expect(page.locator(".govuk-warning-text")).toContainText("You drafted this proposal, so another approver must approve it");
  await expect(page.getByRole("button", { name: "Approve for publication" })).toHaveCount(0);
  await expect(page.getByText("In review", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);
});

test("an edit to the open CAMHS consultation is published with its note, and the history shows the words that changed", async ({ page }) => {
  test.setTimeout(180_000);
  await as(page, OFFICER);
  await page.goto("/consultations/camhs-social-work/history");
  await expect(page.getByTestId("no-changes")).toBeVisible();

  await page.goto("/staff");
  await page.getByRole("link", { name: /^Changes to social work in Children and Young People's Mental Health Services/ }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Change the proposal" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Consultation plan" }).click();
  const events = page.getByLabel("Events (optional)", { exact: true });
  await events.fill(`${await events.inputValue()}\n\nAn extra online session for parents on a weekday evening.`);

  // Without a change note the edit is refused, and the text typed is kept.
  await continueButton(page).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Explain what you changed and why");
  await expect(events).toHaveValue(/extra online session/);
  await expectNoAxeViolations(page);
  await page.getByLabel("What did you change, and why?").fill("Added an online evening session for parents who cannot come in the day.");
  await checkIn(page, "Is this a material change?", "No");
  await continueButton(page).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff and unions affected");

  await page.goto("/consultations/camhs-social-work/history");
  const latest = page.getByTestId("versions").locator("li").first();
  await expect(latest.getByRole("heading", { level: 2 })).toContainText("Version 2");
  await expect(latest).toContainText("Added an online evening session for parents");
  await expect(latest.locator("ins")).toContainText("extra online session for parents");
  await expect(latest.getByRole("heading", { name: "How to have your say" })).toBeVisible();
  await expectNoAxeViolations(page);
});
