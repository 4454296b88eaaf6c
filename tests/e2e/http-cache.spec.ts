/**
 * HTTP done properly (issue 13, item 2), through the real server with raw requests (node:http,
 * so nothing decodes or caches for us): strong ETags and 304s on anonymous public pages,
 * Last-Modified and If-Modified-Since, public caching with s-maxage for anonymous pages and
 * `private, no-store` for anything signed in, gzip and brotli bodies that decode to the same page,
 * malformed conditional headers answered normally, and the page's scripts still running under
 * the content security policy when its nonce comes from the page.
 */
import http from "node:http";
import Database from "better-sqlite3";
import zlib from "node:zlib";
import { expect, test } from "./fixtures";
import { signUpResident } from "./responses-support";
import { signIn, signOut } from "./support";

const PAGE = "/consultations/camhs-social-work";
/** A public page that keeps its scripts (a form). */
const FORM_PAGE = "/consultations/camhs-social-work/formats";

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

function raw(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.get(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const varyOf = (r: Raw) => String(r.headers.vary ?? "").split(",").map((v) => v.trim().toLowerCase());

test("an anonymous public page: strong ETag, Last-Modified, public caching with s-maxage, and 304 when current", async ({ server }) => {
  const first = await raw(server.url, PAGE);
  expect(first.status).toBe(200);
  expect(first.body.toString()).toContain("Changes to social work in Children and Young People");
  expect(first.headers["cache-control"]).toBe("public, max-age=0, must-revalidate, s-maxage=30");
  const etag = first.headers.etag!;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
  expect(Number.isNaN(Date.parse(first.headers["last-modified"]!))).toBe(false);
  expect(varyOf(first)).toEqual(expect.arrayContaining(["cookie", "accept-encoding"]));

  // The same page is the same bytes: the nonce comes from the page, and the policy names it.
  const second = await raw(server.url, PAGE);
  expect(second.headers.etag).toBe(etag);
  expect(second.body.equals(first.body)).toBe(true);
  // The consultation page carries no script (decision 019); a public page with a form does,
  // and its scripts carry the nonce its policy names, the same on every view.
  expect(first.body.toString()).not.toContain("<script");
  const formPage = await raw(server.url, FORM_PAGE);
  expect(formPage.headers["cache-control"]).toBe("public, max-age=0, must-revalidate, s-maxage=30");
  const nonce = /'nonce-([^']+)'/.exec(String(formPage.headers["content-security-policy"]))![1];
  expect(formPage.body.toString()).toContain(`<script nonce="${nonce}"`);
  expect((await raw(server.url, FORM_PAGE)).body.equals(formPage.body)).toBe(true);

  const conditionals: Record<string, string>[] = [{ "If-None-Match": etag }, { "If-None-Match": `W/${etag}` }, { "If-None-Match": `"other", ${etag}` }, { "If-None-Match": "*" }, { "If-Modified-Since": first.headers["last-modified"]! }];
  for (const conditional of conditionals) {
    const again = await raw(server.url, PAGE, conditional);
    expect(again.status, JSON.stringify(conditional)).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    // The stored page keeps its own policy: a 304 sends none that could name another nonce.
    expect(again.headers["content-security-policy"]).toBeUndefined();
  }
  // A different tag, or a date before the page: the page itself.
  expect((await raw(server.url, PAGE, { "If-None-Match": '"something-else"' })).status).toBe(200);
  expect((await raw(server.url, PAGE, { "If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT" })).status).toBe(200);
  // If-None-Match decides when both are sent.
  expect((await raw(server.url, PAGE, { "If-None-Match": '"something-else"', "If-Modified-Since": first.headers["last-modified"]! })).status).toBe(200);
});

test("malformed conditional headers are answered with the page, never an error", async ({ server }) => {
  const whole = await raw(server.url, PAGE);
  const malformed: Record<string, string>[] = [
    { "If-None-Match": "not-a-tag" },
    { "If-None-Match": '"unterminated' },
    { "If-None-Match": '"a" junk' },
    { "If-None-Match": "W/" },
    { "If-None-Match": "," },
    { "If-None-Match": "\u00ff\u00fe".repeat(50) },
    { "If-Modified-Since": "yesterday" },
    { "If-Modified-Since": "Mon, 99 Foo 99999 99:99:99 GMT" },
    { "If-Modified-Since": "" },
    { "If-Modified-Since": "x".repeat(5000) },
    { "Accept-Encoding": "br;q=banana, gzip;q=2, ;;;" },
  ];
  for (const headers of malformed) {
    const r = await raw(server.url, PAGE, headers);
    expect(r.status, JSON.stringify(headers).slice(0, 80)).toBe(200);
    const body = r.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(r.body) : r.headers["content-encoding"] === "br" ? zlib.brotliDecompressSync(r.body) : r.body;
    expect(body.equals(whole.body)).toBe(true);
  }
});

test("gzip and brotli bodies decode to the same page, each with its own strong tag", async ({ server }) => {
  const plain = await raw(server.url, PAGE);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  const gz = await raw(server.url, PAGE, { "Accept-Encoding": "gzip" });
  expect(gz.headers["content-encoding"]).toBe("gzip");
  expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
  const br = await raw(server.url, PAGE, { "Accept-Encoding": "gzip, deflate, br" });
  expect(br.headers["content-encoding"]).toBe("br");
  expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  expect(br.body.length).toBeLessThan(plain.body.length / 3);
  expect(new Set([plain.headers.etag, gz.headers.etag, br.headers.etag]).size).toBe(3);
  expect(Number(br.headers["content-length"])).toBe(br.body.length);
  // A client that refuses both gets the bytes as they are.
  expect((await raw(server.url, PAGE, { "Accept-Encoding": "br;q=0, gzip;q=0" })).headers["content-encoding"]).toBeUndefined();
  // The stylesheet is compressed too.
  const css = /href="(\/assets\/[^"]+\.css)"/.exec(plain.body.toString())![1];
  expect((await raw(server.url, css, { "Accept-Encoding": "br" })).headers["content-encoding"]).toBe("br");
});

test("signed-in views are private, unstored, and never answered 304 from a public tag", async ({ page, server }) => {
  await signIn(page, "officer@northmoor.example", "demo-officer-2026");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).toContain("__plainsight");
  const anonymous = await raw(server.url, PAGE);
  for (const path of [PAGE, "/consultations", "/staff"]) {
    const r = await raw(server.url, path, { Cookie: cookie, "If-None-Match": anonymous.headers.etag! });
    expect(r.status, path).toBe(200);
    expect(r.headers["cache-control"], path).toBe("private, no-store");
    expect(r.headers.etag, path).toBeUndefined();
    expect(varyOf(r), path).toContain("cookie");
  }
  // The signed-in page is not the anonymous one.
  const signedIn = await raw(server.url, PAGE, { Cookie: cookie });
  expect(signedIn.body.equals(anonymous.body)).toBe(false);
});

test("a public page's scripts run under its policy when the nonce comes from the page", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // A public page with a form loads its scripts and hydrates: the check as you type runs (the
  // "Error: " title is set by a script), with no policy violation.
  await page.goto(FORM_PAGE);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

// ─── The render cache (issue 13, item 1) ──────────────────────────────────────

test("a second anonymous view comes from the render cache; a signed-in view is never stored there nor served from it", async ({ page, server }) => {
  // (A write to this consultation between two views rightly starts its cache again.)
  let again: Raw | undefined;
  await expect
    .poll(async () => {
      again = await raw(server.url, PAGE);
      return again.headers["x-render-cache"];
    })
    .toBe("hit");

  await signIn(page, "approver@northmoor.example", "demo-approver-2026");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const signedIn = await raw(server.url, PAGE, { Cookie: cookie });
  expect(signedIn.headers["x-render-cache"]).toBeUndefined();
  expect(signedIn.body.toString()).toContain("Sign out");
  // The next anonymous reader gets the anonymous page, not the approver's.
  const anonymous = await raw(server.url, PAGE);
  expect(anonymous.body.toString()).not.toContain("Sign out");
  expect(anonymous.body.equals(again!.body)).toBe(true);
});

test("a comment hidden by a moderator is gone from the next anonymous view", async ({ page, server }) => {
  const database = new Database(server.databasePath, { readonly: true });
  const comments = database
    .prepare("SELECT c.id, c.body_markdown AS body FROM comments c JOIN proposals p ON p.id = c.proposal_id WHERE p.slug = ? AND c.status = 'visible' AND c.officer_id IS NULL ORDER BY c.id DESC")
    .all("camhs-social-work") as { id: number; body: string }[];
  database.close();
  const before = (await raw(server.url, PAGE)).body.toString();
  // A comment the page shows now, by a phrase of its own words.
  const shown = comments.map((c) => ({ ...c, phrase: c.body.replace(/[*_`>#[\]()]/g, "").split(/\s+/).slice(0, 8).join(" ") })).find((c) => c.phrase.length > 20 && before.includes(c.phrase));
  expect(shown, "a visible comment on the CAMHS page").toBeTruthy();
  await expect.poll(async () => (await raw(server.url, PAGE)).headers["x-render-cache"]).toBe("hit");

  await signIn(page, "moderator@northmoor.example", "demo-moderator-2026");
  await page.goto(`/staff/moderation/${shown!.id}`);
  await page.getByLabel("Hide it").check();
  await page.locator('input[name="rule"]').first().check();
  await page.getByLabel("Note for the author").fill("Your comment was hidden for this test of the page cache.");
  await page.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByText(/Your decision was saved/)).toBeVisible();

  const after = await raw(server.url, PAGE);
  expect(after.status).toBe(200);
  expect(after.headers["x-render-cache"]).toBe("miss");
  expect(after.body.toString()).not.toContain(shown!.phrase);
});

test("a proposal withdrawn by another process (the worker, say) is not served from the cache", async ({ server }) => {
  const slug = "library-opening-hours";
  const path = `/consultations/${slug}`;
  const first = await raw(server.url, path);
  const database = new Database(server.databasePath);
  const state = (database.prepare("SELECT state FROM proposals WHERE slug = ?").get(slug) as { state: string }).state;
  expect(["open", "closed", "decided", "outcome_published"], `the library consultation is public (${state})`).toContain(state);
  expect(first.status).toBe(200);
  await expect.poll(async () => (await raw(server.url, path)).headers["x-render-cache"]).toBe("hit");
  database.prepare("UPDATE proposals SET state = 'withdrawn' WHERE slug = ?").run(slug);
  database.close();
  const after = await raw(server.url, path);
  expect(after.headers["x-render-cache"]).not.toBe("hit");
  expect(after.body.equals(first.body)).toBe(false);
});

/**
 * The render cache keys a page by the minute too (text worked out from the clock), so a page read
 * either side of a minute's turn is rendered again. A check that a write left a page cached
 * starts early in a minute, so the turn does not pass for a write.
 */
async function earlyInAMinute() {
  const into = Date.now() % 60_000;
  if (into > 10_000) await new Promise((r) => setTimeout(r, 60_000 - into + 500));
}

test("a sign-in or a write to another consultation leaves a consultation's page cached; the lists start again", async ({ page, server }) => {
  const other = "library-opening-hours";
  test.setTimeout(180_000);
  await earlyInAMinute();
  await expect.poll(async () => (await raw(server.url, PAGE)).headers["x-render-cache"]).toBe("hit");
  await expect.poll(async () => (await raw(server.url, "/consultations")).headers["x-render-cache"]).toBe("hit");

  // A staff sign-in writes a session and an audit entry: no page shows either.
  await signIn(page, "officer@northmoor.example", "demo-officer-2026");
  expect((await raw(server.url, PAGE)).headers["x-render-cache"]).toBe("hit");

  // Another process changes the library consultation: its page and the lists change, CAMHS's does not.
  const database = new Database(server.databasePath);
  database.prepare("UPDATE proposals SET summary = summary || ' ' WHERE slug = ?").run(other);
  database.close();
  expect((await raw(server.url, PAGE)).headers["x-render-cache"]).toBe("hit");
  expect((await raw(server.url, "/consultations")).headers["x-render-cache"]).toBe("miss");
  expect((await raw(server.url, `/consultations/${other}`)).headers["x-render-cache"]).toBe("miss");
});

test("the open-data API and feeds are kept too: a repeat read is a hit, 304 by the route's own tag, and a write to that consultation starts it again", async ({ server }) => {
  const path = "/api/v1/consultations/camhs-social-work";
  test.setTimeout(180_000);
  await earlyInAMinute();
  const first = await raw(server.url, path);
  expect(first.status).toBe(200);
  const etag = String(first.headers["etag"]);
  expect(etag).toMatch(/^"/);
  await expect.poll(async () => (await raw(server.url, path)).headers["x-render-cache"]).toBe("hit");
  const again = await raw(server.url, path);
  expect(again.headers["etag"]).toBe(etag);
  expect(again.headers["access-control-allow-origin"]).toBe("*");
  expect(again.body.equals(first.body)).toBe(true);
  const notModified = await raw(server.url, path, { "If-None-Match": etag });
  expect(notModified.status).toBe(304);
  expect(notModified.body.length).toBe(0);
  await expect.poll(async () => (await raw(server.url, "/feeds/consultations.atom")).headers["x-render-cache"]).toBe("hit");

  const database = new Database(server.databasePath);
  database.prepare("UPDATE proposals SET summary = summary || ' Updated.' WHERE slug = 'camhs-social-work'").run();
  database.close();
  const after = await raw(server.url, path);
  expect(after.headers["x-render-cache"]).toBe("miss");
  expect(after.headers["etag"]).not.toBe(etag);
  expect(after.body.toString()).toContain("Updated.");
  expect((await raw(server.url, path, { "If-None-Match": etag })).status).toBe(200);
  expect((await raw(server.url, "/feeds/consultations.atom")).headers["x-render-cache"]).toBe("miss");
});

// ─── Writes through the app, read back by the next anonymous reader ───────────

test("a resident's comment is on the next anonymous view; under pre-moderation only once a moderator approves it", async ({ browser, page, server }) => {
  test.setTimeout(240_000);
  const PUBLISHED = "The waiting list figures for each area should be published every month before the decision";
  const HELD = "Publish the staffing model for the new teams before the consultation closes so residents can check it";
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(`${PAGE}/comments`);
  await resident.getByRole("link", { name: "Sign in with your email address to comment" }).click();
  await signUpResident(resident, "cache.resident@example.org", { showName: false, respondingAs: "individual" });
  await expect(resident.getByLabel("Your comment on the proposal")).toBeVisible();

  // Published at once: the consultation page read just before is cached, the next view is not.
  await earlyInAMinute();
  await expect.poll(async () => (await raw(server.url, PAGE)).headers["x-render-cache"]).toBe("hit");
  expect((await raw(server.url, PAGE)).body.toString()).not.toContain(PUBLISHED);
  await resident.getByLabel("Your comment on the proposal").fill(PUBLISHED);
  await resident.getByRole("button", { name: "Post comment" }).click();
  await expect(resident.getByText("Your comment has been posted.")).toBeVisible();
  const afterPost = await raw(server.url, PAGE);
  expect(afterPost.headers["x-render-cache"]).toBe("miss");
  expect(afterPost.body.toString()).toContain(PUBLISHED);

  // Pre-moderation (switched on by another process): held comments are not shown; approved, they are.
  const database = new Database(server.databasePath);
  database.prepare("UPDATE proposals SET premoderate_comments = 1 WHERE slug = 'camhs-social-work'").run();
  database.close();
  await resident.goto(`${PAGE}/comments`);
  await resident.getByLabel("Your comment on the proposal").fill(HELD);
  await resident.getByRole("button", { name: "Post comment" }).click();
  await expect(resident.getByText(/Your comment will appear once a moderator has checked it/)).toBeVisible();
  const commentId = Number(/\/comments\/(\d+)/.exec(resident.url())![1]);
  await earlyInAMinute();
  await expect.poll(async () => (await raw(server.url, PAGE)).headers["x-render-cache"]).toBe("hit");
  expect((await raw(server.url, PAGE)).body.toString()).not.toContain(HELD);

  await signIn(page, "moderator@northmoor.example", "demo-moderator-2026");
  await page.goto(`/staff/moderation/${commentId}`);
  await page.getByLabel("Approve it").check();
  await page.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByText(/Your decision was saved/)).toBeVisible();
  await signOut(page);
  const afterApproval = await raw(server.url, PAGE);
  expect(afterApproval.headers["x-render-cache"]).toBe("miss");
  expect(afterApproval.body.toString()).toContain(HELD);
});

// Last in the file: it moves this server's clock a day on.
test("a consultation the scheduler opens at its opening date is on the next anonymous view of the list and its page", async ({ page, server }) => {
  const slug = "garden-waste-collections";
  const database = new Database(server.databasePath);
  const title = database.prepare("SELECT title FROM proposals WHERE slug = ?").pluck().get(slug) as string;
  // Approved, notice given, due tomorrow (as the approval and the notice period would leave it).
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  database.prepare("UPDATE proposals SET state = 'scheduled', opens_on = ? WHERE slug = ?").run(tomorrow, slug);
  database.close();
  await expect.poll(async () => (await raw(server.url, "/consultations")).headers["x-render-cache"]).toBe("hit");
  expect((await raw(server.url, "/consultations")).body.toString()).not.toContain(title);
  expect((await raw(server.url, `/consultations/${slug}`)).status).toBe(404);

  // A day later the scheduler's run opens it (the test control runs the same function the
  // worker's tick does, in the server's process). The key's minute moves with the clock here;
  // tests/integration/page-generations.test.ts proves the opening itself moves the key.
  const moved = await page.request.post("/staff/admin/test-controls?advanceDays=1");
  expect(moved.status()).toBe(200);
  expect(((await moved.json()) as { opened: string[] }).opened).toContain(slug);
  const list = await raw(server.url, "/consultations");
  expect(list.headers["x-render-cache"]).toBe("miss");
  expect(list.body.toString()).toContain(title);
  const opened = await raw(server.url, `/consultations/${slug}`);
  expect(opened.status).toBe(200);
  expect(opened.body.toString()).toContain(title);
});

