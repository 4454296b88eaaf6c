/**
 * Need to know, through the real route modules on the seeded demo council: a proposal under
 * union notice, its unions' confidential feedback and the council's answers reach its service's
 * officers, approvers, the decision maker, admins and each notified union's own reps, and
 * nobody else. The moderator is the case issue 9 found: they could read both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed.server";
import { setClock } from "~/lib/clock";
import { loader as consultationLoader } from "~/routes/consultations.$slug";
import { action as noticeAction, loader as noticeLoader } from "~/routes/notices.$slug";
import { action as staffNoticeAction, loader as staffNoticeLoader } from "~/routes/staff.notices.$id";
import { loader as staffNoticesLoader } from "~/routes/staff.notices._index";
import { loader as staffProposalLoader } from "~/routes/staff.proposals.$id";
import { cookieFor, get, post, proposal, run, SEED_DATE, user } from "../fixtures/notifications-council";

const PARKS = "reopening-a-closed-park"; // under union notice to GMB and UNISON
const ICT = "ict-strategic-partnership"; // open; its notice went to UNISON and Unite
const MODERATOR = "moderator@northmoor.example";
const KAREN = "rep.unison@northmoor.example"; // UNISON
const TONY = "rep.gmb@northmoor.example"; // GMB
const PRIYA = "rep.unite@northmoor.example"; // Unite: not told of the parks proposal
const GEMMA = "officer.parks@northmoor.example"; // drafted the parks proposal
const SAM = "officer@northmoor.example"; // CAMHS officer: another service
const UNISON_WORDS = "Rangers on the early shift would lose their unsocial hours payment; please share the rota.";
const GMB_WORDS = "GMB members ask that the grounds crews keep their current depot and start times.";
const ANSWER_WORDS = "The rota modelling is attached to the proposal; unsocial hours payments continue.";
const ICT_WORDS = "Unite asks for the transfer list of ICT posts before the consultation opens.";

let parksId: number;
let ictId: number;

beforeAll(async () => {
  setClock(SEED_DATE);
  migrateDatabase(db());
  await seedDemo(db(), SEED_DATE);
  parksId = proposal(PARKS).id;
  ictId = proposal(ICT).id;
  expect(proposal(PARKS).state).toBe("union_notice");
  expect(proposal(PARKS).unions.map((u) => u.shortName).sort()).toEqual(["GMB", "UNISON"]);
  expect(proposal(ICT).state).toBe("open");
  expect(proposal(ICT).unions.map((u) => u.shortName).sort()).toEqual(["UNISON", "Unite"]);

  // Each notified union sends feedback through its rep's page; the drafter answers UNISON's.
  const unionId = (shortName: string) => db().select().from(t.unions).where(eq(t.unions.shortName, shortName)).get()!.id;
  for (const [rep, union, body] of [[KAREN, "UNISON", UNISON_WORDS], [TONY, "GMB", GMB_WORDS]] as const) {
    const sent = await run(async () => noticeAction({ request: post(`/notices/${PARKS}`, { intent: "feedback", unionId: String(unionId(union)), body }, await cookieFor(rep)), params: { slug: PARKS }, context: {} }));
    expect(sent.status, `${rep} sends feedback`).toBe(302);
  }
  const unison = db().select().from(t.noticeFeedback).where(eq(t.noticeFeedback.body, UNISON_WORDS)).get()!;
  const answered = await run(async () =>
    staffNoticeAction({ request: post(`/staff/notices/${parksId}`, { intent: "answer", feedbackId: String(unison.id), body: ANSWER_WORDS }, await cookieFor(GEMMA)), params: { id: String(parksId) }, context: {} }),
  );
  expect(answered.status).toBe(302);
  // The open ICT proposal keeps the feedback it had under notice.
  db().insert(t.noticeFeedback).values({ proposalId: ictId, unionId: unionId("Unite"), authorId: user(PRIYA).id, body: ICT_WORDS, createdAt: SEED_DATE.toISOString() }).run();
}, 60_000);

afterAll(() => setClock(null));

async function staffNotice(email: string, id: number) {
  return run(async () => staffNoticeLoader({ request: get(`/staff/notices/${id}`, await cookieFor(email)), params: { id: String(id) }, context: {} }));
}
const text = (value: unknown) => JSON.stringify(value);

describe("a moderator has no need to know", () => {
  it("is refused the proposal under union notice on its public address, as if it did not exist", async () => {
    const cookie = await cookieFor(MODERATOR);
    const embargoed = await run(() => consultationLoader({ request: get(`/consultations/${PARKS}`, cookie), params: { slug: PARKS }, context: {} }));
    const missing = await run(() => consultationLoader({ request: get("/consultations/no-such-thing", cookie), params: { slug: "no-such-thing" }, context: {} }));
    expect(embargoed.status).toBe(404);
    expect(missing.status).toBe(404);
    // …and on its staff page.
    expect((await run(() => staffProposalLoader({ request: get(`/staff/proposals/${parksId}`, cookie), params: { id: String(parksId) }, context: {} }))).status).toBe(404);
  });

  it("is refused the union notice page with its confidential feedback, under notice and after opening", async () => {
    expect((await staffNotice(MODERATOR, parksId)).status).toBe(404);
    expect((await staffNotice(MODERATOR, ictId)).status).toBe(404);
  });

  it("cannot answer a union's feedback either", async () => {
    const item = db().select().from(t.noticeFeedback).where(eq(t.noticeFeedback.body, GMB_WORDS)).get()!;
    const tried = await run(async () =>
      staffNoticeAction({ request: post(`/staff/notices/${parksId}`, { intent: "answer", feedbackId: String(item.id), body: "Noted." }, await cookieFor(MODERATOR)), params: { id: String(parksId) }, context: {} }),
    );
    expect(tried.status).toBe(404);
    expect(db().select().from(t.noticeFeedback).where(eq(t.noticeFeedback.inReplyToId, item.id)).all()).toHaveLength(0);
  });

  it("is not listed any notice on the union notices page", async () => {
    const list = await run(async () => staffNoticesLoader({ request: get("/staff/notices", await cookieFor(MODERATOR)), params: {}, context: {} }));
    expect(list.status).toBe(200);
    expect(text(list.value)).not.toContain(proposal(PARKS).title);
  });

  it("reads an open consultation's staff page without its history or the link to its union notice", async () => {
    const page = await run(async () => staffProposalLoader({ request: get(`/staff/proposals/${ictId}`, await cookieFor(MODERATOR)), params: { id: String(ictId) }, context: {} }));
    expect(page.status).toBe(200);
    const value = page.value as { internal: boolean; noticeLink: boolean; trail: unknown[] };
    expect(value).toMatchObject({ internal: false, noticeLink: false, trail: [] });
  });
});

describe("the people with the need to know still get through", () => {
  it.each([GEMMA, "approver@northmoor.example", "decisions@northmoor.example", "admin@northmoor.example"])("%s reads every union's feedback and the council's answer", async (email) => {
    const page = await staffNotice(email, parksId);
    expect(page.status).toBe(200);
    expect(text(page.value)).toContain(UNISON_WORDS);
    expect(text(page.value)).toContain(GMB_WORDS);
    expect(text(page.value)).toContain(ANSWER_WORDS);
  });

  it("the drafter's staff page keeps its history and its link to the union notice", async () => {
    const page = await run(async () => staffProposalLoader({ request: get(`/staff/proposals/${parksId}`, await cookieFor(GEMMA)), params: { id: String(parksId) }, context: {} }));
    const value = page.value as { internal: boolean; noticeLink: boolean; trail: unknown[] };
    expect(value.internal).toBe(true);
    expect(value.noticeLink).toBe(true);
    expect(value.trail.length).toBeGreaterThan(0);
  });

  it("after opening, the service's officers still read the feedback the union sent under notice", async () => {
    const page = await staffNotice("officer.ict@northmoor.example", ictId);
    expect(page.status).toBe(200);
    expect(text(page.value)).toContain(ICT_WORDS);
  });

  it("each notified union's rep reads the proposal and their own union's feedback with its answer, never the other union's", async () => {
    const karen = await run(async () => noticeLoader({ request: get(`/notices/${PARKS}`, await cookieFor(KAREN)), params: { slug: PARKS }, context: {} }));
    expect(karen.status).toBe(200);
    expect(text(karen.value)).toContain(UNISON_WORDS);
    expect(text(karen.value)).toContain(ANSWER_WORDS);
    expect(text(karen.value)).not.toContain(GMB_WORDS);
    const tony = await run(async () => noticeLoader({ request: get(`/notices/${PARKS}`, await cookieFor(TONY)), params: { slug: PARKS }, context: {} }));
    expect(text(tony.value)).toContain(GMB_WORDS);
    expect(text(tony.value)).not.toContain(UNISON_WORDS);
    expect(text(tony.value)).not.toContain(ANSWER_WORDS);
  });
});

describe("others without the need to know are refused", () => {
  it("a rep of a union not notified reads neither the notice nor the proposal's public address", async () => {
    const cookie = await cookieFor(PRIYA);
    expect((await run(() => noticeLoader({ request: get(`/notices/${PARKS}`, cookie), params: { slug: PARKS }, context: {} }))).status).toBe(404);
    expect((await run(() => consultationLoader({ request: get(`/consultations/${PARKS}`, cookie), params: { slug: PARKS }, context: {} }))).status).toBe(404);
    // …nor the officers' notice page (not staff at all).
    expect((await staffNotice(PRIYA, parksId)).status).toBe(403);
  });

  it("an officer of another service is refused the notice page, under notice and after opening", async () => {
    expect((await staffNotice(SAM, parksId)).status).toBe(404);
    expect((await staffNotice(SAM, ictId)).status).toBe(404);
  });
});
