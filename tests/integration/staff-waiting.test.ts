/**
 * The staff home page's "Waiting for you", per role, through its loader on the demo council:
 * approvers see what they may approve (never their own), officers what was returned to them,
 * their drafts and union feedback to answer, decision makers outcomes awaiting a decision, and
 * moderators the size of the queue. Nobody sees work that is not theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { applyTransition } from "~/proposals/lifecycle.server";
import type { WaitingForYou } from "~/proposals/waiting.server";
import { loader } from "~/routes/staff._index";
import { cookieFor, get, proposal, run, seedCouncil, user, viewerFor } from "../fixtures/notifications-council";

async function waitingFor(email: string): Promise<WaitingForYou> {
  const page = await run(async () => loader({ request: get("/staff", await cookieFor(email)), params: {}, context: {} }));
  expect(page.status).toBe(200);
  return (page.value as { waiting: WaitingForYou }).waiting;
}
const titles = (items: { title: string }[]) => items.map((i) => i.title);

const GARDEN = "garden-waste-collections";
const PARKS = "reopening-a-closed-park";
const YOUTH = "youth-service-review";
const REASON = "The winter tonnage figures need the 2025 weighbridge data, not the 2023 estimate.";

beforeAll(async () => {
  await seedCouncil();
}, 60_000);
afterAll(() => setClock(null));

describe("approvers", () => {
  it("see a proposal in review they may approve; its drafter, though an approver, does not", async () => {
    const garden = proposal(GARDEN);
    expect(garden.state).toBe("in_review");
    expect(titles((await waitingFor("approver@northmoor.example")).toApprove)).toEqual([garden.title]);
    expect(titles((await waitingFor("approver2@northmoor.example")).toApprove)).toEqual([]);
    // Officers, moderators and decision makers have nothing to approve.
    for (const email of ["officer@northmoor.example", "moderator@northmoor.example", "decisions@northmoor.example"]) {
      expect((await waitingFor(email)).toApprove, email).toEqual([]);
    }
  });
});

describe("officers", () => {
  it("see their service's drafts, and nothing of another service's", async () => {
    const youth = proposal(YOUTH);
    expect(youth.state).toBe("draft");
    const bethan = await waitingFor("officer.youth@northmoor.example");
    expect(titles(bethan.drafts)).toEqual([youth.title]);
    expect(bethan.returned).toEqual([]);
    expect(titles((await waitingFor("officer@northmoor.example")).drafts)).not.toContain(youth.title);
  });

  it("see a proposal returned to them, with the approver's reason, under its own heading", async () => {
    const approver = await viewerFor("approver@northmoor.example");
    expect(applyTransition("reject", proposal(GARDEN).id, { kind: "person", viewer: approver }, { reason: REASON }).ok).toBe(true);
    const david = await waitingFor("approver2@northmoor.example");
    expect(david.returned).toEqual([expect.objectContaining({ title: proposal(GARDEN).title, note: REASON })]);
    expect(titles(david.drafts)).not.toContain(proposal(GARDEN).title);
    expect((await waitingFor("approver@northmoor.example")).toApprove).toEqual([]);
  });

  it("see union feedback waiting for an answer on their service's proposal under notice, with how many items", async () => {
    const parks = proposal(PARKS);
    expect(parks.state).toBe("union_notice");
    const rep = user("rep.unison@northmoor.example");
    const unison = parks.unions.find((u) => u.shortName === "UNISON")!;
    for (const body of ["Which ranger posts would move to the new park?", "Please share the staffing plan for weekends."]) {
      db().insert(t.noticeFeedback).values({ proposalId: parks.id, unionId: unison.id, authorId: rep.id, body }).run();
    }
    const gemma = await waitingFor("officer.parks@northmoor.example");
    expect(gemma.feedback).toEqual([expect.objectContaining({ title: parks.title, note: "2 feedback items to answer" })]);
    expect((await waitingFor("officer@northmoor.example")).feedback).toEqual([]);
    expect((await waitingFor("moderator@northmoor.example")).feedback).toEqual([]);

    // Answered, it no longer waits.
    const items = db().select().from(t.noticeFeedback).where(eq(t.noticeFeedback.proposalId, parks.id)).all();
    for (const item of items) db().insert(t.noticeFeedback).values({ proposalId: parks.id, unionId: unison.id, authorId: user("officer.parks@northmoor.example").id, inReplyToId: item.id, body: "Answered in the staffing appendix." }).run();
    expect((await waitingFor("officer.parks@northmoor.example")).feedback).toEqual([]);
  });
});

describe("decision makers and moderators", () => {
  it("a decision maker sees an outcome published and awaiting a decision; nobody else does", async () => {
    const allotments = proposal("allotment-rents");
    db().update(t.proposals).set({ state: "outcome_published", outcomePublishedAt: new Date().toISOString() }).where(eq(t.proposals.id, allotments.id)).run();
    expect(titles((await waitingFor("decisions@northmoor.example")).after.toDecide)).toEqual([allotments.title]);
    expect((await waitingFor("officer@northmoor.example")).after.toDecide).toEqual([]);
  });

  it("a moderator sees how many comments wait in the queue; other roles see no count", async () => {
    const before = (await waitingFor("moderator@northmoor.example")).moderation!;
    expect(before).toBeGreaterThanOrEqual(0);
    const camhs = proposal("camhs-social-work");
    db().insert(t.comments).values({ proposalId: camhs.id, bodyMarkdown: "Held for review.", bodyHtml: "<p>Held for review.</p>", bodyHash: "held-1", status: "pending" }).run();
    expect((await waitingFor("moderator@northmoor.example")).moderation).toBe(before + 1);
    expect((await waitingFor("officer@northmoor.example")).moderation).toBeNull();
    expect((await waitingFor("approver@northmoor.example")).moderation).toBeNull();
  });
});
