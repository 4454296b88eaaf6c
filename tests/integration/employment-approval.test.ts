/**
 * The 30 days of s.188 are a rule at approval too, through the real action: the garden waste
 * proposal, counted with another proposal at the depot (22 redundancies within 90 days), is
 * approved so late that its first dismissal date no longer leaves 30 days of collective
 * consultation. The approval is refused with what to change, and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { addDays } from "~/lib/council-time";
import { action as proposalAction } from "~/routes/staff.proposals.$id";
import { cookieFor, post, proposal, run, seedCouncil } from "../fixtures/notifications-council";
import { CHECKS_CONFIRMED } from "../fixtures/review";

const SLUG = "garden-waste-collections";
let id: number;
let closesOn: string;

const disclosure = {
  redundancyReasons: "Stopping winter rounds removes the need for sixteen crew posts on the garden waste rounds, and the depot restructure removes six more.",
  staffDescriptions: "16 refuse crew members (8 drivers at grade 4 and 8 loaders at grade 2) on the garden waste rounds at the depot.",
  employedInDescriptions: "The depot employs 104 crew members: 52 drivers at grade 4 and 52 loaders at grade 2, across all collection rounds.",
  selectionMethod: "Selection from the pool of garden waste crews by the agreed matrix: attendance, skills and disciplinary record, scored by two managers.",
  dismissalMethodAndTiming: "Under the agreed redundancy procedure, notice would be given after the decision, with dismissals from the date given and over four weeks.",
  redundancyPayMethod: "Statutory redundancy pay on actual weekly pay, enhanced by the council's policy to one and a half times, with no cap.",
  agencyWorkerCount: 0,
};

function snapshot() {
  return {
    proposal: db().select().from(t.proposals).where(eq(t.proposals.id, id)).get(),
    versions: db().select({ n: count() }).from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, id)).get()!.n,
    audit: db().select({ n: count() }).from(t.auditLog).get()!.n,
    outbox: db().select({ n: count() }).from(t.outbox).get()!.n,
  };
}

beforeAll(async () => {
  await seedCouncil();
  const p = proposal(SLUG);
  id = p.id;
  closesOn = p.closesOn!;
  const firstDismissalOn = addDays(closesOn, 1);
  db().update(t.proposals).set({ redundancyPosts: 16, establishment: "moor-lane-depot", firstDismissalOn, ...disclosure }).where(eq(t.proposals.id, id)).run();
  // Another proposal past drafting at the depot, dismissing within 90 days: 6 more posts.
  const parks = proposal("reopening-a-closed-park");
  db().update(t.proposals).set({ redundancyPosts: 6, establishment: "moor-lane-depot", firstDismissalOn: addDays(firstDismissalOn, 30) }).where(eq(t.proposals.id, parks.id)).run();
}, 60_000);

afterAll(() => setClock(null));

describe("approval and the s.188 days", () => {
  it("counts both proposals: 22 posts at the depot, so the full disclosure is asked for and given", () => {
    const p = proposal(SLUG);
    expect(p.otherRedundancies).toEqual({ proposals: 1, posts: 6 });
  });

  it("is refused when the first dismissal would come less than 30 days after consultation could start, and nothing changes", async () => {
    // Approved 20 days before the first dismissal: the unions cannot have their 30 days.
    setClock(new Date(`${addDays(closesOn, -19)}T10:00:00.000Z`));
    const cookie = await cookieFor("approver@northmoor.example");
    const before = snapshot();
    const refused = await run(() => proposalAction({ request: post(`/staff/proposals/${id}`, { intent: "approve", ...CHECKS_CONFIRMED }, cookie), params: { id: String(id) }, context: {} }));
    expect(refused.status).toBe(400);
    const message = (refused.value as { data: { message: string } }).data.message;
    expect(message).toContain("22 posts are proposed for redundancy at Moor Lane depot");
    expect(message).toMatch(/no dismissal can take effect before .*Change the first dismissal date/);
    expect(snapshot()).toEqual(before);
  });
});
