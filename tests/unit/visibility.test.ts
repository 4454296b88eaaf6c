import { describe, expect, it } from "vitest";
import type { Viewer } from "~/auth/permissions";
import { canDownloadDocument, canSeeProposal, isPublic, type VisibilityFacts } from "~/proposals/visibility";
import type { ProposalState } from "#db/schema";

const facts = (state: ProposalState, extra: Partial<VisibilityFacts> = {}): VisibilityFacts => ({
  state,
  openedAt: ["open", "closed", "outcome_published", "decided"].includes(state) ? "2026-10-01T09:00:00.000Z" : null,
  serviceId: 1,
  createdById: 10,
  unionIds: [100],
  ...extra,
});

const person = (roles: NonNullable<Viewer>["roles"], extra: Partial<NonNullable<Viewer>> = {}): Viewer => ({
  id: 50,
  name: "A Person",
  email: "a@example.gov.uk",
  roles,
  serviceId: null,
  unionIds: [],
  ...extra,
});

describe("the public sees only what has been published", () => {
  it.each(["open", "closed", "outcome_published", "decided"] as const)("a %s consultation is public", (state) => {
    expect(canSeeProposal(null, facts(state))).toBe(true);
  });

  it.each(["draft", "in_review", "union_notice", "scheduled"] as const)("a %s proposal is invisible to the public", (state) => {
    expect(canSeeProposal(null, facts(state))).toBe(false);
  });

  it("a proposal withdrawn before it opened never becomes public; one withdrawn after opening stays public with its reason", () => {
    expect(isPublic(facts("withdrawn", { openedAt: null }))).toBe(false);
    expect(isPublic(facts("withdrawn", { openedAt: "2026-10-01T09:00:00.000Z" }))).toBe(true);
  });
});

describe("embargo: a proposal under union notice", () => {
  it("is visible to a rep of a notified union", () => {
    expect(canSeeProposal(person(["union_rep"], { unionIds: [100] }), facts("union_notice"))).toBe(true);
  });
  it("is invisible to a rep of another union", () => {
    expect(canSeeProposal(person(["union_rep"], { unionIds: [200] }), facts("union_notice"))).toBe(false);
  });
  it("is not shown to a rep before approval (draft) or after it was withdrawn unopened", () => {
    const rep = person(["union_rep"], { unionIds: [100] });
    expect(canSeeProposal(rep, facts("draft"))).toBe(false);
    expect(canSeeProposal(rep, facts("withdrawn", { openedAt: null }))).toBe(false);
  });
});

describe("staff", () => {
  it("an officer sees their own service's drafts but not another service's", () => {
    expect(canSeeProposal(person(["officer"], { serviceId: 1 }), facts("draft"))).toBe(true);
    expect(canSeeProposal(person(["officer"], { serviceId: 2 }), facts("draft"))).toBe(false);
  });
  it("an officer sees a draft they started even outside their service", () => {
    expect(canSeeProposal(person(["officer"], { id: 10, serviceId: 2 }), facts("draft"))).toBe(true);
  });
  it("approvers see proposals once submitted, not drafts on the drafter's desk", () => {
    expect(canSeeProposal(person(["approver"]), facts("in_review"))).toBe(true);
    expect(canSeeProposal(person(["approver"]), facts("draft"))).toBe(false);
  });
  it("admins see everything", () => {
    expect(canSeeProposal(person(["admin"]), facts("draft"))).toBe(true);
  });
});

describe("documents", () => {
  it("a document withheld in full is listed but cannot be downloaded by the public", () => {
    expect(canDownloadDocument(null, facts("open"), { disclosure: "withheld" })).toBe(false);
    expect(canDownloadDocument(null, facts("open"), { disclosure: "part_withheld" })).toBe(true);
    expect(canDownloadDocument(person(["officer"], { serviceId: 1 }), facts("open"), { disclosure: "withheld" })).toBe(true);
  });
  it("no document of an invisible proposal can be downloaded", () => {
    expect(canDownloadDocument(null, facts("union_notice"), { disclosure: "published" })).toBe(false);
  });
});
