import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parse } from "yaml";
import type { Locator } from "@playwright/test";
import { DATASETS } from "../../app/open-data/datasets";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations, signIn } from "./support";

const OFFICER = "officer@northmoor.example";
const accounts: { email: string; password: string }[] = parse(fs.readFileSync(path.resolve("content/demo-accounts.yaml"), "utf8")).accounts;

/** A chart as people meet it: a figure named by its caption, the picture, and its figures in a table. */
async function expectChart(scope: Locator, caption: string | RegExp) {
  const figure = scope.getByRole("figure", { name: caption });
  await expect(figure).toBeVisible();
  await expect(figure.getByRole("img").first()).toBeVisible();
  await expect(figure.getByRole("table").first()).toBeAttached();
}

test("a visitor searches for a CAMHS risk, finds the consultation, then downloads the risks as CSV from the open-data page", async ({ page }) => {
  // The pages of this journey are checked with axe in the last test of this file.
  await page.goto("/consultations");
  await page.getByRole("searchbox", { name: "Search consultations and comments" }).fill("safeguarding expertise");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=safeguarding\+expertise/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  const results = page.getByTestId("consultation-results");
  await expect(results.locator("mark").first()).toHaveText(/safeguarding|expertise/i);

  await results.getByRole("link", { name: /Children and Young People's Mental Health Services/ }).click();
  await expect(page).toHaveURL(/\/consultations\/camhs-social-work$/);
  // The page offers itself as data and as a feed.
  await expect(page.locator('link[rel="alternate"][type="application/json"]')).toHaveAttribute("href", "/api/v1/consultations/camhs-social-work");
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(2);

  await page.getByRole("contentinfo").getByRole("link", { name: "Open data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data");
  await expect(page.locator("main")).toContainText("Open Government Licence v3.0");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download risks (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("risks.csv");
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header).toBe("consultation,risk_id,ref,description,who_bears,likelihood,impact,score,level,mitigations,acceptance_reason");
  expect(rows.some((r) => r.startsWith("camhs-social-work,") && /safeguarding expertise/.test(r))).toBe(true);
  expect(csv).not.toMatch(/youth-service-review|reopening-a-closed-park|garden-waste-collections/);
});

test("the API, feeds, sitemap and robots.txt answer through the real server, with CORS and 304", async ({ request }) => {
  const list = await request.get("/api/v1/consultations?limit=1", { headers: { Origin: "https://elsewhere.example" } });
  expect(list.status()).toBe(200);
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  const body = await list.json();
  expect(body.links.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/consultations\?limit=1&cursor=/);
  const next = await request.get(body.links.next);
  expect(next.status()).toBe(200);

  const camhs = await request.get("/api/v1/consultations/camhs-social-work");
  const etag = camhs.headers()["etag"];
  expect((await request.get("/api/v1/consultations/camhs-social-work", { headers: { "If-None-Match": etag } })).status()).toBe(304);
  expect((await request.get("/api/v1/consultations/youth-service-review")).status()).toBe(404);
  expect((await request.get("/api/v1/consultations?limit=500")).status()).toBe(400);
  expect((await request.get("/api/v1/search?q=%22NEAR(%28*")).status()).toBe(200);

  const feed = await request.get("/feeds/consultations.atom");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(await feed.text()).toContain("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
  expect(await (await request.get("/sitemap.xml")).text()).toContain("/consultations/camhs-social-work</loc>");
  expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /staff/");
  const csv = await request.get("/api/v1/comments.csv");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");

  // Every open-data address, through the server's own caching and compression (compressed, as
  // a browser asks): readable from any origin, and a 304 for each ETag it sends, twice (the
  // second time from the render cache). tests/integration/open-data-api.test.ts has the table.
  const paths = [
    "/api/v1/consultations",
    "/api/v1/consultations/library-opening-hours",
    "/api/v1/consultations/camhs-social-work/comments",
    "/api/v1/search?q=library",
    "/api/v1/openapi.json",
    "/feeds/consultations.atom",
    "/consultations/library-opening-hours/feed.atom",
    ...DATASETS.map((d) => `/api/v1/${d.name}.csv`),
  ];
  for (const path of paths) {
    const headers = { Origin: "https://journalist.example", "Accept-Encoding": "gzip, br" };
    const first = await request.get(path, { headers });
    expect(first.status(), path).toBe(200);
    expect(first.headers()["access-control-allow-origin"], path).toBe("*");
    const etag = first.headers()["etag"];
    if (!path.endsWith(".csv")) expect(etag, path).toBeTruthy();
    if (!etag) continue;
    for (let i = 0; i < 2; i++) {
      const again = await request.get(path, { headers: { ...headers, "If-None-Match": etag } });
      expect(again.status(), `${path} again`).toBe(304);
      expect(again.headers()["access-control-allow-origin"], `${path} again`).toBe("*");
    }
  }
});

test("the search page and the open-data page pass axe, and odd searches are answered", async ({ page }) => {
  // Two axe runs: about a minute each when eight engineers share the machine's two cores.
  test.setTimeout(180_000);
  for (const q of ['"unbalanced', "NEAR(a b)", "' OR 1=1 --", "*", "বাংলা"]) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
  }
  await page.goto("/search?q=waiting&status=open&service=camhs");
  await expect(page.getByLabel("Status")).toHaveValue("open");
  await expectNoAxeViolations(page);
  await page.goto("/open-data");
  await expectNoAxeViolations(page);
});

test("the charts stay where people look: the risk matrix, equality at a glance and response counts on the consultation page, response counts in the staff response view", async ({ page, server }) => {
  await page.goto("/consultations/camhs-social-work");
  const main = page.locator("main");
  await expectChart(main, "Where each risk falls by likelihood and impact");
  await expectChart(main, "Equality impacts at a glance");
  await expectChart(main, "Responses by how they reached the council");
  await expectChart(main, /agree/i);

  const database = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  const id = (database.prepare("SELECT id FROM proposals WHERE slug = 'camhs-social-work'").get() as { id: number }).id;
  database.close();
  await signIn(page, OFFICER, accounts.find((a) => a.email === OFFICER)!.password);
  await page.goto(`/staff/responses/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Responses");
  await expectChart(page.locator("main"), "Responses by how they reached the council");
  await expectChart(page.locator("main"), /agree/i);
});
