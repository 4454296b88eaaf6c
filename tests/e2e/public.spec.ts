import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./support";

test("a visitor goes from the list to the CAMHS consultation and sees its risks and equality grid", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("This is a demonstration site")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: /social work in Children and Young People's Mental Health Services/ }).click();
  await expect(page).toHaveURL(/\/consultations\/camhs-social-work$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("CAMHS");

  // The figures the criticised original left out.
  const main = page.locator("main");
  await expect(main).toContainText("12 social work posts");
  await expect(main).toContainText("450");

  const risks = page.getByRole("table", { name: /Risks, how likely/ });
  await expect(risks).toBeVisible();
  expect(await risks.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
  await expect(risks).toContainText(/wait/i);

  const equality = page.getByRole("table", { name: /protected characteristic/ });
  await expect(equality).toBeVisible();
  for (const characteristic of ["Age", "Disability", "Race", "Sex", "Carers"]) {
    await expect(equality.getByRole("rowheader", { name: characteristic, exact: true })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("the ICT partnership shows what was withheld from its business case, and on what ground", async ({ page }) => {
  await page.goto("/consultations/ict-strategic-partnership");
  await expect(page.locator("main")).toContainText("Appendix D");
  await expect(page.locator("main")).toContainText("section 43");
  await expectNoAxeViolations(page);
});

test("drafts, embargoed proposals and made-up addresses all answer the same 404", async ({ page, request }) => {
  for (const slug of ["youth-service-draft", "parks-reopening", "garden-waste-collections", "no-such-consultation"]) {
    const response = await request.get(`/consultations/${slug}`);
    expect(response.status(), slug).toBe(404);
  }
  const draft = await (await request.get("/consultations/youth-service-draft")).text();
  const missing = await (await request.get("/consultations/no-such-consultation")).text();
  // Nothing in the page tells a guessed draft from an address that never existed.
  const strip = (html: string) => html.replace(/no-such-consultation|youth-service-draft/g, "SLUG").replace(/nonce="[^"]*"/g, "");
  expect(strip(draft)).toEqual(strip(missing));

  await page.goto("/consultations/youth-service-draft");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectNoAxeViolations(page);
});

test("every public page passes axe, and bad query parameters are ignored, not errors", async ({ page, request }) => {
  for (const path of ["/consultations", "/consultations?status=open", "/consultations?status=closed", "/consultations?status=concluded", "/consultations/library-opening-hours", "/accessibility", "/privacy"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
  for (const path of ["/consultations?status=<script>", "/consultations?page=-3", "/consultations?page=abc&status=open", "/consultations?page=99999"]) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
  expect((await request.get("/healthz")).status()).toBe(200);
});

test("staff sign-in: one message for wrong credentials; the right ones open the staff area", async ({ page }) => {
  // The page's scripts must run under the nonce-based CSP: no violations, and the client
  // sets the "Error: " title after a failed sign-in (that is hydration working).
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto("/staff/sign-in");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill("nobody@northmoor.example");
  await page.getByLabel("Password", { exact: true }).fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Enter a correct email address and password");
  await expect(page).toHaveTitle(/^Error: /);

  await signIn(page, "approver@northmoor.example", "demo-approver-2026");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Proposals");
  await expectNoAxeViolations(page);
  expect(cspViolations).toEqual([]);
});
