/**
 * The state change is a compare-and-set: two transitions racing from the same state, each in its
 * own process on its own database connection (as two server processes would be), through the
 * real staff action. Exactly one wins; the other is refused with 409 and leaves no trace (no
 * audit entry, no version, no email).
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, count, eq, like, max } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import { seedDemoOnce } from "../fixtures/seed-template";
import { setClock } from "~/lib/clock";
import { race, type RaceJob } from "./race/race";
import { proposalBySlug, staffCookie } from "./responses-fixtures";
import { CHECKS_CONFIRMED } from "../fixtures/review";

// Seeded at a fixed moment, so nothing depends on the day the suite runs.
const SEED_AT = new Date("2027-03-10T10:00:00.000Z");
const ROUTE = "~/routes/staff.proposals.$id";
const SLUG = "garden-waste-collections"; // in review in the demo, drafted by approver2

function trace(id: number) {
  const p = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
  const count_ = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    state: p.state,
    revision: p.revision,
    transitions: db()
      .select({ action: t.auditLog.action })
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, "proposal"), eq(t.auditLog.entityId, id), like(t.auditLog.action, "proposal.%")))
      .all()
      .map((a) => a.action),
    versions: count_(db().select({ n: count() }).from(t.proposalVersions).where(eq(t.proposalVersions.proposalId, id)).get()),
    lastOutboxId: db().select({ n: max(t.outbox.id) }).from(t.outbox).get()?.n ?? 0,
  };
}

let id: number;
beforeAll(async () => {
  setClock(SEED_AT);
  await seedDemoOnce(SEED_AT);
  id = proposalBySlug(SLUG).id;
});

beforeEach(() => {
  // Each race starts from review.
  db().update(t.proposals).set({ state: "in_review", submittedAt: SEED_AT.toISOString() }).where(eq(t.proposals.id, id)).run();
});

const job = async (intent: string, email: string, extra: Record<string, string> = {}): Promise<RaceJob> => ({
  route: ROUTE,
  requests: [{ url: `/staff/proposals/${id}`, params: { id: String(id) }, form: { intent, ...extra }, cookie: await staffCookie(email) }],
});

describe("two transitions from the same state, in two processes at once", () => {
  // Each race starts processes that load the route modules: seconds each on a busy machine.
  vi.setConfig({ testTimeout: 120_000 });

  it("approve against return: one wins, the other is refused with 409 and writes nothing", async () => {
    expect(proposalBySlug(SLUG).state).toBe("in_review");
    const before = trace(id);
    const [[approve], [reject]] = await race([
      await job("approve", "approver@northmoor.example", CHECKS_CONFIRMED),
      await job("reject", "approver@northmoor.example", { reason: "Add the crews' winter overtime figures to the impact section" }),
    ]);

    const statuses = [approve.status, reject.status].sort();
    expect(statuses).toEqual([302, 409]);
    const after = trace(id);
    const winner = approve.status === 302 ? "approve" : "reject";
    expect(after.state).toBe(winner === "approve" ? "union_notice" : "draft");
    // Exactly one transition recorded, one revision step; only the approval snapshots a version.
    expect(after.transitions).toEqual([...before.transitions, `proposal.${winner}`]);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.versions).toBe(before.versions + (winner === "approve" ? 1 : 0));
  });

  it("two withdrawals at once: one withdrawal, one audit entry", async () => {
    const before = trace(id);
    const reason = { reason: "The council has decided to keep the current collection rounds this winter" };
    const results = (await race([await job("withdraw", "approver@northmoor.example", reason), await job("withdraw", "admin@northmoor.example", reason)])).flat();
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const after = trace(id);
    expect(after.state).toBe("withdrawn");
    expect(after.transitions).toEqual([...before.transitions, "proposal.withdraw"]);
  });

  it("three approvals at once: the unions are told once", async () => {
    const before = trace(id);
    const approve = () => job("approve", "approver@northmoor.example", CHECKS_CONFIRMED);
    const results = (await race([await approve(), await approve(), await approve()])).flat();
    expect(results.map((r) => r.status).sort()).toEqual([302, 409, 409]);
    const after = trace(id);
    expect(after.state).toBe("union_notice");
    expect(after.transitions).toEqual([...before.transitions, "proposal.approve"]);
    // One notice per rep of each notified union, not three. Counted over the whole file: if the
    // approval won the first race, the reps were told then, and this approval adds nobody.
    const queued = db().select({ to: t.outbox.toAddress }).from(t.outbox).where(like(t.outbox.idempotencyKey, `union-notice:${id}:%`)).all();
    expect(queued.length).toBeGreaterThan(0);
    expect(new Set(queued.map((n) => n.to)).size).toBe(queued.length);
  });
});
