/**
 * The outcome loop in the open data: the published outcome report ("you said, we did") and the
 * decision in the API, the themes and outcomes CSV files, the feeds and the sitemap. Each appears
 * only once it is public; words from a respondent who did not agree to publish, and answers to a
 * question marked personal, appear in none of them, even when an officer coded them into a theme.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { loader as fileLoader } from "~/routes/api.v1.$file";
import { loader as detailLoader } from "~/routes/api.v1.consultations.$slug";
import { loader as consultationFeedLoader } from "~/routes/consultations.$slug_.feed[.atom]";
import { loader as siteFeedLoader } from "~/routes/feeds.consultations[.atom]";
import { loader as sitemapLoader } from "~/routes/sitemap[.xml]";
import * as consultationPage from "~/routes/consultations.$slug";
import * as outcomePage from "~/routes/consultations.$slug_.outcome";
import { expectValidAtom, fetchRoute, json, parseCsv, seededWithResponses, text } from "./open-data-fixtures";
import { call } from "./responses-fixtures";

const LIBRARY = "library-opening-hours";
const detail = async (slug: string) => json(await fetchRoute(detailLoader, `/api/v1/consultations/${slug}`, { params: { slug } }));
const csv = async (dataset: string, query = "") => {
  const response = await fetchRoute(fileLoader, `/api/v1/${dataset}.csv${query}`, { params: { file: `${dataset}.csv` } });
  expect(response.status, `${dataset}.csv`).toBe(200);
  return await response.text();
};

/** Words that must never leave: a non-consenting respondent's answer and an answer to a personal question, both coded into a theme. */
const PRIVATE_WORDS = "Quillonprivate: my son's autism means he cannot cope with the noise on Saturdays.";
const PERSONAL_WORDS = "Quillonpersonal: I am registered blind and rely on the Tuesday reading group.";

let library: typeof t.proposals.$inferSelect;
let personalQuestionId = 0;

beforeAll(async () => {
  await seededWithResponses();
  library = db().select().from(t.proposals).where(eq(t.proposals.slug, LIBRARY)).get()!;
  expect(library.state, "the demo's library consultation is decided").toBe("decided");
  const theme = db().select().from(t.themes).where(eq(t.themes.proposalId, library.id)).get()!;
  expect(theme, "the demo's library outcome has themes").toBeDefined();
  const question = db().select().from(t.consultationQuestions).where(eq(t.consultationQuestions.proposalId, library.id)).get()!;
  personalQuestionId = db().insert(t.consultationQuestions).values({ proposalId: library.id, position: 99, question: "Do you have a disability that affects how you use the library?", personal: true }).returning({ id: t.consultationQuestions.id }).get().id;
  const resident = db().select().from(t.respondents).get()!;
  const code = (responseId: number, questionId: number) =>
    db().insert(t.themeCodes).values({ themeId: theme.id, proposalId: library.id, itemKey: `answer:${responseId}:${questionId}`, kind: "answer", responseId, questionId, respondentKey: `o:${responseId}` }).run();
  // Did not agree to publish: coded into a theme all the same.
  const private_ = db().insert(t.responses).values({ proposalId: library.id, respondentId: resident.id, channel: "online", publishAnswers: false }).returning({ id: t.responses.id }).get().id;
  db().insert(t.responseAnswers).values({ responseId: private_, questionId: question.id, stance: "strongly_disagree", text: PRIVATE_WORDS }).run();
  code(private_, question.id);
  // Agreed to publish, but this question is about their own circumstances.
  const agreed = db().insert(t.responses).values({ proposalId: library.id, channel: "paper", publishAnswers: true }).returning({ id: t.responses.id }).get().id;
  db().insert(t.responseAnswers).values({ responseId: agreed, questionId: personalQuestionId, stance: "agree", text: PERSONAL_WORDS }).run();
  code(agreed, personalQuestionId);
});

describe("the API", () => {
  it("carries the published outcome and the decision of a decided consultation, as stored", async () => {
    const body = await detail(LIBRARY);
    const outcome = db().select().from(t.outcomes).where(eq(t.outcomes.proposalId, library.id)).get()!;
    const decision = db().select().from(t.decisions).where(eq(t.decisions.proposalId, library.id)).get()!;
    const themes = db().select().from(t.themes).where(eq(t.themes.proposalId, library.id)).all();
    expect(body.outcome.publishedAt).toBe(outcome.publishedAt);
    expect(body.outcome.whatHappensNext).toBe(outcome.whatHappensNext);
    expect(body.outcome.themes.map((x: { name: string }) => x.name).sort()).toEqual(themes.map((x) => x.name).sort());
    for (const th of body.outcome.themes) {
      expect(th.councilResponse).not.toBe("");
      expect(th.respondents).toBeGreaterThan(0);
      if (th.changed) expect(th.version?.number, `${th.name} links the version that changed it`).toBeGreaterThan(0);
    }
    expect(body.outcome.equality.length).toBeGreaterThan(0);
    expect(body.outcome.equality[0].before).toHaveProperty("rating");
    expect(body.outcome.links.html).toBe(`http://plainsight.test/consultations/${LIBRARY}/outcome`);
    expect(body.decision).toMatchObject({ decision: decision.decision, decidedOn: decision.decidedOn, reference: decision.reference, noticeUrl: decision.noticeUrl });
    expect(body.links.csv.themes).toBe(`http://plainsight.test/api/v1/themes.csv?consultation=${LIBRARY}`);
  });

  it("has no outcome or decision before they are public: open, closed, and an outcome still in draft", async () => {
    for (const slug of ["camhs-social-work", "allotment-rents"]) {
      const body = await detail(slug);
      expect([slug, body.outcome, body.decision]).toEqual([slug, null, null]);
    }
    // The library's report back in sign-off, as if never published.
    try {
      db().update(t.proposals).set({ state: "closed" }).where(eq(t.proposals.id, library.id)).run();
      db().update(t.outcomes).set({ status: "submitted" }).where(eq(t.outcomes.proposalId, library.id)).run();
      const body = await detail(LIBRARY);
      expect([body.outcome, body.decision]).toEqual([null, null]);
      expect(await csv("themes", `?consultation=${LIBRARY}`)).toBe((await csv("themes", `?consultation=${LIBRARY}`)).split("\r\n")[0] + "\r\n");
      expect(parseCsv(await csv("outcomes"))).toHaveLength(1);
    } finally {
      db().update(t.proposals).set({ state: library.state }).where(eq(t.proposals.id, library.id)).run();
      db().update(t.outcomes).set({ status: "published" }).where(eq(t.outcomes.proposalId, library.id)).run();
    }
  });

  it("never carries a personal question, or words a respondent did not agree to publish", async () => {
    const raw = JSON.stringify(await detail(LIBRARY));
    expect(raw).not.toContain("Quillonprivate");
    expect(raw).not.toContain("Quillonpersonal");
    const body = JSON.parse(raw);
    expect(body.responses.questions.some((q: { id: number }) => q.id === personalQuestionId)).toBe(false);
    expect(body.outcome.questions.some((q: { id: number }) => q.id === personalQuestionId)).toBe(false);
    // The camhs demo marks a question personal too: its counts are not published either.
    const camhsPersonal = db()
      .select()
      .from(t.consultationQuestions)
      .innerJoin(t.proposals, eq(t.proposals.id, t.consultationQuestions.proposalId))
      .where(and(eq(t.proposals.slug, "camhs-social-work"), eq(t.consultationQuestions.personal, true)))
      .all();
    expect(camhsPersonal.length).toBeGreaterThan(0);
    const camhs = await detail("camhs-social-work");
    for (const q of camhsPersonal) expect(camhs.responses.questions.some((x: { id: number }) => x.id === q.consultation_questions.id)).toBe(false);
  });
});

describe("the themes and outcomes CSV files", () => {
  it("have a row per theme of a published outcome and one per published outcome, with its decision", async () => {
    const [header, ...rows] = parseCsv(await csv("themes"));
    const themes = db().select().from(t.themes).where(eq(t.themes.proposalId, library.id)).all();
    expect(rows.map((r) => r[header.indexOf("consultation")])).toEqual(themes.map(() => LIBRARY));
    expect(rows.map((r) => r[header.indexOf("name")]).sort()).toEqual(themes.map((x) => x.name).sort());
    const [oHeader, ...outcomes] = parseCsv(await csv("outcomes"));
    expect(outcomes).toHaveLength(1);
    const decision = db().select().from(t.decisions).where(eq(t.decisions.proposalId, library.id)).get()!;
    const cell = (name: string) => outcomes[0][oHeader.indexOf(name)];
    expect([cell("consultation"), cell("decision"), cell("decided_on"), cell("themes")]).toEqual([LIBRARY, decision.decision, decision.decidedOn, String(themes.length)]);
    expect(cell("published_at")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
  });

  it("neutralise text a spreadsheet would run as a formula", async () => {
    const theme = db().select().from(t.themes).where(eq(t.themes.proposalId, library.id)).get()!;
    const decision = db().select().from(t.decisions).where(eq(t.decisions.proposalId, library.id)).get()!;
    try {
      db().update(t.themes).set({ name: '=HYPERLINK("http://evil.example","x")', councilResponse: "+44 1632 960000 is the number to call" }).where(eq(t.themes.id, theme.id)).run();
      db().update(t.decisions).set({ reference: "@SUM(A1:A9)", summary: "-2+3" }).where(eq(t.decisions.proposalId, library.id)).run();
      const [header, ...rows] = parseCsv(await csv("themes", `?consultation=${LIBRARY}`));
      const row = rows.find((r) => r[header.indexOf("theme_id")] === String(theme.id))!;
      expect(row[header.indexOf("name")]).toBe(`'=HYPERLINK("http://evil.example","x")`);
      expect(row[header.indexOf("council_response")]).toBe("'+44 1632 960000 is the number to call");
      const [oHeader, outcome] = parseCsv(await csv("outcomes", `?consultation=${LIBRARY}`));
      expect(outcome[oHeader.indexOf("decision_reference")]).toBe("'@SUM(A1:A9)");
      expect(outcome[oHeader.indexOf("decision_summary")]).toBe("'-2+3");
    } finally {
      db().update(t.themes).set({ name: theme.name, councilResponse: theme.councilResponse }).where(eq(t.themes.id, theme.id)).run();
      db().update(t.decisions).set({ reference: decision.reference, summary: decision.summary }).where(eq(t.decisions.proposalId, library.id)).run();
    }
  });

  it("never carry a personal question or a non-consenting respondent's words, in any dataset", async () => {
    for (const dataset of ["themes", "outcomes", "answers", "comments", "consultations"]) {
      const body = await csv(dataset);
      expect(body, dataset).not.toContain("Quillonprivate");
      expect(body, dataset).not.toContain("Quillonpersonal");
    }
    const [header, ...rows] = parseCsv(await csv("answers", `?consultation=${LIBRARY}`));
    expect(rows.some((r) => r[header.indexOf("question_id")] === String(personalQuestionId))).toBe(false);
  });
});

describe("the feeds", () => {
  it("a decided consultation's feed is valid Atom with entries for the outcome and the decision", async () => {
    const response = await fetchRoute(consultationFeedLoader, `/consultations/${LIBRARY}/feed.atom`, { params: { slug: LIBRARY } });
    expect(response.status).toBe(200);
    const xml = await response.text();
    const { entries } = expectValidAtom(xml);
    const outcome = db().select().from(t.outcomes).where(eq(t.outcomes.proposalId, library.id)).get()!;
    const decision = db().select().from(t.decisions).where(eq(t.decisions.proposalId, library.id)).get()!;
    const byId = (suffix: string) => entries.find((e) => text(e.id).endsWith(`/consultations/${LIBRARY}/outcome#${suffix}`));
    expect(text(byId("outcome")?.updated)).toBe(new Date(outcome.publishedAt!).toISOString());
    expect(byId("outcome")!.link[0]["@href"]).toBe(`http://plainsight.test/consultations/${LIBRARY}/outcome`);
    expect(text(byId("decision")?.updated)).toBe(new Date(decision.recordedAt).toISOString());
    expect(text(byId("decision")!.title)).toContain("Decision");
    expect(xml).not.toContain("Quillon");
  });

  it("an open or closed consultation's feed has neither", async () => {
    for (const slug of ["camhs-social-work", "allotment-rents"]) {
      const { entries } = expectValidAtom(await (await fetchRoute(consultationFeedLoader, `/consultations/${slug}/feed.atom`, { params: { slug } })).text());
      expect(entries.some((e) => /\/outcome#/.test(text(e.id))), slug).toBe(false);
    }
  });

  it("the site feed gives the outcome and decision the same ids as the consultation's feed", async () => {
    const site = expectValidAtom(await (await fetchRoute(siteFeedLoader, "/feeds/consultations.atom")).text());
    const own = expectValidAtom(await (await fetchRoute(consultationFeedLoader, `/consultations/${LIBRARY}/feed.atom`, { params: { slug: LIBRARY } })).text());
    const outcomeIds = (entries: typeof site.entries) => entries.map((e) => text(e.id)).filter((id) => id.includes("/outcome#")).sort();
    expect(outcomeIds(site.entries)).toHaveLength(2);
    expect(outcomeIds(site.entries)).toEqual(outcomeIds(own.entries));
  });
});

describe("the sitemap", () => {
  it("lists the outcome page (and its published answers) of a consultation with a published outcome, and no other outcome page", async () => {
    const xml = await (await fetchRoute(sitemapLoader, "/sitemap.xml")).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toContain(`http://plainsight.test/consultations/${LIBRARY}/outcome`);
    expect(locs).toContain(`http://plainsight.test/consultations/${LIBRARY}/outcome/answers`);
    expect(locs.filter((l) => l.includes("/outcome"))).toEqual([`http://plainsight.test/consultations/${LIBRARY}/outcome`, `http://plainsight.test/consultations/${LIBRARY}/outcome/answers`]);
  });
});

describe("the outcome page", () => {
  it("offers the consultation as JSON and as a feed with <link rel=\"alternate\">, as the consultation page does, and both addresses answer", async () => {
    // A page's <link> tags come from its route's meta, given what its loader returned.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const alternates = async (route: { loader: (args: any) => unknown; meta?: (args: any) => unknown }, path: string) => {
      const data = (await call(route.loader, path, { params: { slug: LIBRARY } })).data;
      expect(data, path).toBeTruthy();
      const tags = route.meta!({ data, matches: [], params: { slug: LIBRARY }, location: { pathname: path, search: "", hash: "", state: null, key: "default" } }) as Record<string, string>[];
      return tags.filter((tag) => tag.tagName === "link" && tag.rel === "alternate");
    };
    const onOutcome = await alternates(outcomePage, `/consultations/${LIBRARY}/outcome`);
    expect(onOutcome.map((l) => [l.type, l.href])).toEqual([
      ["application/json", `/api/v1/consultations/${LIBRARY}`],
      ["application/atom+xml", `/consultations/${LIBRARY}/feed.atom`],
    ]);
    expect(onOutcome).toEqual(await alternates(consultationPage, `/consultations/${LIBRARY}`));
    expect((await fetchRoute(detailLoader, onOutcome[0].href, { params: { slug: LIBRARY } })).status).toBe(200);
    expect((await fetchRoute(consultationFeedLoader, onOutcome[1].href, { params: { slug: LIBRARY } })).status).toBe(200);
  });
});

describe("the open-data page", () => {
  it("documents the themes, outcomes and answers files with their columns, and examples that work", async () => {
    const { loader } = await import("~/routes/open-data");
    const data = (await loader({ request: new Request("http://plainsight.test/open-data"), params: {}, context: {} })) as Awaited<ReturnType<typeof loader>>;
    const names = data.datasets.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(["themes", "outcomes", "answers"]));
    expect(data.datasets.find((d) => d.name === "outcomes")!.columns.map((c) => c.name)).toEqual(expect.arrayContaining(["decision", "decided_on", "published_at"]));
    const words = data.before + data.after;
    expect(words).toContain("http://plainsight.test/api/v1/themes.csv?consultation=library-opening-hours");
    expect(words).toContain("http://plainsight.test/api/v1/outcomes.csv");
    expect(words).toContain("outcome");
    // The examples are answered: the consultation they name has an outcome and themes.
    expect((await detail(LIBRARY)).outcome).not.toBeNull();
    expect(parseCsv(await csv("themes", `?consultation=${LIBRARY}`)).length).toBeGreaterThan(1);
  });
});
