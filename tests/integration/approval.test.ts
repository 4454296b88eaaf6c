/**
 * Approval through the real route action, on a seeded database: the server refuses what the
 * rules refuse, and a refusal changes nothing (state, audit log, versions all as before).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db, migrateDatabase } from "#db/client.server";
import { seedDemo } from "#db/seed.server";
import { createUserSession } from "~/auth/session.server";
import { action } from "~/routes/staff.proposals.$id";
import { CHECKS_CONFIRMED } from "../fixtures/review";

let gardenWasteId: number;

async function cookieFor(email: string): Promise<string> {
  const user = db().select().from(t.users).where(eq(t.users.email, email)).get()!;
  const response = await createUserSession(user.id, "/staff");
  return response.headers.get("Set-Cookie")!.split(";")[0];
}

async function post(proposalId: number, email: string, form: Record<string, string>) {
  const request = new Request(`http://localhost/staff/proposals/${proposalId}`, {
    method: "POST",
    headers: { Cookie: await cookieFor(email), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  try {
    return await action({ request, params: { id: String(proposalId) }, context: {} });
  } catch (thrown) {
    return thrown;
  }
}

function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  return (result as { init?: { status?: number } }).init?.status ?? 200;
}

function snapshot(id: number) {
  const p = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
  return {
    state: p.state,
    revision: p.revision,
    approvedAt: p.approvedAt,
    audit: db().select({ n: count() }).from(t.auditLog).where(and(eq(t.auditLog.entityType, "proposal"), eq(t.auditLog.entityId, id))).get()!.n,
    versions: db().select({ n: count() }).from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, id)).get()!.n,
  };
}

beforeAll(async () => {
  migrateDatabase(db());
  await seedDemo(db(), new Date());
  gardenWasteId = db().select().from(t.proposals).where(eq(t.proposals.slug, "garden-waste-collections")).get()!.id;
});

describe("approving a proposal through the staff page", () => {
  it("refuses an incomplete proposal and changes nothing", async () => {
    const youth = db().select().from(t.proposals).where(eq(t.proposals.slug, "youth-service-review")).get();
    expect(youth?.state, "the demo's draft that fails the gate").toBe("draft");
    const draftId = youth!.id;
    // As if it had reached review without passing the gate (for example edited after submission).
    db().update(t.proposals).set({ state: "in_review" }).where(eq(t.proposals.id, draftId)).run();
    const before = snapshot(draftId);

    const result = await post(draftId, "approver@northmoor.example", { intent: "approve", ...CHECKS_CONFIRMED });

    expect(statusOf(result)).toBe(400);
    const body = (result as { data: { message: string; unmet: { code: string; message: string }[] } }).data;
    expect(body.message).toMatch(/cannot be approved/);
    expect(body.unmet.map((u) => u.code)).toEqual(expect.arrayContaining(["risks.none", "impact.posts_missing"]));
    expect(snapshot(draftId)).toEqual(before);
  });

  it("refuses a proposal that lost its risks after submission, and changes nothing", async () => {
    db().delete(t.risks).where(eq(t.risks.proposalId, gardenWasteId)).run();
    const before = snapshot(gardenWasteId);
    const result = await post(gardenWasteId, "approver@northmoor.example", { intent: "approve", ...CHECKS_CONFIRMED });
    expect(statusOf(result)).toBe(400);
    expect(snapshot(gardenWasteId)).toEqual(before);
  });

  it("refuses the drafter's own approval with 403, and changes nothing", async () => {
    const before = snapshot(gardenWasteId);
    const result = await post(gardenWasteId, "approver2@northmoor.example", { intent: "approve", ...CHECKS_CONFIRMED });
    expect(statusOf(result)).toBe(403);
    expect((result as { data: { message: string } }).data.message).toMatch(/another approver/);
    expect(snapshot(gardenWasteId)).toEqual(before);
  });

  it("an officer's attempt to approve is refused with 403", async () => {
    const before = snapshot(gardenWasteId);
    const result = await post(gardenWasteId, "officer@northmoor.example", { intent: "approve", ...CHECKS_CONFIRMED });
    expect([403, 404]).toContain(statusOf(result));
    expect(snapshot(gardenWasteId)).toEqual(before);
  });

  it("approves a complete proposal, with one audit entry and a version, in one go", async () => {
    // Put a complete demo proposal back into review to approve it for real.
    const camhs = db().select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get()!;
    db().update(t.proposals).set({ state: "in_review" }).where(eq(t.proposals.id, camhs.id)).run();
    const before = snapshot(camhs.id);

    const result = await post(camhs.id, "approver@northmoor.example", { intent: "approve", ...CHECKS_CONFIRMED });

    expect(statusOf(result)).toBe(302);
    const after = snapshot(camhs.id);
    expect(after.state).toBe("union_notice");
    // The approval is recorded (the notices it sends may add entries of their own).
    expect(after.audit).toBeGreaterThan(before.audit);
    const approvals = db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "proposal.approve"), eq(t.auditLog.entityId, camhs.id))).all();
    expect(approvals).toHaveLength(1);
    expect(after.versions).toBe(before.versions + 1);
  });

  it("returning a proposal needs a reason, and the drafter sees it", async () => {
    const camhs = db().select().from(t.proposals).where(eq(t.proposals.slug, "camhs-social-work")).get()!;
    db().update(t.proposals).set({ state: "in_review" }).where(eq(t.proposals.id, camhs.id)).run();
    const empty = await post(camhs.id, "approver@northmoor.example", { intent: "reject", reason: "" });
    expect(statusOf(empty)).toBe(400);
    const ok = await post(camhs.id, "approver@northmoor.example", { intent: "reject", reason: "Add the waiting times for each school term" });
    expect(statusOf(ok)).toBe(302);
    const p = db().select().from(t.proposals).where(eq(t.proposals.id, camhs.id)).get()!;
    expect(p.state).toBe("draft");
    expect(p.returnedReason).toBe("Add the waiting times for each school term");
  });

  it("an unknown intent is a 400 with a message", async () => {
    const result = await post(gardenWasteId, "approver@northmoor.example", { intent: "publish-now" });
    expect(statusOf(result)).toBe(400);
  });
});
