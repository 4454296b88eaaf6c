/**
 * Review: an approver returns a proposal with reasons the drafter sees; the drafter changes it
 * and submits again; the approver sees what changed since the last review, word by word, and a
 * different approver from the drafter approves it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import * as overview from "~/routes/staff.proposals.$id";
import * as summary from "~/routes/staff.proposals.$id_.summary";
import * as check from "~/routes/staff.proposals.$id_.check";
import type { SectionChange } from "~/proposals/diff";
import { get, post, proposalId, revisionOf, seeded } from "./drafting-helpers";
import { CHECKS_CONFIRMED } from "../fixtures/review";

const APPROVER = "approver@northmoor.example";
const DRAFTER = "approver2@northmoor.example"; // drafted the garden waste proposal
let id: number;

beforeAll(async () => {
  await seeded();
  id = proposalId("garden-waste-collections");
});

type Overview = { sinceLastReview: { changes: SectionChange[] } | null; proposal: { state: string; returnedReason: string | null }; tasks: unknown[] | null };

describe("returned, changed, submitted again", () => {
  it("the approver returns it with a reason the drafter sees on the task list", async () => {
    const r = await post(overview.action as never, `/staff/proposals/${id}`, { id: String(id) }, APPROVER, { intent: "reject", reason: "Say how many households use the winter collections today." });
    expect(r.status).toBe(302);
    const page = (await get(overview.loader as never, `/staff/proposals/${id}`, { id: String(id) }, DRAFTER)).body as Overview;
    expect(page.proposal).toMatchObject({ state: "draft", returnedReason: "Say how many households use the winter collections today." });
    expect(page.tasks).toHaveLength(12);
  });

  it("after the drafter's change and a new submission, the approver sees exactly what changed", async () => {
    const before = db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!;
    const saved = await post(summary.action as never, `/staff/proposals/${id}/summary`, { id: String(id) }, DRAFTER, {
      intent: "continue",
      revision: String(revisionOf(id)),
      summary: `${before.summary} About 9,400 households use the winter collections today.`,
    });
    expect(saved.status).toBe(302);
    const submitted = await post(check.action as never, `/staff/proposals/${id}/check`, { id: String(id) }, DRAFTER, {});
    expect(submitted.status).toBe(302);
    expect(submitted.location).toBe(`/staff/proposals/${id}?done=submit`);

    const page = (await get(overview.loader as never, `/staff/proposals/${id}`, { id: String(id) }, APPROVER)).body as Overview;
    expect(page.proposal.state).toBe("in_review");
    expect(page.tasks).toBeNull();
    const changes = page.sinceLastReview!.changes;
    expect(changes.map((c) => c.section)).toEqual(["summary"]);
    expect(changes[0].parts.filter((p) => p.added).map((p) => p.value).join("")).toContain("9,400 households");
  });

  it("the drafter cannot approve it; another approver can", async () => {
    const own = await post(overview.action as never, `/staff/proposals/${id}`, { id: String(id) }, DRAFTER, { intent: "approve", ...CHECKS_CONFIRMED });
    expect(own.status).toBe(403);
    const other = await post(overview.action as never, `/staff/proposals/${id}`, { id: String(id) }, APPROVER, { intent: "approve", ...CHECKS_CONFIRMED });
    expect(other.status).toBe(302);
    expect(db().select().from(t.proposals).where(eq(t.proposals.id, id)).get()!.state).toBe("union_notice");
  });
});
