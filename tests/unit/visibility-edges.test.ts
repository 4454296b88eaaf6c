/**
 * The edges of the visibility predicate that mutation testing found untested (scripts/mutation.ts):
 * state alone decides publicity except for a withdrawn proposal; people with several roles or
 * several unions; the facts taken from a loaded proposal.
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "~/auth/permissions";
import { canSeeProposal, isPublic, visibilityFacts, type VisibilityFacts } from "~/proposals/visibility";
import { completeProposal } from "../fixtures/proposals";

const facts = (extra: Partial<VisibilityFacts>): VisibilityFacts => ({ state: "in_review", openedAt: null, serviceId: 1, createdById: 10, unionIds: [100], ...extra });
const person = (roles: NonNullable<Viewer>["roles"], extra: Partial<NonNullable<Viewer>> = {}): Viewer => ({
  id: 50,
  name: "A Person",
  email: "a@example.gov.uk",
  roles,
  serviceId: null,
  unionIds: [],
  ...extra,
});

describe("publicity", () => {
  it("an open or closed consultation is public even if no opening time was recorded (only a withdrawn one needs to have opened)", () => {
    for (const state of ["open", "closed", "outcome_published", "decided"] as const) expect(isPublic({ state, openedAt: null }), state).toBe(true);
  });
});

describe("people with more than one role or union", () => {
  it("a decision maker sees a proposal once it has left the drafter's desk", () => {
    expect(canSeeProposal(person(["decision_maker"]), facts({ state: "in_review" }))).toBe(true);
    expect(canSeeProposal(person(["decision_maker"]), facts({ state: "draft" }))).toBe(false);
  });
  it("an officer of another service who is also an approver sees it as an approver", () => {
    expect(canSeeProposal(person(["officer", "approver"], { serviceId: 2 }), facts({ state: "in_review" }))).toBe(true);
    expect(canSeeProposal(person(["officer"], { serviceId: 2 }), facts({ state: "in_review" }))).toBe(false);
  });
  it("a rep for two unions sees a notice sent to either of them", () => {
    expect(canSeeProposal(person(["union_rep"], { unionIds: [200, 100] }), facts({ state: "union_notice" }))).toBe(true);
    expect(canSeeProposal(person(["union_rep"], { unionIds: [200, 300] }), facts({ state: "union_notice" }))).toBe(false);
  });
});

describe("the facts of a loaded proposal", () => {
  it("carry its state, opening, service, drafter, the unions it was sent to and whether an approver returned it", () => {
    const p = completeProposal({ state: "union_notice", openedAt: null, serviceId: 3, createdById: 7, returnedReason: null });
    expect(visibilityFacts(p)).toEqual({ state: "union_notice", openedAt: null, serviceId: 3, createdById: 7, unionIds: p.unions.map((u) => u.id), returnedReason: null });
    expect(p.unions.length).toBeGreaterThan(0);
  });
});
