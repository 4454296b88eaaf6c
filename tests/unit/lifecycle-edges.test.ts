/**
 * Edges of the lifecycle that mutation testing (npm run test:mutation -- lifecycle) found
 * unguarded: who gets union notice, how edits are handled in each state, and the counts in the
 * refusal messages an officer reads.
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "~/auth/permissions";
import { checkTransition, editingMode, gateBindsEdits, needsUnionNotice, type Actor, type TransitionContext } from "~/proposals/lifecycle";
import type { ProposalState } from "#db/schema";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { blankProposal, completeProposal } from "../fixtures/proposals";

const person = (roles: NonNullable<Viewer>["roles"], id: number, serviceId: number | null = 1): Actor => ({
  kind: "person",
  viewer: { id, name: `Person ${id}`, email: `p${id}@example.gov.uk`, roles, serviceId, unionIds: [] },
});
const approver = person(["approver"], 2, null);
const ctx = (overrides: Partial<TransitionContext> = {}): TransitionContext => ({
  settings: DEFAULT_SETTINGS,
  now: new Date("2026-11-25T10:00:00Z"),
  bankHolidays: new Set(),
  ...overrides,
});
const group = completeProposal().staffGroups[0];
const union = completeProposal().unions[0];

describe("who is given union notice before opening", () => {
  it.each([
    ["staff groups and unions", [group], [union], true],
    ["staff groups only", [group], [], true],
    ["a union only", [], [union], true],
    ["neither", [], [], false],
  ] as const)("a proposal affecting %s", (_label, staffGroups, unions, notice) => {
    const p = completeProposal({ state: "in_review", staffGroups: [...staffGroups], unions: [...unions] });
    expect(needsUnionNotice(p)).toBe(notice);
  });
  it("approving a proposal that affects staff sends it to union notice, not straight to the schedule", () => {
    expect(checkTransition("approve", completeProposal({ state: "in_review" }), approver, ctx())).toEqual({ ok: true, to: "union_notice" });
  });
});

describe("how a proposal may be edited in each state", () => {
  const cases: [ProposalState, ReturnType<typeof editingMode>, boolean][] = [
    ["draft", "draft", false],
    ["in_review", null, true],
    ["union_notice", null, true],
    ["scheduled", null, true],
    ["open", "public", true],
    ["closed", null, true],
    ["withdrawn", null, true],
  ];
  it.each(cases)("%s: editing mode %s, gate binds edits: %s", (state, mode, binds) => {
    expect(editingMode({ state })).toBe(mode);
    expect(gateBindsEdits({ state })).toBe(binds);
  });
});

describe("refusal messages count what is missing", () => {
  it("an incomplete draft's refusal says how many requirements are unmet, in the plural", () => {
    const result = checkTransition("submit", blankProposal(), person(["officer"], 1), ctx());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(`This proposal cannot be submitted until ${result.unmet!.length} requirements are met`);
  });
  it("one unmet requirement is counted in the singular", () => {
    const p = completeProposal({ state: "in_review", summary: "" });
    const result = checkTransition("approve", p, approver, ctx());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.unmet).toHaveLength(1);
      expect(result.message).toBe("This proposal cannot be approved until 1 requirement is met");
    }
  });
  it("unanswered union feedback holds the opening, counted in the singular and plural", () => {
    const p = completeProposal({ state: "union_notice", opensOn: "2026-11-25", periodDays: 84, noticeSentAt: "2026-10-01T09:00:00.000Z" });
    const system: Actor = { kind: "system" };
    expect(checkTransition("open", p, system, ctx({ unansweredFeedback: 0 }))).toEqual({ ok: true, to: "open" });
    expect(checkTransition("open", p, system, ctx({ unansweredFeedback: 1 }))).toMatchObject({ ok: false, status: 409, message: "1 feedback item from the unions has not been answered" });
    expect(checkTransition("open", p, system, ctx({ unansweredFeedback: 3 }))).toMatchObject({ ok: false, status: 409, message: "3 feedback items from the unions have not been answered" });
  });
});

// Found by npm run test:planted (scripts/planted-bugs.ts): each of these passed with the check removed.
describe("only people who may edit proposals submit them", () => {
  it.each([
    ["a decision maker who belongs to the proposal's service", person(["decision_maker"], 7, 1)],
    ["a moderator who belongs to the proposal's service", person(["moderator"], 6, 1)],
    ["its drafter, no longer an officer (now a moderator)", person(["moderator"], 1, 2)],
  ] as const)("%s may not submit it for review", (_label, actor) => {
    const draft = completeProposal({ state: "draft", serviceId: 1, createdById: 1 });
    expect(checkTransition("submit", draft, actor, ctx())).toEqual({ ok: false, status: 403, message: "You cannot submit this proposal", unmet: undefined });
  });
});

describe("an outcome already published", () => {
  it.each(["outcome_published", "decided"] as const)("an approver asked to publish it again (%s) is told it is already published", (state) => {
    const outcome = { status: "submitted" as const, unmet: [], contributorIds: [] };
    const result = checkTransition("publish_outcome", completeProposal({ state }), approver, ctx({ outcome }));
    expect(result).toMatchObject({ ok: false, status: 409, message: "The outcome of this consultation has already been published" });
  });
});
