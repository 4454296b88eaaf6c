import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
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

test("drafts, proposals in review and under union notice answer exactly the 404 a made-up address gets", async ({ page, request, server }) => {
  // Read from this server's database, and check the demo still has each state: a renamed
  // fixture fails here, loudly, instead of turning the checks below into checks of missing pages.
  const db = new Database(server.databasePath, { readonly: true });
  const hidden = db.prepare("SELECT slug, state FROM proposals WHERE state IN ('draft', 'in_review', 'union_notice', 'scheduled') ORDER BY id").all() as { slug: string; state: string }[];
  db.close();
  expect(new Set(hidden.map((p) => p.state))).toEqual(new Set(["draft", "in_review", "union_notice"]));

  const body = async (slug: string) => {
    const response = await request.get(`/consultations/${slug}`);
    expect(response.status(), slug).toBe(404);
    // Nothing but the address itself and the per-response nonce may differ.
    return (await response.text()).replaceAll(slug, "SLUG").replace(/nonce="[^"]*"/g, "");
  };
  const missing = await body("no-such-consultation");
  for (const { slug } of hidden) expect(await body(slug), slug).toEqual(missing);

  await page.goto(`/consultations/${hidden[0].slug}`);
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
