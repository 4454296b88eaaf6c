import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { REVIEW_CHECKLIST } from "../../app/proposals/review-checklist";
import { AXE_TAGS } from "./a11y-support";

/**
 * The class names and inline styles this worker has already seen on a page whose colour contrast
 * axe checked: what gives text and backgrounds their colours.
 */
const contrastChecked = new Set<string>();

/** Marks, for the moment of one check, the elements that carry a class or style not yet contrast-checked. */
const UNCHECKED = "data-contrast-unchecked";

/**
 * WCAG 2.2 AA (and the rules below it): no violations on the page as it is now.
 *
 * Colour contrast is by far axe's slowest rule (about 80% of a run on a long consultation page)
 * and depends on the styles in play, not on the words. The journeys run every other rule on the
 * whole page on every call, and colour contrast on the parts of the page (each element and what
 * it contains) that carry a class or an inline style not yet contrast-checked in this worker: a new
 * component or a new state such as an error, with whatever sits inside it. accessibility.spec.ts
 * and accessibility-staff.spec.ts run every rule on the whole of every page they visit (decision
 * record 012, "Speed").
 */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).disableRules(["color-contrast"]).analyze();
  const unchecked = await page.evaluate(
    ({ known, mark }) => {
      const checked = new Set(known);
      const fresh = new Set<string>();
      for (const element of document.querySelectorAll("[class], [style]")) {
        const tokens = [...element.classList].map((name) => `.${name}`);
        const style = element.getAttribute("style");
        if (style) tokens.push(`style=${style}`);
        const unseen = tokens.filter((token) => !checked.has(token));
        if (unseen.length === 0) continue;
        element.setAttribute(mark, "");
        unseen.forEach((token) => fresh.add(token));
      }
      return [...fresh];
    },
    { known: [...contrastChecked], mark: UNCHECKED },
  );
  const violations = [...results.violations];
  if (unchecked.length > 0) {
    try {
      const contrast = await new AxeBuilder({ page }).include(`[${UNCHECKED}]`).withRules(["color-contrast"]).analyze();
      violations.push(...contrast.violations);
    } finally {
      await page.evaluate((mark) => document.querySelectorAll(`[${mark}]`).forEach((e) => e.removeAttribute(mark)), UNCHECKED);
    }
  }
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  unchecked.forEach((token) => contrastChecked.add(token));
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  // Wait until the session is really gone, or the next sign-in races the redirect.
  await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();
}

/**
 * On a proposal's staff page or its review (the staff home links an approver straight to the
 * review): confirm every check on the approver's checklist, approve.
 */
export async function approveOnReview(page: Page) {
  // Wait for the click that brought us here to land, on the proposal page or on the review.
  await expect(page).toHaveURL(/\/staff\/proposals\/[^/]+(\/review)?$/);
  if (!/\/review$/.test(new URL(page.url()).pathname)) await page.getByRole("link", { name: "Review the proposal" }).click();
  await expect(page).toHaveURL(/\/review$/);
  for (const item of REVIEW_CHECKLIST) await page.getByLabel(item.label).check();
  await page.getByRole("button", { name: "Approve for publication" }).click();
  await expect(page.getByText(/Approved\./)).toBeVisible();
}

/** The newest demo-inbox email to `to` whose subject matches; returns the link in it to `path` (which must point at this server). */
export async function linkInEmail(page: Page, to: string, subject: RegExp | string, path: string): Promise<string> {
  const row = page.getByTestId("inbox").getByRole("row").filter({ hasText: to }).filter({ has: page.getByRole("link", { name: subject }) });
  // The worker delivers the outbox in its own time: look again until the email is there.
  await expect(async () => {
    await page.goto("/staff/admin/inbox");
    await expect(row.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await row.first().getByRole("link", { name: subject }).click();
  const body = page.getByTestId("email-body");
  const href = await body.getByRole("link", { name: new RegExp(path.replace(/\//g, "\\/")) }).getAttribute("href");
  // The link reaches this server, on the address it printed: no BASE_URL is set for it.
  expect(new URL(href!).origin).toBe(new URL(page.url()).origin);
  return new URL(href!).pathname;
}

/** As an admin: invite a member of staff from the accounts page, with one role (and a service for an officer). */
export async function invite(page: Page, who: { name: string; email: string }, role: string, service?: string) {
  await page.goto("/staff/admin/users");
  await page.getByRole("link", { name: "Invite a member of staff" }).click();
  await page.getByLabel("Full name").fill(who.name);
  await page.getByLabel("Email address").fill(who.email);
  await page.getByRole("checkbox", { name: role }).check();
  if (service) await page.getByLabel("Service", { exact: true }).selectOption({ label: service });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${who.email}`);
}
