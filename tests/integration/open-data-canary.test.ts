/**
 * The one rule of the open data, proven surface by surface: a canary word placed in a draft, in
 * review and under union notice, in the internal parts of a public consultation (withheld file,
 * returned reason, s.188 letter, union feedback, audit trail), in hidden, held and deleted
 * comments, in private answers and in a name its owner chose not to show, appears in none of
 * the API, the CSV files, the feeds, the search results and the sitemap. The hidden proposals'
 * slugs and titles appear nowhere either, and asking for them is the same 404 as a made-up slug.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq, like } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { DATASETS } from "~/open-data/datasets";
import { loader as csvLoader } from "~/routes/api.v1.$file";
import { loader as detailLoader } from "~/routes/api.v1.consultations.$slug";
import { loader as commentsLoader } from "~/routes/api.v1.consultations.$slug_.comments";
import { loader as listLoader } from "~/routes/api.v1.consultations._index";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.json]";
import { loader as consultationFeedLoader } from "~/routes/consultations.$slug_.feed[.atom]";
import { loader as siteFeedLoader } from "~/routes/feeds.consultations[.atom]";
import { loader as robotsLoader } from "~/routes/robots[.txt]";
import { loader as sitemapLoader } from "~/routes/sitemap[.xml]";
import { loader as searchJsonLoader } from "~/routes/api.v1.search";
import { loader as searchPageLoader } from "~/routes/search";
import { CANARY, HIDDEN_SLUGS, fetchRoute, plantCanaries, seededWithResponses } from "./open-data-fixtures";

/** Every body served, by the address that served it. */
const served = new Map<string, string>();
let hiddenTitles: string[] = [];
let visibleMarker = "";
let publicSlugs: string[] = [];

async function collect(name: string, response: Response) {
  expect(response.status, name).toBe(200);
  served.set(name, await response.text());
}

beforeAll(async () => {
  await seededWithResponses();
  ({ visibleMarker } = plantCanaries());
  hiddenTitles = HIDDEN_SLUGS.map((slug) => db().select().from(t.proposals).where(eq(t.proposals.slug, slug)).get()!.title);

  // The API list, one consultation per page, following `next` to the end.
  let next: string | null = "/api/v1/consultations?limit=1";
  while (next) {
    const path: string = next.replace(/^https?:\/\/[^/]+/, "");
    const response = await fetchRoute(listLoader, path);
    const text = await response.text();
    served.set(path, text);
    const body = JSON.parse(text);
    publicSlugs.push(...body.data.map((c: { slug: string }) => c.slug));
    next = body.links.next;
  }
  for (const slug of publicSlugs) {
    await collect(`detail ${slug}`, await fetchRoute(detailLoader, `/api/v1/consultations/${slug}`, { params: { slug } }));
    await collect(`comments ${slug}`, await fetchRoute(commentsLoader, `/api/v1/consultations/${slug}/comments?limit=500`, { params: { slug } }));
    await collect(`feed ${slug}`, await fetchRoute(consultationFeedLoader, `/consultations/${slug}/feed.atom`, { params: { slug } }));
    for (const d of DATASETS) {
      await collect(`${d.name}.csv ${slug}`, await fetchRoute(csvLoader, `/api/v1/${d.name}.csv?consultation=${slug}`, { params: { file: `${d.name}.csv` } }));
    }
  }
  for (const d of DATASETS) await collect(`${d.name}.csv`, await fetchRoute(csvLoader, `/api/v1/${d.name}.csv`, { params: { file: `${d.name}.csv` } }));
  await collect("site feed", await fetchRoute(siteFeedLoader, "/feeds/consultations.atom"));
  await collect("sitemap", await fetchRoute(sitemapLoader, "/sitemap.xml"));
  await collect("robots", await fetchRoute(robotsLoader, "/robots.txt"));
  await collect("openapi", await fetchRoute(openApiLoader, "/api/v1/openapi.json"));
  // Search for the canary itself, the hidden titles and words only the hidden material contains.
  for (const q of [CANARY, `${CANARY}*`, ...hiddenTitles, "returned", "s188 reasons", "union feedback", "private answer", "letter writer", "moderator note", "held comment", "Surname"]) {
    const query = `?${new URLSearchParams({ q })}`;
    await collect(`search JSON ${q}`, await fetchRoute(searchJsonLoader, `/api/v1/search${query}`));
    const page = await searchPageLoader({ request: new Request(`http://plainsight.test/search${query}`), params: {}, context: {} });
    served.set(`search page ${q}`, JSON.stringify(page));
  }
}, 60_000);

describe("the canary", () => {
  it("is really in the database, in every place it was planted", () => {
    expect(db().select().from(t.comments).where(like(t.comments.bodyMarkdown, `%${CANARY}%`)).all().map((c) => c.status).sort()).toEqual(["deleted", "hidden", "hidden", "pending"]);
    expect(db().select().from(t.responseAnswers).where(like(t.responseAnswers.text, `%${CANARY}%`)).all()).toHaveLength(4);
    expect(db().select().from(t.proposals).where(like(t.proposals.summary, `%${CANARY}%`)).all()).toHaveLength(3);
  });

  it("the surfaces were really read: every public consultation, and a public comment shows", () => {
    expect(publicSlugs.sort()).toEqual(["allotment-rents", "camhs-social-work", "ict-strategic-partnership", "library-opening-hours"]);
    const all = [...served.values()].join("\n");
    expect(all).toContain(visibleMarker);
    expect(served.get("comments.csv")).toContain(visibleMarker);
    expect(served.size).toBeGreaterThan(40);
  });

  it("appears in none of the API, the CSV files, the feeds, the search results, the sitemap, robots.txt or the OpenAPI document", () => {
    for (const [name, body] of served) {
      if (name.startsWith("search")) {
        // The query is echoed back; the results must not contain it.
        const results = JSON.parse(body);
        const { consultations, comments } = results.results ?? results;
        const found = JSON.stringify({ consultations, comments });
        expect(consultations, name).toBeDefined();
        expect(found.includes(CANARY), `${name} finds the canary`).toBe(false);
        for (const slug of HIDDEN_SLUGS) expect(found.includes(slug), `${name} finds the hidden ${slug}`).toBe(false);
        continue;
      }
      expect(body.includes(CANARY), `${name} leaks the canary`).toBe(false);
      expect(body.toLowerCase().includes(CANARY.toLowerCase()), `${name} leaks the canary (any case)`).toBe(false);
      for (const slug of HIDDEN_SLUGS) expect(body.includes(slug), `${name} names the hidden ${slug}`).toBe(false);
      for (const title of hiddenTitles) expect(body.includes(title), `${name} names the hidden "${title}"`).toBe(false);
    }
  });

  it("the resident who chose not to show their name appears as Resident", () => {
    const comments = JSON.parse(served.get("comments camhs-social-work")!);
    const theirs = comments.data.find((c: { text: string }) => c.text.includes(visibleMarker));
    expect(theirs.author).toEqual({ name: "Resident", capacity: null });
  });
});

describe("hidden means 404, exactly as for a made-up slug", () => {
  const surfaces = [
    { name: "API consultation", call: (slug: string) => fetchRoute(detailLoader, `/api/v1/consultations/${slug}`, { params: { slug } }) },
    { name: "API comments", call: (slug: string) => fetchRoute(commentsLoader, `/api/v1/consultations/${slug}/comments`, { params: { slug } }) },
    { name: "risks CSV", call: (slug: string) => fetchRoute(csvLoader, `/api/v1/risks.csv?consultation=${slug}`, { params: { file: "risks.csv" } }) },
    { name: "comments CSV", call: (slug: string) => fetchRoute(csvLoader, `/api/v1/comments.csv?consultation=${slug}`, { params: { file: "comments.csv" } }) },
    { name: "consultation feed", call: (slug: string) => fetchRoute(consultationFeedLoader, `/consultations/${slug}/feed.atom`, { params: { slug } }) },
  ];
  for (const surface of surfaces) {
    it(surface.name, async () => {
      const missing = await surface.call("no-such-consultation");
      const missingBody = await missing.text();
      expect(missing.status).toBe(404);
      for (const slug of HIDDEN_SLUGS) {
        const state = db().select({ state: t.proposals.state }).from(t.proposals).where(eq(t.proposals.slug, slug)).get()?.state;
        expect(["draft", "in_review", "union_notice"]).toContain(state);
        const response = await surface.call(slug);
        expect(response.status, slug).toBe(404);
        expect(await response.text(), slug).toBe(missingBody);
      }
    });
  }
});
