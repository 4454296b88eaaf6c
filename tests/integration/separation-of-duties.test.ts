/**
 * Separation of duties (issue 10, item 5), through the real staff page action: nobody who changed
 * the proposal since it was last returned to its drafter may approve it, not only its creator.
 * A refusal changes nothing; another approver can approve; edits made before the last return do
 * not count, because the approver then returned it and someone else answered.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as t from "#db/schema";
import { db } from "#db/client.server";
import * as staffPage from "~/routes/staff.proposals.$id";
import * as summary from "~/routes/staff.proposals.$id_.summary";
import { everything, get, post, proposalId, revisionOf, seeded } from "./drafting-helpers";
import { CHECKS_CONFIRMED } from "../fixtures/review";

const APPROVER = "approver@northmoor.example"; // Margaret Ashworth
const DRAFTER = "approver2@northmoor.example"; // David Mensah: approver and waste officer, drafted garden waste
const COLLEAGUE = "deputy.waste@northmoor.example"; // approver and waste officer, created here
let id: number;

beforeAll(async () => {
  await seeded();
  id = proposalId("garden-waste-collections");
  const waste = db().select().from(t.services).where(eq(t.services.slug, "waste")).get()!;
  const user = db().insert(t.users).values({ email: COLLEAGUE, name: "Priya Nair", serviceId: waste.id }).returning({ id: t.users.id }).get();
  db().insert(t.userRoles).values([{ userId: user.id, role: "officer" }, { userId: user.id, role: "approver" }]).run();
}, 60_000);

const act = (email: string, form: Record<string, string>) => post(staffPage.action as never, `/staff/proposals/${id}`, { id: String(id) }, email, form);
const state = () => db().select({ state: t.proposals.state }).from(t.proposals).where(eq(t.proposals.id, id)).get()!.state;

async function edit(email: string, addition: string) {
  const current = db().select({ summary: t.proposals.summary }).from(t.proposals).where(eq(t.proposals.id, id)).get()!.summary!;
  const r = await post(summary.action as never, `/staff/proposals/${id}/summary`, { id: String(id) }, email, { intent: "save", revision: String(revisionOf(id)), summary: `${current} ${addition}` });
  expect(r.status).toBe(302);
}

describe("who may approve", () => {
  it("the drafter may not, even as an approver", async () => {
    const before = everything(id);
    const r = await act(DRAFTER, { intent: "approve", ...CHECKS_CONFIRMED });
    expect(r.status).toBe(403);
    expect((r.body as { message: string }).message).toMatch(/You drafted this proposal/);
    expect(everything(id)).toEqual(before);
  });

  it("a colleague who changed it since it was returned may not, and the staff page says why", async () => {
    expect((await act(APPROVER, { intent: "reject", reason: "Say how households without a car will be told about collections by arrangement." })).status).toBe(302);
    expect(state()).toBe("draft");
    await edit(COLLEAGUE, "Households without a car will get a letter about collections by arrangement.");
    expect((await act(DRAFTER, { intent: "submit" })).status).toBe(302);
    expect(state()).toBe("in_review");

    const page = await get(staffPage.loader as never, `/staff/proposals/${id}`, { id: String(id) }, COLLEAGUE);
    expect((page.body as { may: { approvalConflict: string | null } }).may.approvalConflict).toMatch(/You changed this proposal since it was last returned/);

    const before = everything(id);
    const r = await act(COLLEAGUE, { intent: "approve", ...CHECKS_CONFIRMED });
    expect(r.status).toBe(403);
    expect((r.body as { message: string }).message).toMatch(/You changed this proposal since it was last returned to its drafter, so another approver must approve it/);
    expect(everything(id)).toEqual(before);
    expect(state()).toBe("in_review");
  });

  it("edits made before the last return do not count once someone else has answered it", async () => {
    expect((await act(APPROVER, { intent: "reject", reason: "Add when the leaflet will go to households, as a date." })).status).toBe(302);
    await edit(DRAFTER, "The leaflet would go to every household in October.");
    expect((await act(DRAFTER, { intent: "submit" })).status).toBe(302);

    const page = await get(staffPage.loader as never, `/staff/proposals/${id}`, { id: String(id) }, COLLEAGUE);
    expect((page.body as { may: { approvalConflict: string | null } }).may.approvalConflict).toBeNull();
    const r = await act(COLLEAGUE, { intent: "approve", ...CHECKS_CONFIRMED });
    expect(r.status).toBe(302);
    expect(state()).toBe("union_notice");
    const approved = db().select({ by: t.proposals.approvedById }).from(t.proposals).where(eq(t.proposals.id, id)).get()!;
    expect(approved.by).toBe(db().select().from(t.users).where(eq(t.users.email, COLLEAGUE)).get()!.id);
  });
});
