/**
 * The period the public gets is the period that was approved, through the real actions on the
 * seeded demo council: the garden waste proposal (12 weeks) is approved after its planned
 * opening date, the union notice starts only when delivered, and it opens with its closing date
 * moved to keep the 12 weeks, which the public page and the history say. Every refused approval
 * or opening leaves the proposal, its versions and the audit log exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { deliverDue, localTransport } from "~/notifications/delivery.server";
import { runScheduledTransitions } from "~/proposals/lifecycle.server";
import { addDays, councilDate } from "~/lib/council-time";
import { action as proposalAction, loader as proposalLoader } from "~/routes/staff.proposals.$id";
import { loader as consultationLoader } from "~/routes/consultations.$slug";
import { loader as historyLoader } from "~/routes/consultations.$slug_.history";
import { DAY, SEED_DATE, cookieFor, get, post, proposal, run, seedCouncil, user } from "../fixtures/notifications-council";
import { CHECKS_CONFIRMED } from "../fixtures/review";

const SLUG = "garden-waste-collections";
const APPROVER = "approver@northmoor.example";
let id: number;
let planned: { opensOn: string; closesOn: string };

/** Everything a refused approval or opening must leave as it was. */
function snapshot() {
  return {
    proposal: db().select().from(t.proposals).where(eq(t.proposals.id, id)).get(),
    versions: db().select().from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, id)).all(),
    audit: db().select({ n: count() }).from(t.auditLog).get()!.n,
    outbox: db().select({ n: count() }).from(t.outbox).get()!.n,
  };
}

let approverCookie: string;

async function approve() {
  return run(() => proposalAction({ request: post(`/staff/proposals/${id}`, { intent: "approve", ...CHECKS_CONFIRMED }, approverCookie), params: { id: String(id) }, context: {} }));
}

function setSetting(key: string, value: unknown) {
  db().insert(t.settings).values({ key, value }).onConflictDoUpdate({ target: t.settings.key, set: { value } }).run();
}

beforeAll(async () => {
  await seedCouncil();
  id = proposal(SLUG).id;
  const p = proposal(SLUG);
  planned = { opensOn: p.opensOn!, closesOn: p.closesOn! };
  // Signing in writes its own audit entry: done first, so a snapshot sees only the action.
  approverCookie = await cookieFor(APPROVER);
}, 60_000);

afterAll(() => setClock(null));

describe("approval", () => {
  it("is refused, naming the union, while a notified union has no representative on record; nothing changes", async () => {
    const priya = user("rep.unite@northmoor.example");
    db().update(t.users).set({ disabledAt: SEED_DATE.toISOString() }).where(eq(t.users.id, priya.id)).run();
    try {
      const before = snapshot();
      const refused = await approve();
      expect(refused.status).toBe(400);
      expect((refused.value as { data: { message: string } }).data.message).toMatch(/^Unite the Union has no representative on record to receive the notice/);
      expect(snapshot()).toEqual(before);
    } finally {
      db().update(t.users).set({ disabledAt: null }).where(eq(t.users.id, priya.id)).run();
    }
  });

  it("after the planned opening date is allowed, and fixes the approved length; the notice period waits for delivery", async () => {
    // Approved a week after the day it was meant to open.
    setClock(new Date(`${addDays(planned.opensOn, 7)}T10:00:00.000Z`));
    approverCookie = await cookieFor(APPROVER);
    const approved = await approve();
    expect(approved.response?.headers.get("Location")).toBe(`/staff/proposals/${id}/review?done=approve`);
    expect(approved.status).toBe(302);
    const p = proposal(SLUG);
    expect(p.state).toBe("union_notice");
    expect(p.periodDays).toBe(84);
    expect(p.noticeSentAt).toBeNull();

    // The scheduler leaves it alone until the notice has been delivered and has run its course.
    expect(runScheduledTransitions().opened).not.toContain(SLUG);
    const page = (await run(async () => proposalLoader({ request: get(`/staff/proposals/${id}`, approverCookie), params: { id: String(id) }, context: {} }))).value as {
      period: { forecast: { opensOn: string; closesOn: string; waitingFor: string[] } };
    };
    expect(page.period.forecast.waitingFor.join(" ")).toMatch(/not yet been delivered to a representative of GMB, the general union and Unite the Union/);
    expect(page.period.forecast.closesOn).toBe(addDays(page.period.forecast.opensOn, 84));
  });
});

describe("opening", () => {
  it("is refused during a pre-election period without a published reason, and nothing changes", async () => {
    await deliverDue({ transport: localTransport() });
    expect(proposal(SLUG).noticeSentAt).not.toBeNull();
    const today = new Date(Date.parse(proposal(SLUG).noticeSentAt!) + 20 * DAY);
    setClock(today);
    setSetting("preElectionPeriods", [{ name: "Northmoor Borough Council elections", startsOn: addDays(councilDate(today, "Europe/London"), 60), endsOn: addDays(councilDate(today, "Europe/London"), 100) }]);
    const before = snapshot();
    expect(runScheduledTransitions().opened).not.toContain(SLUG);
    expect(snapshot()).toEqual(before);
    setSetting("preElectionPeriods", []);
  });

  it("is refused when the settings now ask for a longer period than was approved, and nothing changes", () => {
    setSetting("plan", { defaultWeeks: 12, minimumWeeks: 13 });
    const before = snapshot();
    expect(runScheduledTransitions().opened).not.toContain(SLUG);
    expect(snapshot()).toEqual(before);
    db().delete(t.settings).where(eq(t.settings.key, "plan")).run();
  });

  it("is refused when the approved length is now below the default and has no published reason, and nothing changes", () => {
    setSetting("plan", { defaultWeeks: 13, minimumWeeks: 6 });
    const before = snapshot();
    expect(runScheduledTransitions().opened).not.toContain(SLUG);
    expect(snapshot()).toEqual(before);
    db().delete(t.settings).where(eq(t.settings.key, "plan")).run();
  });

  it("keeps the approved length: the closing date moves with the late opening", () => {
    const today = councilDate(new Date(Date.parse(proposal(SLUG).noticeSentAt!) + 20 * DAY), "Europe/London");
    expect(runScheduledTransitions().opened).toContain(SLUG);
    const p = proposal(SLUG);
    expect(p.state).toBe("open");
    expect(p.opensOn).toBe(today);
    expect(p.closesOn).toBe(addDays(today, 84));
    expect(p).toMatchObject({ plannedOpensOn: planned.opensOn, plannedClosesOn: planned.closesOn });
    const opened = db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "proposal.open"), eq(t.auditLog.entityId, id))).get()!;
    expect(opened.detail).toMatchObject({ plannedOpensOn: planned.opensOn, plannedClosesOn: planned.closesOn, opensOn: today, closesOn: addDays(today, 84) });
  });

  it("the public page and the history say so", async () => {
    const page = (await run(() => consultationLoader({ request: get(`/consultations/${SLUG}`), params: { slug: SLUG }, context: {} }))).value as {
      proposal: { plan: { plannedOpensOn: string; plannedClosesOn: string; movedClosesOn: string; length: string; closesOn: string } };
    };
    expect(page.proposal.plan).toMatchObject({ plannedOpensOn: planned.opensOn, plannedClosesOn: planned.closesOn, length: "12 weeks" });
    expect(page.proposal.plan.movedClosesOn).toBe(page.proposal.plan.closesOn);
    const history = (await run(() => historyLoader({ request: get(`/consultations/${SLUG}/history`), params: { slug: SLUG }, context: {} }))).value as {
      dates: { plannedOpensOn: string; movedClosesOn: string } | null;
    };
    expect(history.dates).toMatchObject({ plannedOpensOn: planned.opensOn, movedClosesOn: page.proposal.plan.closesOn });
  });
});
