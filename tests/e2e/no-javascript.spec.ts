/**
 * Less to send (issue 13; decision 019): the public pages a resident reads send no script at
 * all (no client bundle, no module preloads, no hydration payload), and the forms a resident
 * fills in work with JavaScript turned off, as GOV.UK services do: search, email updates, a
 * request for another format, answering the questions and commenting.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signUpResident } from "./responses-support";
import { expectNoAxeViolations } from "./support";

const SLUG = "camhs-social-work";
const CONSULTATION = `/consultations/${SLUG}`;

/** What a page would need to run scripts: any script element, a module preload, Remix's context. */
function scriptsIn(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>|<link[^>]+rel="modulepreload"[^>]*>|__remixContext|__remixManifest/g)].map((m) => m[0]);
}

async function withoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

test("the home page, the list, a consultation and its reading pages send no script to an anonymous reader", async ({ request, page }) => {
  const pages = ["/", "/consultations", "/consultations?status=open", CONSULTATION, `${CONSULTATION}/easy-read`, `${CONSULTATION}/history`, `${CONSULTATION}/comments`, "/search?q=social+work", "/house-rules", "/no-such-page"];
  for (const path of pages) {
    const response = await request.get(path);
    const html = await response.text();
    // Each page is the page (not an empty shell), and carries nothing to run.
    expect(html, path).toContain('<main class="govuk-main-wrapper');
    expect(scriptsIn(html), path).toEqual([]);
  }
  // The consultation page is whole without a script: its risks, equality grid and comments are in the HTML.
  const camhs = await (await request.get(CONSULTATION)).text();
  expect(camhs).toContain("Comments on the proposal");
  expect(camhs).toMatch(/id="risk-R1"/);

  // Pages with a form keep their scripts (checks as you type, focus on the error summary).
  for (const path of ["/subscribe", `${CONSULTATION}/formats`, "/respondents/sign-in"]) {
    expect(scriptsIn(await (await request.get(path)).text()).some((s) => s.includes('type="module"')), path).toBe(true);
  }

  // In a browser with JavaScript on, the page without scripts reads the same and passes axe.
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(CONSULTATION);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/social work/i);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Consultations", exact: true }).first().click();
  await expect(page).toHaveURL(/\/consultations$/);
  expect(errors).toEqual([]);
});

test("with JavaScript off, a resident searches, subscribes and asks for another format", async ({ browser }) => {
  const page = await withoutJavaScript(browser);

  await page.goto("/search");
  await page.getByLabel("Search consultations and comments").fill("social work");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=social\+work/);
  await expect(page.getByRole("main").getByRole("link", { name: /social work/i }).first()).toBeVisible();

  await page.goto("/subscribe");
  await page.getByRole("button", { name: "Subscribe" }).click();
  // Refused by the server, with the error summary, and nothing else changes.
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await page.getByLabel("Email address").fill("no.script@example.org");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  await page.goto(`${CONSULTATION}/formats`);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await page.getByLabel("Large print").check();
  await page.getByLabel("Your name").fill("Dilys Pemberton");
  await page.getByLabel("Postal address (optional)").fill("12 Mill Lane\nNorthmoor NM2 5RB");
  await page.getByRole("button", { name: "Send request" }).click();
  await page.waitForURL(/\/formats\?sent=AF-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request sent");
});

test("with JavaScript off, a resident signs in by email, answers the questions and comments", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await withoutJavaScript(browser);
  await page.goto(CONSULTATION);
  await page.getByRole("link", { name: "Respond to this consultation" }).click();
  await signUpResident(page, "no.script.resident@example.org", { name: "Robin Hartley", showName: true, respondingAs: "individual" });

  await expect(page).toHaveURL(new RegExp(`${CONSULTATION}/respond$`));
  await page.getByRole("button", { name: "Send your response" }).click();
  await expect(page.getByRole("alert")).toContainText("Answer at least one question");
  await page.getByRole("group", { name: /How much do you agree or disagree/ }).getByLabel("Agree", { exact: true }).check();
  await page.getByLabel("Tell us why (optional)").fill("Fewer agency staff should mean the same worker stays with a family.");
  await page.getByRole("button", { name: "Send your response" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Response received");
  await expect(page.locator(".govuk-summary-list")).toContainText("Agree");

  const comment = "Please say how many families changed social worker more than twice last year, so we can compare after the change.";
  await page.goto(`${CONSULTATION}/comments`);
  await page.getByLabel("Your comment on the proposal").fill(comment);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Your comment has been posted.")).toBeVisible();
  await expect(page.locator("main")).toContainText(comment);
});

test("with JavaScript off, anyone reports a comment: refused empty with the error summary, then sent", async ({ browser }) => {
  const page = await withoutJavaScript(browser);
  await page.goto(`${CONSULTATION}/comments/1`);
  await page.locator("main").getByRole("link", { name: /^Report/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Report a comment" })).toBeVisible();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await page.getByLabel("Do not abuse or harass anyone").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Thank you for your report.")).toBeVisible();
});
