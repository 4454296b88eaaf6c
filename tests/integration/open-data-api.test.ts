/**
 * The JSON API through its real loaders: every filter, keyset paging to the end, conditional
 * requests (304 on the ETag and on Last-Modified, and a changed body after a change), CORS on
 * every answer and the preflight, and JSON errors with the right status for bad input.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { loader as detailLoader, action as detailAction } from "~/routes/api.v1.consultations.$slug";
import { loader as commentsLoader } from "~/routes/api.v1.consultations.$slug_.comments";
import { loader as listLoader, action as listAction } from "~/routes/api.v1.consultations._index";
import { loader as splatLoader } from "~/routes/api.v1.$";
import { loader as fileLoader } from "~/routes/api.v1.$file";
import { loader as historyLoader } from "~/routes/consultations.$slug_.history";
import { loader as searchLoader } from "~/routes/api.v1.search";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.json]";
import { loader as siteFeedLoader } from "~/routes/feeds.consultations[.atom]";
import { loader as consultationFeedLoader } from "~/routes/consultations.$slug_.feed[.atom]";
import { DATASETS } from "~/open-data/datasets";
import { fetchRoute, json, seededWithResponses } from "./open-data-fixtures";
import { call } from "./responses-fixtures";

const list = (query = "", headers: Record<string, string> = {}) => fetchRoute(listLoader, `/api/v1/consultations${query}`, { headers });
const detail = (slug: string, headers: Record<string, string> = {}) => fetchRoute(detailLoader, `/api/v1/consultations/${slug}`, { params: { slug }, headers });
const slugsOf = async (response: Response) => (await json(response)).data.map((c: { slug: string }) => c.slug).sort();

beforeAll(seededWithResponses);

describe("the list", () => {
  it("lists every published consultation and nothing else, with stable ids and links", async () => {
    const response = await list();
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.data.map((c: { slug: string }) => c.slug)).toEqual(["allotment-rents", "camhs-social-work", "ict-strategic-partnership", "library-opening-hours"]);
    expect(body.data.map((c: { id: number }) => c.id)).toEqual([...body.data.map((c: { id: number }) => c.id)].sort((a: number, b: number) => a - b));
    expect(body.links.next).toBeNull();
    expect(body.meta.licence.name).toBe("Open Government Licence v3.0");
    const camhs = body.data.find((c: { slug: string }) => c.slug === "camhs-social-work");
    expect(camhs.links.self).toBe("http://plainsight.test/api/v1/consultations/camhs-social-work");
    expect(camhs.service).toEqual({ slug: "camhs", name: expect.any(String) });
  });

  it("filters by status (one, several, repeated), service, opening and closing dates and updatedSince", async () => {
    expect(await slugsOf(await list("?status=open"))).toEqual(["camhs-social-work", "ict-strategic-partnership"]);
    expect(await slugsOf(await list("?status=closed"))).toEqual(["allotment-rents"]);
    expect(await slugsOf(await list("?status=closed,open"))).toEqual(["allotment-rents", "camhs-social-work", "ict-strategic-partnership"]);
    expect(await slugsOf(await list("?status=closed&status=decided"))).toEqual(["allotment-rents", "library-opening-hours"]);
    expect(await slugsOf(await list("?service=camhs"))).toEqual(["camhs-social-work"]);
    expect(await slugsOf(await list("?service=youth"))).toEqual([]); // the youth service's only proposal is a draft
    const library = db().select().from(t.proposals).where(eq(t.proposals.slug, "library-opening-hours")).get()!;
    expect(await slugsOf(await list(`?closesFrom=${library.closesOn}&closesTo=${library.closesOn}`))).toEqual(["library-opening-hours"]);
    expect(await slugsOf(await list(`?opensFrom=${library.opensOn}&opensTo=${library.opensOn}`))).toEqual(["library-opening-hours"]);
    expect(await slugsOf(await list("?opensFrom=2999-01-01"))).toEqual([]);
    expect(await slugsOf(await list("?updatedSince=2999-01-01T00:00:00Z"))).toEqual([]);
    expect(await slugsOf(await list("?updatedSince=2000-01-01"))).toHaveLength(4);
  });

  it("pages by cursor: following `next` visits each consultation once, in order, and the Link header agrees", async () => {
    const seen: string[] = [];
    let path: string | null = "/api/v1/consultations?limit=1";
    let pages = 0;
    while (path) {
      const response = await fetchRoute(listLoader, path);
      const body: { data: { slug: string }[]; links: { next: string | null } } = await json(response);
      expect(body.data).toHaveLength(1);
      seen.push(body.data[0].slug);
      if (body.links.next) expect(response.headers.get("Link")).toBe(`<${body.links.next}>; rel="next"`);
      else expect(response.headers.get("Link")).toBeNull();
      path = body.links.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : null;
      pages += 1;
      expect(pages).toBeLessThan(10);
    }
    expect(seen).toEqual(["allotment-rents", "camhs-social-work", "ict-strategic-partnership", "library-opening-hours"]);
  });

  it("keeps filters on the next link", async () => {
    const body = await json(await list("?status=open&limit=1"));
    const next = new URL(body.links.next);
    expect(next.searchParams.get("status")).toBe("open");
    const second = await json(await fetchRoute(listLoader, next.pathname + next.search));
    expect(second.data.map((c: { slug: string }) => c.slug)).toEqual(["ict-strategic-partnership"]);
    expect(second.links.next).toBeNull();
  });

  const bad: [string, RegExp][] = [
    ["?colour=blue", /Unknown parameter "colour"/],
    ["?status=draft", /Unknown status "draft"/],
    ["?status=union_notice", /Unknown status/],
    ["?status=", /"status" must be/],
    ["?service=no-such-service", /Unknown service "no-such-service"\. Services are: .*camhs/],
    ["?service=%27%20OR%201=1--", /"service" must be a service's slug/],
    ["?opensFrom=2026-02-30", /"opensFrom" must be a date/],
    ["?closesTo=31/01/2026", /"closesTo" must be a date/],
    ["?opensFrom=2026-03-01&opensTo=2026-01-01", /must not be after/],
    ["?updatedSince=yesterday", /"updatedSince" must be an ISO 8601/],
    ["?updatedSince=2026-13-01T00:00:00Z", /"updatedSince"/],
    ["?limit=0", /"limit" must be a whole number from 1 to 100/],
    ["?limit=101", /"limit"/],
    ["?limit=99999999999999999999", /"limit"/],
    ["?limit=-5", /"limit"/],
    ["?limit=2.5", /"limit"/],
    ["?cursor=-1", /"cursor" is not one this service gave out/],
    ["?cursor=YzE6LTE", /"cursor"/], // "c1:-1", well formed but negative
    ["?cursor=%00%00", /"cursor"/],
    ["?limit=1&limit=2", /Give "limit" once/],
  ];
  for (const [query, message] of bad) {
    it(`answers ${query} with a JSON 400 and a message`, async () => {
      const response = await list(query);
      expect(response.status).toBe(400);
      const body = await json(response);
      expect(body).toMatchObject({ status: 400, error: "Bad Request" });
      expect(body.message).toMatch(message);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    });
  }
});

describe("conditional requests", () => {
  it("answers If-None-Match with the current ETag with a 304 and no body, repeating the validators and CORS", async () => {
    const first = await detail("camhs-social-work");
    const etag = first.headers.get("ETag")!;
    const lastModified = first.headers.get("Last-Modified")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    const again = await detail("camhs-social-work", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Access-Control-Allow-Origin")).toBe("*");
    // A list of tags, or *, also matches; another tag does not.
    expect((await detail("camhs-social-work", { "If-None-Match": `"nope", ${etag}` })).status).toBe(304);
    expect((await detail("camhs-social-work", { "If-None-Match": '"nope"' })).status).toBe(200);
  });

  it("answers If-Modified-Since with a 304 when nothing changed since, and 200 otherwise", async () => {
    const first = await list();
    const lastModified = first.headers.get("Last-Modified")!;
    expect((await list("", { "If-Modified-Since": lastModified })).status).toBe(304);
    expect((await list("", { "If-Modified-Since": new Date(Date.parse(lastModified) - 60_000).toUTCString() })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await list("", { "If-Modified-Since": lastModified, "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("ignores malformed validators instead of failing", async () => {
    for (const headers of [{ "If-Modified-Since": "not a date" }, { "If-None-Match": "garbage without quotes" }, { "If-Modified-Since": "Tue, 99 Foo 2026 99:99:99 GMT" }] as Record<string, string>[]) {
      expect((await detail("camhs-social-work", headers)).status).toBe(200);
    }
  });

  it("gives a new ETag and a fresh body once a comment is hidden", async () => {
    const before = await detail("camhs-social-work");
    const etag = before.headers.get("ETag")!;
    const visible = db().select().from(t.comments).where(eq(t.comments.status, "visible")).get()!;
    db().update(t.comments).set({ status: "hidden" }).where(eq(t.comments.id, visible.id)).run();
    try {
      const after = await detail("camhs-social-work", { "If-None-Match": etag });
      expect(after.status).toBe(200);
      expect(after.headers.get("ETag")).not.toBe(etag);
      expect((await json(after)).comments.some((c: { id: number }) => c.id === visible.id)).toBe(false);
    } finally {
      db().update(t.comments).set({ status: "visible" }).where(eq(t.comments.id, visible.id)).run();
    }
  });
});

/**
 * Every open-data endpoint, as a table: a web page on any site may read each one (CORS on the GET
 * and on its 304), and each one that sends an ETag answers a repeat request carrying it with a
 * 304 and no body. `etag` says which must send one: the CSVs are streamed, so they have none.
 */
const ENDPOINTS: { path: string; loader: Parameters<typeof fetchRoute>[0]; params?: Record<string, string>; etag: boolean }[] = [
  { path: "/api/v1/consultations", loader: listLoader, etag: true },
  { path: "/api/v1/consultations?status=open&limit=1", loader: listLoader, etag: true },
  { path: "/api/v1/consultations/camhs-social-work", loader: detailLoader, params: { slug: "camhs-social-work" }, etag: true },
  { path: "/api/v1/consultations/library-opening-hours", loader: detailLoader, params: { slug: "library-opening-hours" }, etag: true },
  { path: "/api/v1/consultations/camhs-social-work/comments", loader: commentsLoader, params: { slug: "camhs-social-work" }, etag: true },
  { path: "/api/v1/search?q=library", loader: searchLoader, etag: true },
  { path: "/api/v1/openapi.json", loader: openApiLoader, etag: true },
  { path: "/feeds/consultations.atom", loader: siteFeedLoader, etag: true },
  { path: "/consultations/library-opening-hours/feed.atom", loader: consultationFeedLoader, params: { slug: "library-opening-hours" }, etag: true },
  ...DATASETS.flatMap((d) => [
    { path: `/api/v1/${d.name}.csv`, loader: fileLoader, params: { file: `${d.name}.csv` }, etag: false },
    { path: `/api/v1/${d.name}.csv?consultation=library-opening-hours`, loader: fileLoader, params: { file: `${d.name}.csv` }, etag: false },
  ]),
];

describe("every open-data endpoint", () => {
  for (const e of ENDPOINTS) {
    it(`${e.path}: readable from any origin${e.etag ? ", and a 304 for the ETag it sent" : ""}`, async () => {
      const get = (headers: Record<string, string> = {}) => fetchRoute(e.loader, e.path, { params: e.params, headers: { Origin: "https://journalist.example", ...headers } });
      const first = await get();
      expect(first.status).toBe(200);
      expect(first.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(first.headers.get("Access-Control-Allow-Credentials")).toBeNull();
      await first.body?.cancel();
      const etag = first.headers.get("ETag");
      if (e.etag) expect(etag, "an ETag").toMatch(/^"[^"]+"$/);
      if (!etag) return;
      const again = await get({ "If-None-Match": etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("ETag")).toBe(etag);
      expect(again.headers.get("Access-Control-Allow-Origin")).toBe("*");
    });
  }
});

describe("CORS and methods", () => {
  it("lets any origin read, without credentials", async () => {
    const response = await list("", { Origin: "https://journalist.example" });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    expect(response.headers.get("Access-Control-Expose-Headers")).toMatch(/ETag/);
  });

  it("answers the preflight for a conditional GET", async () => {
    const response = await fetchRoute(listLoader, "/api/v1/consultations", {
      method: "OPTIONS",
      headers: { Origin: "https://journalist.example", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Methods")).toContain("GET");
    expect(response.headers.get("Access-Control-Allow-Headers")).toMatch(/If-None-Match/i);
  });

  it("refuses writes with a JSON 405", async () => {
    for (const action of [listAction, detailAction]) {
      const response = await fetchRoute(action, "/api/v1/consultations", { method: "POST" });
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
      expect((await json(response)).message).toMatch(/read-only/);
    }
  });
});

describe("one consultation", () => {
  it("carries everything public: details, figures, risks with their mitigations, dependencies, equality rows, documents with withheld grounds, dates, notification record, versions, responses and comments", async () => {
    const c = await json(await detail("camhs-social-work"));
    expect(c.slug).toBe("camhs-social-work");
    expect(c.status).toBe("open");
    expect(c.details.whatChanges).toMatch(/12 social workers/);
    expect(c.impact).toMatchObject({ postsAffected: 12, fteAffected: 11.4, serviceWorkforcePosts: 48, workforceShare: 0.25, activityPerYear: 450 });
    expect(c.risks.length).toBeGreaterThanOrEqual(3);
    expect(c.risks[0]).toMatchObject({ ref: "R1", likelihood: expect.any(Number), impact: expect.any(Number), score: c.risks[0].likelihood * c.risks[0].impact });
    const mitigated = c.risks.find((r: { mitigationIds: number[] }) => r.mitigationIds.length > 0);
    const mitigation = c.mitigations.find((m: { id: number }) => m.id === mitigated.mitigationIds[0]);
    expect(mitigation.riskIds).toContain(mitigated.id);
    expect(c.dependencies.length).toBeGreaterThan(0);
    expect(c.equality.rows.map((r: { characteristic: string }) => r.characteristic)).toEqual(expect.arrayContaining(["age", "disability", "race", "sex"]));
    expect(c.equality.aims.eliminateDiscrimination).toBeTruthy();
    expect(c.dates).toMatchObject({ opensOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), openedAt: expect.stringMatching(/Z$/), outcomeDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(c.notificationRecord.unions).toMatchObject({ toldOn: expect.any(String), repsNotified: expect.any(Number) });
    expect(c.notificationRecord.staff.total).toBeGreaterThan(0);
    expect(c.approval).toEqual({ approverName: expect.any(String), approvedAt: expect.stringMatching(/Z$/) });
    // Unchanged since it opened: its drafts and submissions are internal, so no published version.
    expect(c.versions).toEqual([]);
    expect(c.responses.total).toBe(8);
    expect(c.responses.byChannel).toMatchObject({ online: 4, paper: 2, phone: 1, event: 1, email: 0 });
    expect(c.responses.questions[0].stances.disagree + c.responses.questions[0].stances.strongly_disagree).toBeGreaterThan(0);
    expect(c.commentsTotal).toBe(c.comments.length);
    expect(c.moderationLog).toEqual([expect.objectContaining({ action: "hide", rule: "spam" })]);
    const official = c.comments.find((x: { official: boolean }) => x.official);
    expect(official.author.capacity).toMatch(/Council/);
    // Nothing internal: no returned reason, no s.188 letter, no ids of staff.
    const text = JSON.stringify(c);
    for (const key of ["returnedReason", "redundancyReasons", "selectionMethod", "createdById", "approvedById", "leadOfficer", "storageKey", "respondentId", "officerId"]) expect(text).not.toContain(`"${key}"`);
  });

  it("lists the library consultation's published versions as its history page does: numbered from 1, the first the baseline, each with its change note and the sections it changed", async () => {
    const slug = "library-opening-hours";
    const library = db().select().from(t.proposals).where(eq(t.proposals.slug, slug)).get()!;
    const stored = db().select().from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, library.id)).orderBy(t.proposalVersions.number).all();
    const published = stored.filter((v) => v.isPublic);
    expect(published.length, "the demo's library consultation was changed in public").toBeGreaterThanOrEqual(3);
    expect(stored.length, "and has internal versions the public never sees").toBeGreaterThan(published.length);

    const c = await json(await detail(slug));
    // Newest first, numbered in the public's own count (internal versions are not counted).
    expect(c.versions.map((v: { number: number }) => v.number)).toEqual(published.map((_, i) => published.length - i));
    expect(c.versions.map((v: { isBaseline: boolean }) => v.isBaseline)).toEqual(published.map((_, i) => i === published.length - 1));
    expect(c.versions.map((v: { changeNote: string | null }) => v.changeNote)).toEqual([...published].reverse().map((v) => v.changeNote));
    expect(c.versions.map((v: { publishedAt: string }) => v.publishedAt)).toEqual([...published].reverse().map((v) => v.createdAt));
    expect(c.versions.filter((v: { changeNote: string | null }) => v.changeNote).length, "the changes carry their notes").toBeGreaterThanOrEqual(2);
    expect(c.versions.at(-1).sectionsChanged).toEqual([]);
    for (const v of c.versions.slice(0, -1)) expect(v.sectionsChanged.length, `version ${v.number} changed something`).toBeGreaterThan(0);

    // The same history a visitor reads on /consultations/:slug/history.
    const page = (await call(historyLoader, `/consultations/${slug}/history`, { params: { slug } })).data as {
      versions: { number: number; isBaseline: boolean; changeNote: string | null; createdAt: string; changes: { section: string }[] }[];
    };
    expect(c.versions).toEqual(
      page.versions.map((v) => ({ number: v.number, isBaseline: v.isBaseline, changeNote: v.changeNote, publishedAt: v.createdAt, sectionsChanged: v.changes.map((ch) => ch.section) })),
    );
  });

  it("lists a withheld document with its ground and no download address", async () => {
    const c = await json(await detail("ict-strategic-partnership"));
    const withheld = c.documents.flatMap((d: { withheldParts: unknown[] }) => d.withheldParts);
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld[0]).toMatchObject({ ground: expect.any(String), groundLabel: expect.stringMatching(/section|regulation/i), publicInterestNote: expect.any(String) });
    for (const d of c.documents) {
      if (d.disclosure === "withheld") expect(d.url).toBeNull();
      else expect(d.url).toMatch(/^http:\/\/plainsight\.test\/consultations\/ict-strategic-partnership\/documents\/\d+$/);
    }
  });

  it("pages its comments by cursor, and refuses a bad cursor or limit", async () => {
    const all = await json(await fetchRoute(commentsLoader, "/api/v1/consultations/camhs-social-work/comments", { params: { slug: "camhs-social-work" } }));
    const ids: number[] = [];
    let path: string | null = "/api/v1/consultations/camhs-social-work/comments?limit=2";
    while (path) {
      const body: { data: { id: number }[]; links: { next: string | null } } = await json(await fetchRoute(commentsLoader, path, { params: { slug: "camhs-social-work" } }));
      ids.push(...body.data.map((c: { id: number }) => c.id));
      path = body.links.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : null;
    }
    expect(ids).toEqual(all.data.map((c: { id: number }) => c.id));
    expect(all.meta.total).toBe(ids.length);
    for (const q of ["?cursor=zzz", "?limit=0", "?limit=501", "?sort=new"]) {
      const response = await fetchRoute(commentsLoader, `/api/v1/consultations/camhs-social-work/comments${q}`, { params: { slug: "camhs-social-work" } });
      expect(response.status, q).toBe(400);
    }
  });

  it("answers an unknown address under /api/v1 and an unknown dataset with a JSON 404", async () => {
    for (const [fn, path, params] of [
      [splatLoader, "/api/v1/consultations/camhs-social-work/risks", { "*": "consultations/camhs-social-work/risks" }],
      [fileLoader, "/api/v1/budgets.csv", { file: "budgets.csv" }],
      [fileLoader, "/api/v1/whatever", { file: "whatever" }],
    ] as const) {
      const response = await fetchRoute(fn, path, { params });
      expect(response.status, path).toBe(404);
      expect((await json(response)).message).toBeTruthy();
    }
    expect((await detail("x'; DROP TABLE proposals; --")).status).toBe(404);
  });

  it("refuses unknown parameters on one consultation", async () => {
    const response = await fetchRoute(detailLoader, "/api/v1/consultations/camhs-social-work?include=secrets", { params: { slug: "camhs-social-work" } });
    expect(response.status).toBe(400);
  });
});
