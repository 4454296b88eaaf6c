/**
 * Interface languages (issue 14, item 1): the switch on every public page, the language in the
 * address and in `<html lang dir>`, remembered by a cookie that keeps pages public and cacheable
 * (one ETag per language), and an unknown language code answered in English, never a 500.
 */
import http from "node:http";
import { expect, test } from "./fixtures";

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
