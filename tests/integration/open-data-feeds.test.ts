/**
 * Atom feeds, the sitemap and robots.txt through their real loaders. Each feed is checked
 * against RFC 4287's rules (well-formed XML in the Atom namespace; feed and every entry with an
 * id that is an absolute IRI, a title, an RFC 3339 updated; an author on the feed; an alternate
 * link per entry; ids unique) with fast-xml-parser, plus 304 on its ETag.
 */
import { XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { loader as consultationFeedLoader } from "~/routes/consultations.$slug_.feed[.atom]";
import { loader as siteFeedLoader } from "~/routes/feeds.consultations[.atom]";
import { loader as robotsLoader } from "~/routes/robots[.txt]";
import { loader as sitemapLoader } from "~/routes/sitemap[.xml]";
import { RFC3339, atomParser as parser, expectValidAtom, fetchRoute, seededWithResponses, text } from "./open-data-fixtures";

beforeAll(seededWithResponses);

describe("the site feed", () => {
  it("is valid Atom listing every published consultation, and the decided one's outcome and decision, most recently changed first", async () => {
    const response = await fetchRoute(siteFeedLoader, "/feeds/consultations.atom");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const { entries } = expectValidAtom(await response.text());
    expect(entries.map((e) => e.link[0]["@href"]).sort()).toEqual([
      ...["allotment-rents", "camhs-social-work", "ict-strategic-partnership", "library-opening-hours"].map((s) => `http://plainsight.test/consultations/${s}`),
      "http://plainsight.test/consultations/library-opening-hours/outcome",
      "http://plainsight.test/consultations/library-opening-hours/outcome#decision-heading",
    ]);
    const updated = entries.map((e) => Date.parse(text(e.updated)));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    expect(text(entries[0].id)).toMatch(/^http:\/\/localhost:3000\/consultations\//); // permanent ids on BASE_URL
  });

  it("answers a repeat request with 304, and changes when a consultation changes", async () => {
    const first = await fetchRoute(siteFeedLoader, "/feeds/consultations.atom");
    const etag = first.headers.get("ETag")!;
    expect((await fetchRoute(siteFeedLoader, "/feeds/consultations.atom", { headers: { "If-None-Match": etag } })).status).toBe(304);
    const library = db().select().from(t.proposals).where(eq(t.proposals.slug, "library-opening-hours")).get()!;
    db().update(t.proposals).set({ updatedAt: "2030-01-01T00:00:00.000Z" }).where(eq(t.proposals.id, library.id)).run();
    try {
      const after = await fetchRoute(siteFeedLoader, "/feeds/consultations.atom", { headers: { "If-None-Match": etag } });
      expect(after.status).toBe(200);
      const { entries } = expectValidAtom(await after.text());
      expect(entries[0].link[0]["@href"]).toBe("http://plainsight.test/consultations/library-opening-hours");
    } finally {
      db().update(t.proposals).set({ updatedAt: library.updatedAt }).where(eq(t.proposals.id, library.id)).run();
    }
  });
});

describe("a consultation's feed", () => {
  it("is valid Atom with its opening, each published change and the council's official answers", async () => {
    const camhs = db().select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get()!;
    // A published change, as an edit after opening records it.
    db().insert(t.proposalVersions).values({ proposalId: camhs.id, number: 90, reason: "approved", isPublic: true, snapshot: {}, createdAt: "2026-11-05T10:00:00.000Z" }).run();
    db().insert(t.proposalVersions).values({ proposalId: camhs.id, number: 91, reason: "public_edit", isPublic: true, changeNote: "Corrected the waiting time figure & added a <risk>", snapshot: {}, createdAt: "2026-11-06T10:00:00.000Z" }).run();
    const response = await fetchRoute(consultationFeedLoader, "/consultations/camhs-social-work/feed.atom", { params: { slug: "camhs-social-work" } });
    expect(response.status).toBe(200);
    const xml = await response.text();
    const { entries } = expectValidAtom(xml);
    const titles = entries.map((e) => text(e.title));
    expect(titles.some((x) => x.startsWith("Consultation opened"))).toBe(true);
    expect(titles.some((x) => x.includes("Corrected the waiting time figure &amp; added a &lt;risk&gt;"))).toBe(true);
    const official = db().select().from(t.comments).where(eq(t.comments.proposalId, camhs.id)).all().filter((c) => c.officerId != null && c.status === "visible");
    expect(official.length).toBeGreaterThan(0);
    for (const c of official) expect(entries.some((e) => e.link[0]["@href"] === `http://plainsight.test/consultations/camhs-social-work/comments/${c.id}`)).toBe(true);
  });

  it("stays well-formed whatever the council or a commenter typed", async () => {
    const camhs = db().select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get()!;
    const officer = db().select().from(t.users).where(eq(t.users.email, "officer@northmoor.example")).get()!;
    db()
      .insert(t.comments)
      .values({ proposalId: camhs.id, targetType: "proposal", targetId: camhs.id, officerId: officer.id, bodyMarkdown: "Answer ]]> <b>bold</b> & \u0001 \ud800 done", bodyHtml: "<p>Answer ]]&gt; &lt;b&gt; &amp; \u0001 done</p>", bodyHash: "feed-weird", status: "visible" })
      .run();
    const xml = await (await fetchRoute(consultationFeedLoader, "/consultations/camhs-social-work/feed.atom", { params: { slug: "camhs-social-work" } })).text();
    expectValidAtom(xml);
    expect(xml).not.toMatch(/[\u0001\ud800]/);
  });

  it("is the same 404 for a hidden and a missing consultation", async () => {
    const missing = await fetchRoute(consultationFeedLoader, "/consultations/nope/feed.atom", { params: { slug: "nope" } });
    const draft = await fetchRoute(consultationFeedLoader, "/consultations/youth-service-review/feed.atom", { params: { slug: "youth-service-review" } });
    expect([missing.status, draft.status]).toEqual([404, 404]);
    expect(await draft.text()).toBe(await missing.text());
  });
});

describe("sitemap and robots.txt", () => {
  it("lists the public pages and every published consultation, and nothing hidden", async () => {
    const response = await fetchRoute(sitemapLoader, "/sitemap.xml");
    expect(response.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs: string[] = doc.urlset.url.map((u: { loc: string }) => u.loc);
    for (const path of ["/", "/consultations", "/search", "/open-data", "/consultations/camhs-social-work", "/consultations/library-opening-hours/history"]) {
      expect(locs).toContain(`http://plainsight.test${path}`);
    }
    for (const loc of locs) expect(loc).not.toMatch(/youth-service-review|garden-waste|reopening-a-closed-park|\/staff|\/notices/);
    for (const u of doc.urlset.url as { lastmod?: string }[]) if (u.lastmod) expect(u.lastmod).toMatch(RFC3339);
  });

  it("robots.txt keeps crawlers out of staff, notice and personal-link pages and points at the sitemap", async () => {
    const body = await (await fetchRoute(robotsLoader, "/robots.txt")).text();
    for (const path of ["/staff/", "/notices/", "/respondents/", "/verify/", "/unsubscribe/"]) expect(body).toContain(`Disallow: ${path}`);
    expect(body).toContain("Sitemap: http://plainsight.test/sitemap.xml");
  });
});
