/**
 * WCAG 2.2 AA on the staff and union rep pages, walked as each demo role with the demo data
 * (issue 14 item 7; issue 9 item 7 for staff tables and long addresses at 320 pixels): axe finds
 * nothing, and each page reflows at 320 CSS pixels (no sideways scrolling of the page, and no
 * table scrolling inside it except the two-dimensional risk matrix; tests/e2e/a11y-support.ts).
 *
 * One page of each kind, not every proposal: a proposal's task list and its forms (a risk, an
 * equality row), check answers, the approver's review, the responses, the union notice as staff
 * and as the rep, the moderation queue and an item in it, challenges, the outcome and decision,
 * the format requests, and the admin's users, invitation, settings and demo inbox. Lean on purpose
 * (about 25 pages): the public walk in accessibility.spec.ts covers what the roles share. Pages reached through a
 * list (a moderation item, a challenge) are found by following the list's first link, so the
 * walk does not depend on seeded ids it cannot see.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { parse } from "yaml";
import { checkPage } from "./a11y-support";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;
const as = (page: Page, email: string) => signIn(page, email, accounts.find((a) => a.email === email)!.password);

// The demo proposals by id (content/consultations, seeded in this order).
const CAMHS = 2; // open, drafted by the officer
const GARDEN_WASTE = 3; // in review: the approver's review
const LIBRARY = 5; // decided: outcome and decision
const PARKS = 6; // under union notice
const PARKS_SLUG = "reopening-a-closed-park";

/** The first link on `from` whose address matches `pattern` (an item in a queue, say). */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${from}`).toBeTruthy();
  return href!;
}

async function walk(page: Page, urls: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const url of urls) problems.push(...(await checkPage(page, url)));
  return problems;
}


test("officer: home, task list, forms, check answers, responses, formats", async ({ page }) => {
  test.setTimeout(180_000);
  await as(page, "officer@northmoor.example");
  const risk = await firstLink(page, `/staff/proposals/${CAMHS}/risks`, /\/risks\/\d+$/);
  const problems = await walk(page, ["/staff", `/staff/proposals/${CAMHS}`, risk, `/staff/proposals/${CAMHS}/equality/age`, `/staff/proposals/${CAMHS}/check`, `/staff/proposals/${CAMHS}/responses`, "/staff/formats"]);
  expect(problems).toEqual([]);
});

test("approver: the review and the union notice", async ({ page }) => {
  test.setTimeout(120_000);
  await as(page, "approver@northmoor.example");
  const problems = await walk(page, [`/staff/proposals/${GARDEN_WASTE}/review`, `/staff/notices/${PARKS}`]);
  expect(problems).toEqual([]);
});

test("moderator: the queue, an item, challenges", async ({ page }) => {
  test.setTimeout(120_000);
  await as(page, "moderator@northmoor.example");
  const item = await firstLink(page, "/staff/moderation", /^\/staff\/moderation\/\d+$/);
  const challenge = await firstLink(page, "/staff/challenges", /^\/staff\/challenges\/\d+$/);
  const problems = await walk(page, [item, "/staff/challenges", challenge]);
  expect(problems).toEqual([]);
});

test("decision maker: the outcome and the decision", async ({ page }) => {
  test.setTimeout(120_000);
  await as(page, "decisions@northmoor.example");
  const problems = await walk(page, [`/staff/proposals/${LIBRARY}/outcome`, `/staff/proposals/${LIBRARY}/decision`]);
  expect(problems).toEqual([]);
});

test("admin: users, an invitation, settings, the demo inbox", async ({ page }) => {
  test.setTimeout(180_000);
  await as(page, "admin@northmoor.example");
  const user = await firstLink(page, "/staff/admin/users", /^\/staff\/admin\/users\/\d+$/);
  const message = await firstLink(page, "/staff/admin/inbox", /^\/staff\/admin\/inbox\/\d+$/);
  const problems = await walk(page, ["/staff/admin/users", user, "/staff/admin/users/invite", "/staff/admin/settings/council", "/staff/admin/inbox", message]);
  expect(problems).toEqual([]);
});

test("union rep: the notices and one notice", async ({ page }) => {
  test.setTimeout(90_000);
  await as(page, "rep.unison@northmoor.example");
  const problems = await walk(page, [`/notices/${PARKS_SLUG}`]);
  expect(problems).toEqual([]);
});
