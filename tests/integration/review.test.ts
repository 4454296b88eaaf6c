/**
 * The approver's review page through the real route modules: the whole proposal and its
 * internal parts, the checklist confirmed server-side before approval (and kept in the audit
 * entry), Return and Approve landing back on the review, the check-answers page sending an
 * approver here instead of a 403, and nobody else reviewing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { setClock } from "~/lib/clock";
import { applyTransition } from "~/proposals/lifecycle.server";
import { REVIEW_CHECKLIST } from "~/proposals/review-checklist";
import { loader as checkLoader } from "~/routes/staff.proposals.$id_.check";
import { action as reviewAction, loader as reviewLoader } from "~/routes/staff.proposals.$id_.review";
import { action as proposalAction } from "~/routes/staff.proposals.$id";
import { loader as consultationLoader } from "~/routes/consultations.$slug";
import { cookieFor, get, post, proposal, run, seedCouncil, viewerFor } from "../fixtures/notifications-council";
import { CHECKS_CONFIRMED } from "../fixtures/review";

const SLUG = "garden-waste-collections"; // in review, drafted by David Mensah (approver2)
const APPROVER = "approver@northmoor.example";
const DRAFTER = "approver2@northmoor.example";
const REASON = "The winter rota risk needs its mitigation costed before this can go to the unions.";
let id: number;

beforeAll(async () => {
  await seedCouncil();
  id = proposal(SLUG).id;
  expect(proposal(SLUG).state).toBe("in_review");
}, 60_000);
afterAll(() => setClock(null));

const reviewUrl = () => `/staff/proposals/${id}/review`;
async function load(email: string) {
  return run(async () => reviewLoader({ request: get(reviewUrl(), await cookieFor(email)), params: { id: String(id) }, context: {} }));
}
async function decide(email: string, form: Record<string, string>) {
  return run(async () => reviewAction({ request: post(reviewUrl(), form, await cookieFor(email)), params: { id: String(id) }, context: {} }));
}
const approvals = () => db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "proposal.approve"), eq(t.auditLog.entityId, id))).all();

describe("the review page", () => {
  it("shows the approver the whole proposal as published, its internal parts, the gate's verdict and the checklist", async () => {
    const page = await load(APPROVER);
    expect(page.status).toBe(200);
    const p = proposal(SLUG);
    const value = page.value as Awaited<ReturnType<typeof reviewLoader>>;
    expect(JSON.stringify(value.view)).toContain(p.summary!.slice(0, 60));
    expect(value.view.risks.length).toBe(p.risks.length);
    expect(value.unmet).toEqual([]);
    expect(value.internal).toHaveProperty("trail");
    expect(value.checklist.map((c) => c.label)).toEqual(REVIEW_CHECKLIST.map((c) => c.label));
    expect(value.may).toMatchObject({ approve: true, return: true, conflict: null });
  });

  it("offers the drafter no Approve, with the reason", async () => {
    const value = (await load(DRAFTER)).value as Awaited<ReturnType<typeof reviewLoader>>;
    expect(value.may.approve).toBe(false);
    expect(value.may.conflict).toMatch(/You drafted this proposal/);
  });

  it("is for approvers only: an admin gets 403; an officer of another service and a moderator the 404 of a proposal they cannot see", async () => {
    expect((await load("officer@northmoor.example")).status).toBe(404);
    expect((await load("moderator@northmoor.example")).status).toBe(404);
    expect((await load("admin@northmoor.example")).status).toBe(403);
  });

  it("the check-answers page sends an approver to the review instead of answering 403", async () => {
    const r = await run(async () => checkLoader({ request: get(`/staff/proposals/${id}/check`, await cookieFor(APPROVER)), params: { id: String(id) }, context: {} }));
    expect(r.status).toBe(302);
    expect(r.response?.headers.get("Location")).toBe(reviewUrl());
  });
});

describe("approving needs every check confirmed", () => {
  it("refuses an approval with nothing ticked, with a message for the error summary, and changes nothing", async () => {
    const r = await decide(APPROVER, { intent: "approve" });
    expect(r.status).toBe(400);
    expect(r.value).toMatchObject({ data: { field: "confirm", message: "Confirm each check before you approve the proposal" } });
    expect(proposal(SLUG).state).toBe("in_review");
    expect(approvals()).toHaveLength(0);
  });

  it("refuses one check short, and keeps the ticks made", async () => {
    const { ["confirm-equality"]: _left, ...rest } = CHECKS_CONFIRMED;
    const r = await decide(APPROVER, { intent: "approve", ...rest });
    expect(r.status).toBe(400);
    expect(r.value).toMatchObject({ data: { message: "Confirm the check not yet ticked before you approve the proposal" } });
    expect((r.value as { data: { ticked: string[] } }).data.ticked).not.toContain("equality");
    expect(proposal(SLUG).state).toBe("in_review");
  });

  it("the staff proposal page's own action holds to the same checklist", async () => {
    const r = await run(async () => proposalAction({ request: post(`/staff/proposals/${id}`, { intent: "approve" }, await cookieFor(APPROVER)), params: { id: String(id) }, context: {} }));
    expect(r.status).toBe(400);
    expect(proposal(SLUG).state).toBe("in_review");
  });

  it("the drafter is refused even with every check ticked", async () => {
    const r = await decide(DRAFTER, { intent: "approve", ...CHECKS_CONFIRMED });
    expect(r.status).toBe(403);
    expect(proposal(SLUG).state).toBe("in_review");
  });
});

describe("return and approve land back on the review", () => {
  it("Return to drafter needs a reason, then lands on the review with a success message, which the approver can still open", async () => {
    expect((await decide(APPROVER, { intent: "reject", reason: "" })).status).toBe(400);
    const r = await decide(APPROVER, { intent: "reject", reason: REASON });
    expect(r.status).toBe(302);
    expect(r.response?.headers.get("Location")).toBe(`${reviewUrl()}?done=reject`);
    expect(proposal(SLUG)).toMatchObject({ state: "draft", returnedReason: REASON });
    const page = await load(APPROVER);
    expect(page.status).toBe(200);
    const value = page.value as Awaited<ReturnType<typeof reviewLoader>>;
    expect(value.may).toMatchObject({ approve: false, return: false });
    // The return and its reason are in the history the review marks as not published.
    expect(value.internal.trail.map((e) => e.what)).toContain(`Returned to the drafter: “${REASON}”`);
    // The same rule by its address: the approver may open it, a moderator and the decision maker may not.
    for (const [email, status] of [[APPROVER, 200], ["moderator@northmoor.example", 404], ["decisions@northmoor.example", 404]] as const) {
      const r = await run(async () => consultationLoader({ request: get(`/consultations/${SLUG}`, await cookieFor(email)), params: { slug: SLUG }, context: {} }));
      expect(r.status, email).toBe(status);
    }
  });

  it("resubmitted, it is approved with every check confirmed, and the audit entry records what was confirmed", async () => {
    expect(applyTransition("submit", id, { kind: "person", viewer: await viewerFor(DRAFTER) })).toMatchObject({ ok: true });
    const r = await decide(APPROVER, { intent: "approve", ...CHECKS_CONFIRMED });
    expect(r.status).toBe(302);
    expect(r.response?.headers.get("Location")).toBe(`${reviewUrl()}?done=approve`);
    expect(proposal(SLUG).state).toBe("union_notice");
    const entry = db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "proposal.approve"), eq(t.auditLog.entityId, id))).orderBy(desc(t.auditLog.id)).get()!;
    expect((entry.detail as { confirmed: string[] }).confirmed).toEqual(REVIEW_CHECKLIST.map((c) => c.key));
  });
});
