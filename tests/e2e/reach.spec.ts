/**
 * Reaching everyone affected (issue 14), in the browser on the demo council:
 * - a resident asks for a large-print copy of the CAMHS consultation (an empty form is refused
 *   first); an officer finds it in the queue and marks it sent; the public page counts it;
 * - the paper pack passes axe, and Chromium's print-to-PDF of it holds every section of the
 *   consultation, the questions, the postal address, the closing date and the reference to quote
 *   (read back from the PDF with pdf.js's text extraction), and none of the site's menus.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "yaml";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signIn } from "./support";

const SLUG = "camhs-social-work";
const CONSULTATION = `/consultations/${SLUG}`;
const OFFICER = "officer@northmoor.example";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const password = (email: string) => accounts.find((a) => a.email === email)!.password;

/** The sentence on the public page about requests for other formats, as its numbers. */
async function formatCounts(page: import("@playwright/test").Page): Promise<{ asked: number; sent: number }> {
  await page.goto(CONSULTATION);
  const text = (await page.getByTestId("format-counts").textContent()) ?? "";
  const asked = Number(/(\d+) (?:people|person) asked/.exec(text)?.[1]);
  const all = /All (\d+) were sent|It was sent/.exec(text);
  const sent = all ? (all[1] ? Number(all[1]) : 1) : Number(/(\d+) of \d+ (?:has|have) been sent/.exec(text)?.[1]);
  expect(Number.isInteger(asked) && Number.isInteger(sent), `counts in: ${text}`).toBe(true);
  return { asked, sent };
}

test("a resident asks for large print, an officer marks it sent, and the public page counts it", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const before = await formatCounts(page);

  // The resident follows the link from the consultation page.
  await page.getByRole("link", { name: /Ask for large print/ }).click();
  await page.waitForURL(/\/formats$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ask for this consultation in another format");
  await expectNoAxeViolations(page);

  // Nothing chosen: the page says what is missing.
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  await page.getByLabel("Large print").check();
  await page.getByLabel("Your name").fill("Maureen Ashby");
  await page.getByLabel("Postal address (optional)").fill("7 Canal Row\nNorthmoor NM3 4QT");
  await page.getByLabel("Anything else we should know (optional)").fill("24 point, please.");
  await page.getByRole("button", { name: "Send request" }).click();
  // A navigation: waited for without the 5 seconds an assertion allows, which a busy machine can take.
  await page.waitForURL(/\/formats\?sent=AF-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request sent");
  const reference = (await page.getByTestId("format-reference").textContent())!.trim();
  expect(reference).toMatch(/^AF-[2-9A-HJKMNP-Z]{6}$/);
  await expectNoAxeViolations(page);

  const asked = await formatCounts(page);
  expect(asked).toEqual({ asked: before.asked + 1, sent: before.sent });

  // The officer who runs the consultation finds it in the queue and sends it.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signIn(officer, OFFICER, password(OFFICER));
  await officer.goto("/staff/formats");
  await expectNoAxeViolations(officer);
  const row = officer.getByTestId(`format-request-${reference}`);
  await expect(row).toContainText("Large print");
  await expect(row).toContainText("Received");
  await row.getByRole("link", { name: reference }).click();
  await officer.waitForURL(/\/staff\/formats\/\d+$/);
  await expect(officer.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(officer.locator("main")).toContainText("Maureen Ashby");
  await expect(officer.locator("main")).toContainText("24 point, please.");
  await expectNoAxeViolations(officer);

  // "Sent" without a date is refused with a message.
  await officer.getByLabel("Sent", { exact: true }).check();
  await officer.getByRole("button", { name: "Save" }).click();
  await expect(officer.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(officer.getByRole("alert")).toContainText("Enter the date it was sent");

  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(new Date());
  const part = (type: string) => today.find((p) => p.type === type)!.value;
  await officer.getByLabel("Sent", { exact: true }).check();
  await officer.getByLabel("Day").fill(part("day"));
  await officer.getByLabel("Month").fill(part("month"));
  await officer.getByLabel("Year").fill(part("year"));
  await officer.getByRole("button", { name: "Save" }).click();
  await officer.waitForURL(/\?saved=1$/);
  await expect(officer.getByText("The request was updated.")).toBeVisible();
  await expect(officer.getByTestId("format-status")).toHaveText("Sent");
  await officerContext.close();

  // The public page now counts it as met.
  const met = await formatCounts(page);
  expect(met).toEqual({ asked: before.asked + 1, sent: before.sent + 1 });
});

test("a malformed request for another format gets a 4xx, not a 500", async ({ request }) => {
  const forms: Record<string, string>[] = [{}, { format: "smoke_signals", name: "X" }, { format: "large_print", name: "x".repeat(5000), postalAddress: "1 Road" }];
  for (const form of forms) {
    const res = await request.post(`${CONSULTATION}/formats`, { form, maxRedirects: 0 });
    expect(res.status(), JSON.stringify(form).slice(0, 80)).toBeGreaterThanOrEqual(400);
    expect(res.status()).toBeLessThan(500);
  }
  // A consultation still in draft has no form at all.
  const draft = await request.get("/consultations/youth-service-review/formats");
  expect(draft.status()).toBe(404);
});

test("the paper pack passes axe and its PDF holds every section, the questions, the address, the closing date and the reference", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(CONSULTATION);
  await page.getByRole("link", { name: /Print this consultation/ }).click();
  await page.waitForURL(new RegExp(`${CONSULTATION}/print$`));
  await expectNoAxeViolations(page);
  const reference = (await page.getByTestId("reference").textContent())!.trim();
  expect(reference).toMatch(/^NMC-/);

  // Every heading on the page (each section of the consultation, the form's questions, the
  // monitoring page): at least the consultation's eleven sections and the two forms.
  // (As printed: text for screen readers only is left out.)
  const headings = (
    await page
      .locator("main")
      .locator("h1, h2, h3")
      .evaluateAll((els) =>
        els.map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelectorAll(".govuk-visually-hidden").forEach((hidden) => hidden.remove());
          return copy.textContent ?? "";
        }),
      )
  )
    .map((h) => h.trim())
    .filter(Boolean);
  for (const section of ["Summary", "The proposal in full", "Options considered", "The change in numbers", "Risks", "Services and partners affected", "How the risks and impacts would be reduced", "Equality impact assessment", "Documents", "How to have your say", "Staff and unions", "Your response", "Equality monitoring (optional)"]) {
    expect(headings).toContain(section);
  }

  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  expect(doc.numPages).toBeGreaterThan(3);
  let text = "";
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((i) => ("str" in i ? i.str + (i.hasEOL ? "\n" : " ") : "")).join("") + "\n";
  }
  await doc.destroy();
  // Words wrap and PDF text comes in runs: compare with all whitespace folded.
  // On paper each link is followed by where it goes, "(http://…)": set those aside to compare
  // with the headings on screen, after checking the documents' addresses are written out in full.
  const folded = text.replace(/\s+/g, " ");
  expect(folded).toMatch(/business case \(https?:\/\/[^)]*documents\/\d+\)/);
  const flat = folded.replace(/ ?\((?:https?:\/\/|\/)[^)]*\)/g, "");
  const has = (s: string) => expect(flat, `the PDF should contain “${s}”`).toContain(s.replace(/\s+/g, " "));

  has("Changes to social work in Children and Young People");
  for (const h of headings) has(h);
  // The questions, each with space to write, the address to send it to, the closing date and the reference.
  const camhs = parse(fs.readFileSync(path.resolve("content/consultations/camhs-social-work.yaml"), "utf8")) as { questions: (string | { question: string })[] };
  // A question is its text, or (for a question about the respondent's own circumstances) an object.
  camhs.questions.forEach((q, i) => has(`Question ${i + 1}: ${typeof q === "string" ? q : q.question}`));
  has("FREEPOST NORTHMOOR COUNCIL");
  has("Northmoor NM1 1AA");
  has("Send your response by the end of");
  has(`Please quote ${reference} on your response.`);
  has("Equality monitoring (optional)");
  // The risks and the equality rows themselves, not only their headings.
  has("Girls were 64% of the children");
  has("the median wait could rise from 9 weeks to 13");
  // Wide tables fit the sheet: their last columns are printed whole, not cut off at the margin.
  has("How it is addressed");
  has("We accept this risk without a separate action.");
  has("Mitigated by Mitigation M3 and Mitigation M4");
  // Not the website's menus or footer.
  expect(flat).not.toContain("Staff sign in");
  expect(flat).not.toContain("Print this consultation or save it as a PDF");
});

test("every new page passes axe: easy read, the staff queue and forms, paper packs, the easy read editor, who responded", async ({ page, server }) => {
  test.setTimeout(240_000);
  const database = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  const id = (database.prepare("SELECT id FROM proposals WHERE slug = ?").get(SLUG) as { id: number }).id;
  database.close();

  await page.goto(`${CONSULTATION}/easy-read`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CAMHS");
  await expect(page.locator("main")).toContainText("12 social workers");
  await expectNoAxeViolations(page);

  await signIn(page, OFFICER, password(OFFICER));
  for (const [path, heading] of [
    ["/staff/formats/new", /request/i],
    ["/staff/formats?show=all", /other formats/i],
    [`/staff/proposals/${id}/paper-packs`, /paper/i],
    [`/staff/proposals/${id}/summary/easy-read`, /easy read/i],
    [`/staff/responses/${id}`, /.+/],
    [`/staff/responses/${id}/monitoring`, /.+/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page);
  }
  // The staff response view compares who responded with the borough, small numbers hidden.
  await page.goto(`/staff/responses/${id}`);
  await expect(page.locator("main")).toContainText("fewer than 5");
});
