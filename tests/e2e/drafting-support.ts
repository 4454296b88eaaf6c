/**
 * Drafting a whole proposal in the browser, by mouse, for a spec whose subject comes after the
 * drafting (the staff workflow): the CAMHS proposal of tests/fixtures/proposals.ts, every section
 * through its form, up to the check answers page with the gate clear. drafting.spec.ts walks the
 * same forms with their refusals, axe and the keyboard; this walks them plainly.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { parse } from "yaml";
import { DEFAULT_SETTINGS, characteristicLabel } from "../../app/lib/settings";
import { EQUALITY_RATING_LABELS } from "../../app/proposals/labels";
import { renderPdf } from "../../db/content";
import { completeProposal } from "../fixtures/proposals";

export function inDays(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

export async function fillDate(page: Page, legend: string, date: { day: string; month: string; year: string }) {
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(date.day);
  await group.getByLabel("Month").fill(date.month);
  await group.getByLabel("Year").fill(date.year);
}

const inGroup = (page: Page, legend: string | RegExp, label: string | RegExp) => page.getByRole("group", { name: legend }).getByLabel(label, { exact: typeof label === "string" }).check();
// "Continue": a button on a form, a link (styled as a button) on a list of rows.
const next = (page: Page) => page.getByRole("button", { name: "Continue", exact: true }).or(page.getByRole("link", { name: "Continue", exact: true })).click();
const heading = (page: Page, text: string) => expect(page.getByRole("heading", { level: 1 })).toHaveText(text);

/** Each negative equality impact with no mitigation linked gets a justification of its own. */
const JUSTIFICATIONS: Record<string, string> = {
  age: "Trained clinicians will see children aged 13 to 17 first, and the Head of CAMHS will report waiting times by age every month.",
  disability: "Clinicians will keep home visits and easy-read letters for disabled children, and the CAMHS Operations Manager will check this each quarter.",
  care_experienced: "A named duty social worker will review every open case of a child in care each week from the first day of the change.",
};

/**
 * From the staff home of an officer of the CAMHS service: start a proposal with this title and
 * fill every section, ending on the check answers page with nothing left for the gate.
 */
export async function draftCamhsProposal(page: Page, title: string, leadOfficer: string) {
  const camhs = completeProposal();
  const easyRead: string = parse(fs.readFileSync(path.resolve("content/consultations/camhs-social-work.yaml"), "utf8")).easyReadSummary;

  await page.goto("/staff");
  await page.getByRole("link", { name: "Start a new proposal" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Lead officer").fill(leadOfficer);
  await page.getByRole("button", { name: "Start the proposal" }).click();
  await heading(page, title);

  await page.getByRole("link", { name: "Summary in plain English" }).click();
  await page.getByLabel("Summary in plain English").fill(camhs.summary!);
  await next(page);
  await heading(page, "Easy read summary");
  await page.getByLabel("Easy read summary").fill(easyRead);
  await next(page);

  await heading(page, "Full details");
  const details: [string, string][] = [
    ["What will change", camhs.whatChanges!],
    ["Why the change is needed", camhs.whyChange!],
    ["The service now", camhs.currentService!],
    ["The service after the change", camhs.proposedService!],
    ["Timeline", camhs.timeline!],
    ["What has already been decided", camhs.alreadyDecided!],
    ["What is open to change", camhs.openToChange!],
  ];
  for (const [label, text] of details) await page.getByLabel(label, { exact: true }).fill(text);
  await next(page);

  await heading(page, "Options considered");
  for (const option of camhs.options.slice(0, 2)) {
    await page.getByRole("link", { name: /^Add (an|another) option$/ }).click();
    await page.getByLabel("Name of the option").fill(option.title);
    await page.getByLabel("What the option is", { exact: true }).fill(option.description);
    await inGroup(page, "Is this the option the council is proposing?", option.isProposed ? "Yes, this is the proposal" : "No, it was considered and rejected");
    if (!option.isProposed) await page.getByLabel("If it was rejected, why?", { exact: true }).fill(option.rejectedBecause!);
    await next(page);
    await heading(page, "Options considered");
  }
  await expect(page.locator(".govuk-summary-card")).toHaveCount(2);
  await next(page);

  await heading(page, "Impact figures");
  await page.getByLabel("Staff posts affected").fill("12");
  await page.getByLabel("Full-time equivalent (FTE) of those posts").fill("11.4");
  await expect(page.getByLabel(/Posts in the whole service/)).toHaveValue("48");
  await page.getByLabel("Service users affected a year").fill("620");
  await page.getByLabel("The activity affected").fill(camhs.activityDescription!);
  await page.getByLabel("How much of that activity a year").fill("450");
  await page.getByLabel("It would save money").check();
  await page.getByLabel(/Amount a year/).fill("540,000");
  await next(page);

  await heading(page, "Risks");
  const [waiting, , , partners] = camhs.risks;
  for (const risk of [waiting, partners]) {
    await page.getByRole("link", { name: /^Add (a|another) risk$/ }).click();
    await page.getByLabel("What could go wrong?").fill(risk.description);
    await page.getByLabel("Who would bear it?").fill(risk.whoBears);
    await inGroup(page, "How likely is it?", new RegExp(`^${risk.likelihood}:`));
    await inGroup(page, "How much harm would it do?", new RegExp(`^${risk.impact}:`));
    if (risk.acceptanceReason) await page.getByLabel(/why is the risk accepted/).fill(risk.acceptanceReason);
    await next(page);
    await heading(page, "Risks");
  }
  await next(page);

  await heading(page, "Dependencies");
  const duty = camhs.dependencies[0];
  await page.getByRole("link", { name: "Add a dependency" }).click();
  await page.getByLabel("Name", { exact: true }).fill(duty.name);
  await page.getByLabel("Team", { exact: true }).check();
  await page.getByLabel("How would the change affect them?").fill(duty.effect);
  await inGroup(page, "Have they been consulted?", "Yes");
  await page.getByLabel(/Note about consulting them/).fill(duty.consultationNote!);
  await next(page);
  await expect(page.locator(".govuk-summary-card")).toContainText(duty.name);
  await next(page);

  await heading(page, "Mitigations");
  const training = camhs.mitigations[0];
  await page.getByRole("link", { name: "Add a mitigation" }).click();
  await page.getByLabel("What would the council do?").fill(training.action);
  await page.getByLabel("Who is responsible?").fill(training.owner);
  await fillDate(page, "By when?", inDays(200));
  await page.getByLabel(new RegExp(`^R1: ${waiting.description.slice(0, 20)}`)).check();
  await next(page);
  await expect(page.locator(".govuk-summary-card")).toContainText("Risk R1");
  await next(page);

  await heading(page, "Equality impact assessment");
  await page.getByRole("link", { name: "Age", exact: true }).click();
  for (const row of camhs.equalityRows) {
    await heading(page, `What is the impact on ${characteristicLabel(DEFAULT_SETTINGS, row.characteristic)}?`);
    await page.getByLabel(EQUALITY_RATING_LABELS[row.rating!].label, { exact: true }).check();
    await page.getByLabel("What is the evidence?").fill(row.evidence!);
    if (row.rating === "negative") await page.getByLabel(/why is it justified/).fill(row.justification ?? JUSTIFICATIONS[row.characteristic]);
    if (row.rating === "unknown") await page.getByLabel(/how will the evidence be gathered/).fill(row.evidenceAction!);
    await next(page);
  }
  await heading(page, "The aims of the equality duty");
  await page.getByLabel("Eliminating discrimination, harassment and victimisation", { exact: true }).fill(camhs.aimEliminateDiscrimination!);
  await page.getByLabel("Advancing equality of opportunity", { exact: true }).fill(camhs.aimAdvanceEquality!);
  await page.getByLabel("Fostering good relations", { exact: true }).fill(camhs.aimFosterRelations!);
  await page.getByLabel("Conclusion", { exact: true }).fill(camhs.equalityConclusion!);
  await next(page);

  // The business case, published whole (a real one: the gate refuses a file too small to be one).
  await heading(page, "Documents");
  const caseTitle = `Business case: ${title}`;
  await page.getByLabel("Title").fill(caseTitle);
  await page.getByLabel("The internal business case").check();
  await page.getByLabel("Publish it in full").check();
  await page.getByLabel("File").setInputFiles({ name: "business case.pdf", mimeType: "application/pdf", buffer: renderPdf(caseTitle, [camhs.summary!, camhs.whatChanges!, camhs.whyChange!]) });
  await page.getByRole("button", { name: "Upload the document" }).click();
  await expect(page.locator(".govuk-summary-card__title")).toHaveText(caseTitle);
  await page.getByRole("link", { name: "Continue to the next section" }).click();

  await heading(page, "Consultation plan");
  await fillDate(page, "Opening date", inDays(28));
  await fillDate(page, "Closing date", inDays(28 + 84));
  await page.getByLabel("How people can respond", { exact: true }).fill(camhs.howToRespond!);
  await page.getByLabel("Other formats and help to respond", { exact: true }).fill(camhs.alternativeFormats!);
  await page.getByLabel("Events (optional)", { exact: true }).fill(camhs.events!);
  await next(page);

  await heading(page, "Staff and unions affected");
  await page.getByLabel(/^CAMHS social workers/).check();
  await page.getByLabel("Unite the Union").check();
  await next(page);

  // Dismissals more than 90 days after the open CAMHS consultation's, so the two are not counted together.
  await heading(page, "Redundancy and transfer of staff");
  await page.getByLabel("Of the 12 posts affected, how many are proposed for redundancy?").fill("12");
  await inGroup(page, "Where do the staff at risk work?", /^Ashdown House/);
  await fillDate(page, "When would the first dismissal take effect?", inDays(28 + 84 + 200));
  await inGroup(page, "Would any staff transfer to or from another employer?", /^No: no staff would move/);
  await next(page);

  await heading(page, "Consultation questions");
  await page.getByRole("link", { name: "Add a question" }).click();
  await page.getByLabel("Question 1").fill(camhs.questions[0].question);
  await next(page);
  await expect(page.locator(".govuk-summary-card")).toContainText(camhs.questions[0].question);
  await next(page);

  await heading(page, "Check your answers before submitting the proposal");
  await expect(page.getByTestId("gate-clear")).toBeVisible();
}
