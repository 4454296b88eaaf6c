/**
 * Every step tells the next person, through applyTransition on the seeded demo council: a return
 * reaches the drafter with the approver's reason, a submission the approvers who may approve it,
 * an approval the drafter, and a withdrawal everyone who was told of the consultation (its staff
 * groups, the union reps given notice, respondents and subscribers), each with the published
 * reason. Nobody else is emailed, and a transition that rolls back leaves nothing queued.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gt } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { deliverDue, localTransport } from "~/notifications/delivery.server";
import { applyTransition, runScheduledTransitions } from "~/proposals/lifecycle.server";
import { SEED_DATE, outboxFor, proposal, seedCouncil, user, viewerFor } from "../fixtures/notifications-council";

const SLUG = "garden-waste-collections";
const DRAFTER = "approver2@northmoor.example"; // David Mensah: waste officer and approver, drafted it
const APPROVER = "approver@northmoor.example"; // Margaret Ashworth
const TONY = "rep.gmb@northmoor.example";
const PRIYA = "rep.unite@northmoor.example";
const RETURN_REASON = "The winter tonnage figures need the 2025 weighbridge data, not the 2023 estimate.";
const WITHDRAW_REASON = "The council has found the savings elsewhere in the waste budget, so collections will continue all winter.";

let id: number;
let lastOutboxId = 0;

/** The emails queued since the last call: what one step caused. */
function queuedSinceLastStep() {
  const rows = db().select().from(t.outbox).where(gt(t.outbox.id, lastOutboxId)).orderBy(t.outbox.id).all();
  if (rows.length) lastOutboxId = rows[rows.length - 1].id;
  return rows;
}
const recipients = (rows: { event: string; toAddress: string }[]) => rows.map((r) => `${r.event} → ${r.toAddress}`).sort();

beforeAll(async () => {
  await seedCouncil();
  id = proposal(SLUG).id;
  queuedSinceLastStep();
}, 60_000);

afterAll(() => setClock(null));

describe("before opening", () => {
  it("a return that rolls back queues nothing and leaves the proposal in review", async () => {
    const approver = await viewerFor(APPROVER);
    expect(() =>
      db().$client.transaction(() => {
        expect(applyTransition("reject", id, { kind: "person", viewer: approver }, { reason: RETURN_REASON }, db()).ok).toBe(true);
        throw new Error("something after the return failed");
      })(),
    ).toThrow("something after the return failed");
    expect(queuedSinceLastStep()).toEqual([]);
    expect(proposal(SLUG).state).toBe("in_review");
  });

  it("a refused transition queues nothing", async () => {
    const approver = await viewerFor(APPROVER);
    expect(applyTransition("reject", id, { kind: "person", viewer: approver }, { reason: "No." }).ok).toBe(false);
    expect(queuedSinceLastStep()).toEqual([]);
  });

  it("returned: the drafter alone hears, with the approver's reason and a link to the proposal", async () => {
    const approver = await viewerFor(APPROVER);
    expect(applyTransition("reject", id, { kind: "person", viewer: approver }, { reason: RETURN_REASON }).ok).toBe(true);
    const sent = queuedSinceLastStep();
    expect(recipients(sent)).toEqual([`proposal_returned → ${DRAFTER}`]);
    const p = proposal(SLUG);
    expect(sent[0].subject).toBe(`Proposal returned to you with changes to make – ${p.title}`);
    expect(sent[0].textBody).toContain("Margaret Ashworth has returned this proposal");
    expect(sent[0].textBody).toContain(RETURN_REASON);
    expect(sent[0].textBody).toContain(`http://localhost:3000/staff/proposals/${id}`);
  });

  it("submitted: every approver who may approve it, never its drafter though he is an approver too", async () => {
    const drafter = await viewerFor(DRAFTER);
    expect(applyTransition("submit", id, { kind: "person", viewer: drafter }).ok).toBe(true);
    const sent = queuedSinceLastStep();
    expect(recipients(sent)).toEqual([`proposal_submitted → ${APPROVER}`]);
    const p = proposal(SLUG);
    expect(sent[0].subject).toBe(`Proposal waiting for your approval – ${p.title}`);
    expect(sent[0].textBody).toContain("David Mensah has submitted a proposal for approval");
    expect(sent[0].textBody).toContain(`Service: ${p.serviceName}`);
    // The approver's link opens the review page, where the whole proposal and Approve / Return are.
    expect(sent[0].textBody).toMatch(new RegExp(`http://localhost:3000/staff/proposals/${id}/review$`, "m"));
    // The staff email names the proposal; its text stays behind the sign-in.
    expect(sent[0].textBody).not.toContain(p.summary!.slice(0, 60));
  });

  it("a deactivated approver is not emailed", async () => {
    const extra = db().insert(t.users).values({ email: "approver3@northmoor.example", name: "Former Approver", disabledAt: SEED_DATE.toISOString() }).returning().get();
    db().insert(t.userRoles).values({ userId: extra.id, role: "approver" }).run();
    const approver = await viewerFor(APPROVER);
    const drafter = await viewerFor(DRAFTER);
    expect(applyTransition("reject", id, { kind: "person", viewer: approver }, { reason: RETURN_REASON }).ok).toBe(true);
    expect(applyTransition("submit", id, { kind: "person", viewer: drafter }).ok).toBe(true);
    const sent = queuedSinceLastStep();
    expect(recipients(sent)).toEqual([`proposal_returned → ${DRAFTER}`, `proposal_submitted → ${APPROVER}`]);
  });

  it("approved: the drafter hears what happens next, and the notified unions' reps get their notice", async () => {
    const approver = await viewerFor(APPROVER);
    expect(applyTransition("approve", id, { kind: "person", viewer: approver })).toMatchObject({ ok: true, to: "union_notice" });
    const sent = queuedSinceLastStep();
    expect(recipients(sent)).toEqual([`proposal_approved → ${DRAFTER}`, `union_notice → ${TONY}`, `union_notice → ${PRIYA}`].sort());
    const approved = sent.find((r) => r.event === "proposal_approved")!;
    expect(approved.subject).toBe(`Proposal approved for publication – ${proposal(SLUG).title}`);
    expect(approved.textBody).toContain("Margaret Ashworth has approved this proposal");
    expect(approved.textBody).toContain("advance notice");
  });

  it("withdrawing a draft nobody was told of queues nothing", async () => {
    const youth = proposal("youth-service-review");
    expect(youth.state).toBe("draft");
    const officer = await viewerFor("officer.youth@northmoor.example");
    expect(applyTransition("withdraw", youth.id, { kind: "person", viewer: officer }, { reason: "The youth service review has been paused until the new year." }).ok).toBe(true);
    expect(queuedSinceLastStep()).toEqual([]);
  });
});

describe("withdrawn after opening", () => {
  it("opens and tells its staff group", async () => {
    await deliverDue({ transport: localTransport(), now: () => new Date(SEED_DATE.getTime() + 60_000) });
    setClock(new Date(`${proposal(SLUG).opensOn}T06:00:00.000Z`));
    expect(runScheduledTransitions().opened).toContain(SLUG);
    // (The parks proposal opens on the same run, and tells its own groups.)
    expect(recipients(queuedSinceLastStep().filter((r) => r.proposalId === id))).toEqual(["staff_opened → waste-crews@northmoor.example.gov.uk"]);
  });

  it("everyone who was told hears it once, with the reason as published: staff group, union reps, respondents and subscribers; nobody else", async () => {
    const at = new Date().toISOString();
    const respondent = (email: string, extra: Partial<typeof t.respondents.$inferInsert> = {}) =>
      db().insert(t.respondents).values({ email, verifiedAt: at, ...extra }).returning().get();
    // Answered the questions.
    const answered = respondent("jo.bramwell@example.org");
    db().insert(t.responses).values({ proposalId: id, respondentId: answered.id, channel: "online" }).run();
    // Only commented.
    const commented = respondent("k.osei@example.net");
    db().insert(t.comments).values({ proposalId: id, respondentId: commented.id, bodyMarkdown: "Our bin is full by November.", bodyHtml: "<p>Our bin is full by November.</p>", bodyHash: "h1" }).run();
    // Answered and asked for updates: one email, the subscriber's.
    const both = respondent("pat.lindqvist@example.com");
    db().insert(t.responses).values({ proposalId: id, respondentId: both.id, channel: "online" }).run();
    const sub = (email: string, confirmed: boolean, proposalId: number | null = id) =>
      db().insert(t.subscriptions).values({ email, scope: proposalId ? "consultation" : "new_consultations", proposalId, unsubscribeToken: `tok-${email}`, confirmedAt: confirmed ? at : null }).run();
    sub("pat.lindqvist@example.com", true);
    sub("follower@example.org", true);
    // Not told: an unconfirmed subscription, a subscriber to new consultations only, a respondent
    // whose details were removed, and a respondent to another consultation.
    sub("unconfirmed@example.org", false);
    sub("all-news@example.org", true, null);
    const gone = respondent("removed@example.org", { anonymisedAt: at });
    db().insert(t.responses).values({ proposalId: id, respondentId: gone.id, channel: "online" }).run();
    const elsewhere = respondent("camhs.parent@example.org");
    db().insert(t.responses).values({ proposalId: proposal("camhs-social-work").id, respondentId: elsewhere.id, channel: "online" }).run();
    queuedSinceLastStep();

    const drafter = await viewerFor(DRAFTER);
    expect(applyTransition("withdraw", id, { kind: "person", viewer: drafter }, { reason: WITHDRAW_REASON }).ok).toBe(true);
    const sent = queuedSinceLastStep();
    expect(recipients(sent)).toEqual(
      [
        "staff_withdrawn → waste-crews@northmoor.example.gov.uk",
        `union_notice_withdrawn → ${TONY}`,
        `union_notice_withdrawn → ${PRIYA}`,
        "respondent_withdrawn → jo.bramwell@example.org",
        "respondent_withdrawn → k.osei@example.net",
        "consultation_update → pat.lindqvist@example.com",
        "consultation_update → follower@example.org",
      ].sort(),
    );
    const p = proposal(SLUG);
    expect(p.state).toBe("withdrawn");
    for (const email of sent) {
      expect(email.subject).toBe(`Consultation withdrawn – ${p.title}`);
      expect(email.textBody).toContain(WITHDRAW_REASON);
      expect(email.textBody).toContain(`http://localhost:3000/consultations/${SLUG}`);
    }
    const toSubscriber = sent.find((r) => r.toAddress === "follower@example.org")!;
    expect(toSubscriber.textBody).toContain("http://localhost:3000/unsubscribe/tok-follower@example.org");
    expect(toSubscriber.headers).toMatchObject({ "List-Unsubscribe": "<http://localhost:3000/unsubscribe/tok-follower@example.org>" });
    expect(sent.find((r) => r.toAddress === TONY)!.textBody).not.toContain("Confidential");
    // The staff who drafted and approved it knew already; nothing for them.
    expect(sent.map((r) => r.toAddress)).not.toContain(user(APPROVER).email);
  });
});

describe("the outbox for the whole story", () => {
  it("holds no email twice for the same person and step", () => {
    const keys = outboxFor().map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
