/**
 * Interface languages (issue 14, item 1): the switch on every public page, the language in the
 * address and in `<html lang dir>`, remembered by a cookie that keeps pages public and cacheable
 * (one ETag per language), and an unknown language code answered in English, never a 500.
 *
 * And issue 14's "Done when": a resident reads the CAMHS consultation in Bengali, responds in
 * Bengali by keyboard alone, and receives the confirmation email in Bengali; every page on the
 * way shows no raw catalogue key and no English interface string from the catalogue.
 */
import http from "node:http";
import { expect, test } from "./fixtures";
import type { Locator, Page } from "@playwright/test";
import { bn } from "../../app/i18n/catalogues/bn";
import { latestEmail, verifyPathFrom } from "./responses-support";
import { signIn } from "./support";
import { expectAllBengali } from "./bengali-support";

/** Tab (forwards) until `target` has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 120) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tabbed ${limit} times without reaching ${target}`);
}

const CAMHS = "/consultations/camhs-social-work";

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: string };

function raw(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

test("the switch on a public page: links that work without scripts, remembered, in the address and in <html lang>", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/consultations");
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  const switcher = page.getByRole("navigation", { name: "Language" });
  await expect(switcher.getByText("English")).toHaveAttribute("aria-current", "true");
  await switcher.getByRole("link", { name: "বাংলা" }).click();

  await expect(page).toHaveURL(/\/consultations\?lang=bn$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "bn");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("link", { name: "মূল বিষয়বস্তুতে যান" })).toBeAttached();
  const bnSwitch = page.getByRole("navigation", { name: "ভাষা" });
  await expect(bnSwitch.getByText("বাংলা")).toHaveAttribute("aria-current", "true");

  // Remembered: an address without the language (a bookmark, a link in an email) comes back in Bengali.
  await page.goto("/");
  await expect(page).toHaveURL(/\/\?lang=bn$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "bn");

  // And back to English.
  await page.getByRole("navigation", { name: "ভাষা" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
  await page.goto("/consultations");
  await expect(page).toHaveURL(/\/consultations$/);
  await context.close();
});

test("a page in Bengali is public and cacheable, with its own ETag; the remembered-language redirect is private", async ({ server }) => {
  const english = await raw(server.url, CAMHS);
  const bengali = await raw(server.url, `${CAMHS}?lang=bn`);
  expect(bengali.status).toBe(200);
  expect(bengali.body).toContain('<html lang="bn" dir="ltr"');
  expect(bengali.headers["cache-control"]).toBe("public, max-age=0, must-revalidate, s-maxage=30");
  expect(bengali.headers.etag).toBeTruthy();
  expect(bengali.headers.etag).not.toBe(english.headers.etag);
  expect((await raw(server.url, `${CAMHS}?lang=bn`, { "If-None-Match": bengali.headers.etag! })).status).toBe(304);
  expect((await raw(server.url, CAMHS, { "If-None-Match": bengali.headers.etag! })).status).toBe(200);

  // With the language cookie (not a session cookie), a page in Bengali is still public.
  const withCookie = await raw(server.url, `${CAMHS}?lang=bn`, { Cookie: "plainsight_lang=bn" });
  expect(withCookie.headers["cache-control"]).toBe("public, max-age=0, must-revalidate, s-maxage=30");
  expect(withCookie.headers.etag).toBe(bengali.headers.etag);

  const redirected = await raw(server.url, CAMHS, { Cookie: "plainsight_lang=bn" });
  expect(redirected.status).toBe(302);
  expect(redirected.headers.location).toBe(`${CAMHS}?lang=bn`);
  expect(redirected.headers["cache-control"]).toBe("private, no-store");

  // The switch sets the cookie and is never cached; the page it leads to sets none.
  const switched = await raw(server.url, `/language/bn?back=${encodeURIComponent(CAMHS)}`);
  expect(switched.status).toBe(303);
  expect(switched.headers.location).toBe(`${CAMHS}?lang=bn`);
  expect(String(switched.headers["set-cookie"])).toMatch(/^plainsight_lang=bn; Path=\/; Max-Age=\d+; SameSite=Lax; HttpOnly/);
  expect(bengali.headers["set-cookie"]).toBeUndefined();
  // Staff pages stay English and are not redirected.
  expect((await raw(server.url, "/staff/sign-in", { Cookie: "plainsight_lang=bn" })).status).toBe(200);
});

test("an unknown or malformed language is English with a 200, never a 500; the switch never leaves the site", async ({ server }) => {
  for (const lang of ["xx", "", "BN", "bn-BD", "%ZZ", "<script>", "en", "__proto__", "constructor"]) {
    const res = await raw(server.url, `/consultations?lang=${lang}`);
    expect(res.status, lang).toBe(200);
    expect(res.body, lang).toContain('<html lang="en-GB" dir="ltr"');
  }
  const unknown = await raw(server.url, "/language/xx?back=/consultations");
  expect(unknown.status).toBe(303);
  expect(unknown.headers.location).toBe("/consultations");
  for (const back of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
    const res = await raw(server.url, `/language/bn?back=${encodeURIComponent(back)}`);
    expect(res.status, back).toBe(303);
    expect(res.headers.location, back).toBe("/?lang=bn");
  }
  // A garbage cookie is ignored.
  expect((await raw(server.url, "/consultations", { Cookie: "plainsight_lang=%%%" })).status).toBe(200);
});

test("read the CAMHS consultation in Bengali, respond in Bengali by keyboard alone, and receive the confirmation email in Bengali", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const resident = await browser.newContext({ baseURL });
  const page = await resident.newPage();
  const email = `bengali.reader.${Date.now()}@example.org`;

  // Read: the switch (by keyboard), lang="bn", translated headings and labels.
  await page.goto(CAMHS);
  await tabTo(page, page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "বাংলা" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/consultations\/camhs-social-work\?lang=bn$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "bn");
  for (const heading of [bn.sections.summary, bn.sections.risks, bn.sections.equality, bn.sections.plan]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("navigation", { name: bn.layout.language }).getByText("বাংলা")).toHaveAttribute("aria-current", "true");
  await expectAllBengali(page, { strict: true });

  // Respond, by keyboard alone: sign in by email first.
  await tabTo(page, page.getByRole("link", { name: bn.consultation.respond }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: bn.signIn.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  // A mistake first: the message is in Bengali.
  await tabTo(page, page.getByRole("textbox", { name: bn.signIn.emailLabel }));
  await page.keyboard.type("not an email");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText(bn.validation.emailFormat.split(",")[0]);
  await tabTo(page, page.getByRole("textbox", { name: bn.signIn.emailLabel }));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: bn.signIn.checkHeading })).toBeVisible();
  await expectAllBengali(page, { strict: true });

  // The sign-in email is in Bengali, and its link keeps the language.
  const link = await latestEmail(email, /লিংক/);
  expect(link.textBody).toContain(bn.emails.signIn.use);
  await page.goto(verifyPathFrom(link) + "?lang=bn");
  await expect(page.getByRole("heading", { level: 1, name: bn.signIn.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await tabTo(page, page.getByRole("button", { name: bn.common.continue }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: bn.privacyStep.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await tabTo(page, page.getByRole("button", { name: bn.privacyStep.continue }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: bn.aboutYou.title })).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await tabTo(page, page.getByRole("radio", { name: bn.aboutYou.showName }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("textbox", { name: bn.aboutYou.nameLabel }));
  await page.keyboard.type("রহিমা খাতুন");
  await tabTo(page, page.getByRole("radio", { name: bn.aboutYou.individual }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: bn.common.continue }));
  await page.keyboard.press("Enter");

  // The answers form, in Bengali; sending nothing is refused in Bengali.
  await expect(page.getByRole("heading", { level: 1, name: bn.respond.heading })).toBeVisible();
  await expect(page).toHaveURL(/lang=bn/);
  await expectAllBengali(page, { strict: true });
  await tabTo(page, page.getByRole("button", { name: bn.respond.send }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText(bn.validation.answerOne);
  await expectAllBengali(page, { strict: true });

  const first = page.locator("#question-1");
  await tabTo(page, first.getByRole("radio", { name: bn.stances.strongly_agree, exact: true }));
  await page.keyboard.press("Space");
  const answer = "সামাজিক কর্মীরা পরিবারগুলোর কাছাকাছি থাকলে ভালো হয়।";
  await tabTo(page, first.getByRole("textbox"));
  await page.keyboard.type(answer);
  await tabTo(page, page.getByRole("button", { name: bn.respond.send }));
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: bn.confirmation.title })).toBeVisible();
  await expect(page).toHaveURL(/\/respond\/confirmation\?lang=bn$/);
  await expect(page.getByText(answer)).toBeVisible();
  await expectAllBengali(page, { strict: true });
  await resident.close();

  // The confirmation email, in Bengali, as it reached the demo inbox.
  const admin = await browser.newContext({ baseURL });
  const staff = await admin.newPage();
  await signIn(staff, "admin@northmoor.example", "demo-admin-2026");
  await staff.goto("/staff/admin/inbox");
  const row = staff.getByTestId("inbox").getByRole("row").filter({ hasText: email }).filter({ has: staff.getByRole("link", { name: new RegExp(bn.emails.receipt.subject) }) });
  await expect(row.first()).toBeVisible();
  await row.first().getByRole("link", { name: new RegExp(bn.emails.receipt.subject) }).click();
  const body = staff.getByTestId("email-body");
  await expect(body).toContainText("ধন্যবাদ।");
  await expect(body).toContainText(bn.emails.receipt.copy);
  await expect(body).toContainText(bn.stances.strongly_agree);
  await expect(body).toContainText(answer);
  await expect(body).toContainText("?lang=bn");
  await expect(body).not.toContainText("Thank you");
  await admin.close();
});

test("the home page, the list, a filter and pagination in Bengali: no raw keys, no English interface text", async ({ page }) => {
  for (const path of ["/?lang=bn", "/consultations?lang=bn", "/consultations?status=closed&lang=bn", "/consultations?status=withdrawn&lang=bn", "/no-such-page?lang=bn"]) {
    await page.goto(path);
    await expectAllBengali(page, { strict: true });
  }
  await page.goto("/consultations?lang=bn");
  await expect(page.getByRole("heading", { level: 1, name: bn.list.heading })).toBeVisible();
  // The filter keeps the language (a GET form with no script).
  await page.getByRole("radio", { name: bn.list.filters.open }).check();
  await page.getByRole("button", { name: bn.list.applyFilter }).click();
  await expect(page).toHaveURL(/status=open/);
  await expect(page).toHaveURL(/lang=bn/);
  await expectAllBengali(page, { strict: true });
});
