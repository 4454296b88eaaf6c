/**
 * The lifecycle as a matrix: every transition × every actor (by role and by relation to the
 * proposal: its drafter, an officer of its service, an officer of another service…) × every
 * state. The table below is the policy written out by hand (DESIGN.md "Lifecycle", issue 15);
 * each cell is checked against `checkTransition`: allowed, 403 (this actor may never), or 409
 * (not from this state). Who is asked first: an actor who may never do it gets 403 in every
 * state. Every "allowed" cell is given what it needs (a complete proposal, a reason, dates
 * passed, notice given), and the refusals for what is missing follow the matrix.
 */
import { describe, expect, it } from "vitest";
import type { ProposalState } from "#db/schema";
import { PROPOSAL_STATES } from "#db/schema";
import type { Viewer } from "~/auth/permissions";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { checkTransition, TRANSITIONS, type Actor, type Transition, type TransitionContext } from "~/proposals/lifecycle";
import type { Proposal } from "~/proposals/types";
import { completeProposal } from "../fixtures/proposals";

const SERVICE = 1;
const OTHER_SERVICE = 2;
const DRAFTER_ID = 1;
/** An approver and officer of the service who edited the proposal in its current round. */
const EDITOR_ID = 9;

type Roles = NonNullable<Viewer>["roles"];
const person = (id: number, roles: Roles, serviceId: number | null, unionIds: number[] = []): Actor => ({
  kind: "person",
  viewer: { id, name: `Person ${id}`, email: `p${id}@example.gov.uk`, roles, serviceId, unionIds },
});

/** Every kind of actor, by role and relation to the proposal (drafted by DRAFTER_ID, in SERVICE). */
const ACTORS = {
  drafter: person(DRAFTER_ID, ["officer"], SERVICE),
  "drafter, since moved to another service": person(DRAFTER_ID, ["officer"], OTHER_SERVICE),
  "officer of the same service (an editor)": person(2, ["officer"], SERVICE),
  "officer of another service": person(3, ["officer"], OTHER_SERVICE),
  approver: person(4, ["approver"], null),
  "approver who drafted it": person(DRAFTER_ID, ["approver", "officer"], SERVICE),
  "approver who changed it since it was last returned": person(EDITOR_ID, ["approver", "officer"], SERVICE),
  admin: person(5, ["admin"], null),
  moderator: person(6, ["moderator"], null),
  "decision maker": person(7, ["decision_maker"], null),
  "union rep of a notified union": person(8, ["union_rep"], null, [100]),
  "the scheduler": { kind: "system" } as Actor,
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;

/** Who may make each transition (anyone else: 403, in every state). */
const MAY: Record<Transition, ActorName[]> = {
  submit: ["drafter", "drafter, since moved to another service", "officer of the same service (an editor)", "approver who drafted it", "approver who changed it since it was last returned", "admin"],
  // Separation of duties: never the drafter, nor anyone who changed it since it was last returned.
  approve: ["approver"],
  reject: ["approver", "approver who drafted it", "approver who changed it since it was last returned"],
  // Consultations open and close by themselves; an admin may do it by hand.
  open: ["the scheduler", "admin"],
  close: ["the scheduler", "admin"],
  withdraw: ["drafter", "drafter, since moved to another service", "officer of the same service (an editor)", "approver", "approver who drafted it", "approver who changed it since it was last returned", "admin"],
  // The outcome report is signed off by an approver who wrote none of it (here the drafter and the editor wrote it).
  publish_outcome: ["approver"],
  // Only a decision maker records the decision.
  decide: ["decision maker"],
};

/** From which states each transition goes, and where to (any other state: 409). */
const FROM: Record<Transition, Partial<Record<ProposalState, ProposalState>>> = {
  submit: { draft: "in_review" },
  approve: { in_review: "union_notice" },
  reject: { in_review: "draft" },
  open: { union_notice: "open", scheduled: "open" },
  close: { open: "closed" },
  withdraw: { draft: "withdrawn", in_review: "withdrawn", union_notice: "withdrawn", scheduled: "withdrawn", open: "withdrawn", closed: "withdrawn", outcome_published: "withdrawn" },
  publish_outcome: { closed: "outcome_published" },
  decide: { outcome_published: "decided" },
};

const NOW = new Date("2026-06-15T10:00:00Z");
const REASON = "The figures for the winter rounds need to be checked again";

/** A proposal in `state` that meets everything each transition asks of it at NOW. */
function proposalIn(state: ProposalState, overrides: Partial<Proposal> = {}): Proposal {
  return completeProposal({
    state,
    serviceId: SERVICE,
    createdById: DRAFTER_ID,
    // completeProposal opens 5 January and closes 30 March 2026: both passed at NOW.
    noticeSentAt: "2025-11-03T09:00:00.000Z",
    openedAt: ["open", "closed", "outcome_published", "decided"].includes(state) ? "2026-01-05T00:00:00.000Z" : null,
    // Approval fixes the length (12 weeks), so a late opening keeps it (period.ts).
    periodDays: ["draft", "in_review"].includes(state) ? null : 84,
    ...overrides,
  });
}
/** An outcome report sent for sign-off, passing its gate, written by the drafter and the editor. */
const OUTCOME = { status: "submitted", unmet: [], contributorIds: [DRAFTER_ID, EDITOR_ID] } as const satisfies TransitionContext["outcome"];
const ctx = (overrides: Partial<TransitionContext> = {}): TransitionContext => ({
  settings: DEFAULT_SETTINGS,
  now: NOW,
  bankHolidays: new Set(),
  reason: REASON,
  unansweredFeedback: 0,
  editorIds: [DRAFTER_ID, EDITOR_ID],
  outcome: { ...OUTCOME, contributorIds: [...OUTCOME.contributorIds], unmet: [] },
  readingConfirmedAt: "2026-06-14T16:00:00.000Z",
  ...overrides,
});

describe("the matrix covers the whole lifecycle", () => {
  it("every transition and every state the schema knows is in the table", () => {
    expect(Object.keys(MAY).sort()).toEqual([...TRANSITIONS].sort());
    // Each from-state is a real state, and each transition goes from at least one.
    for (const t of TRANSITIONS) {
      expect(Object.keys(FROM[t]).length, t).toBeGreaterThan(0);
      for (const s of Object.keys(FROM[t])) expect(PROPOSAL_STATES, `${t} from ${s}`).toContain(s);
    }
  });
});

for (const transition of TRANSITIONS) {
  describe(transition, () => {
    const cells = PROPOSAL_STATES.flatMap((state) => (Object.keys(ACTORS) as ActorName[]).map((actor) => [actor, state] as const));
    it.each(cells)(`%s, from %s`, (actorName, state) => {
      const result = checkTransition(transition, proposalIn(state), ACTORS[actorName], ctx());
      if (!MAY[transition].includes(actorName)) {
        expect(result).toMatchObject({ ok: false, status: 403 });
      } else if (!(state in FROM[transition])) {
        expect(result).toMatchObject({ ok: false, status: 409 });
      } else {
        expect(result).toEqual({ ok: true, to: FROM[transition][state] });
      }
    });
  });
}

describe("what each allowed transition still needs", () => {
  const approver = ACTORS.approver;
  it("submit and approve: the whole gate (422 with the unmet list)", () => {
    for (const [t, state, actor] of [["submit", "draft", ACTORS.drafter], ["approve", "in_review", approver]] as const) {
      const result = checkTransition(t, { ...proposalIn(state), risks: [] }, actor, ctx());
      expect(result).toMatchObject({ ok: false, status: 422 });
      expect(!result.ok && result.unmet?.map((u) => u.code)).toContain("risks.none");
    }
  });
  it("approve: to union notice when staff or unions are affected, to scheduled when none are", () => {
    const noStaff = proposalIn("in_review", { staffGroups: [], unions: [], postsAffected: 0, fteAffected: 0, noStaffAffected: true });
    expect(checkTransition("approve", noStaff, approver, ctx())).toEqual({ ok: true, to: "scheduled" });
    expect(checkTransition("approve", proposalIn("in_review"), approver, ctx())).toEqual({ ok: true, to: "union_notice" });
  });
  it.each([
    ["reject", "in_review", "approver"],
    ["withdraw", "open", "drafter"],
    ["withdraw", "draft", "admin"],
  ] as const)("%s from %s (as the %s): a reason of at least five words (422 without)", (t, state, actor) => {
    for (const reason of [undefined, "", "   ", "Not good enough", "one two three four"]) {
      expect(checkTransition(t, proposalIn(state), ACTORS[actor], ctx({ reason })), String(reason)).toMatchObject({ ok: false, status: 422 });
    }
    expect(checkTransition(t, proposalIn(state), ACTORS[actor], ctx({ reason: "one two three four five" })).ok).toBe(true);
  });
  it.each(["the scheduler", "admin"] as const)("open (by %s): not before the opening date, the notice period or the unions' answers (409)", (actor) => {
    const a = ACTORS[actor];
    expect(checkTransition("open", { ...proposalIn("scheduled"), opensOn: "2026-06-16" }, a, ctx()).ok).toBe(false);
    expect(checkTransition("open", { ...proposalIn("scheduled"), opensOn: "2026-06-15" }, a, ctx()).ok).toBe(true);
    expect(checkTransition("open", { ...proposalIn("scheduled"), opensOn: null }, a, ctx())).toMatchObject({ ok: false, status: 409 });
    // A scheduled proposal has no notice to wait for.
    expect(checkTransition("open", { ...proposalIn("scheduled"), noticeSentAt: null, opensOn: "2026-06-15" }, a, ctx()).ok).toBe(true);
    expect(checkTransition("open", { ...proposalIn("union_notice"), noticeSentAt: null }, a, ctx())).toMatchObject({ ok: false, status: 409 });
    // Ten working days: sent Monday 1 June, the tenth is Monday 15 June.
    expect(checkTransition("open", { ...proposalIn("union_notice"), noticeSentAt: "2026-06-01T09:00:00.000Z" }, a, ctx()).ok).toBe(true);
    expect(checkTransition("open", { ...proposalIn("union_notice"), noticeSentAt: "2026-06-02T09:00:00.000Z" }, a, ctx())).toMatchObject({
      ok: false,
      status: 409,
      message: "The unions have had 9 of the 10 working days' notice",
    });
    expect(checkTransition("open", proposalIn("union_notice"), a, ctx({ unansweredFeedback: 1 }))).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/^1 feedback item/) });
    expect(checkTransition("open", proposalIn("union_notice"), a, ctx({ unansweredFeedback: 2 }))).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/^2 feedback items/) });
    expect(checkTransition("open", proposalIn("union_notice"), a, ctx({ unansweredFeedback: undefined })).ok).toBe(true);
  });
  it.each(["the scheduler", "admin"] as const)("close (by %s): only after the end of the closing date (409 before)", (actor) => {
    const a = ACTORS[actor];
    expect(checkTransition("close", { ...proposalIn("open"), closesOn: "2026-06-15" }, a, ctx())).toMatchObject({ ok: false, status: 409 });
    expect(checkTransition("close", { ...proposalIn("open"), closesOn: "2026-06-14" }, a, ctx())).toEqual({ ok: true, to: "closed" });
    expect(checkTransition("close", { ...proposalIn("open"), closesOn: null }, a, ctx())).toMatchObject({ ok: false, status: 409 });
  });
  it("publish_outcome: a report sent for sign-off (409 otherwise) that passes its own gate (422 with what it asks)", () => {
    const closed = proposalIn("closed");
    expect(checkTransition("publish_outcome", closed, approver, ctx({ outcome: null }))).toMatchObject({ ok: false, status: 409 });
    expect(checkTransition("publish_outcome", closed, approver, ctx({ outcome: { ...OUTCOME, contributorIds: [], unmet: [], status: "draft" } }))).toMatchObject({ ok: false, status: 409 });
    const unmet = [{ code: "theme.response", message: "Say how the council responds to “Parking”", href: "#t1" }] as unknown as NonNullable<TransitionContext["outcome"]>["unmet"];
    const refused = checkTransition("publish_outcome", closed, approver, ctx({ outcome: { ...OUTCOME, contributorIds: [], unmet } }));
    expect(refused).toMatchObject({ ok: false, status: 422 });
    expect(!refused.ok && refused.outcomeUnmet).toHaveLength(1);
    // The approver who wrote part of it may not sign it off, whatever its state.
    expect(checkTransition("publish_outcome", closed, approver, ctx({ outcome: { ...OUTCOME, contributorIds: [4], unmet: [] } }))).toMatchObject({ ok: false, status: 403 });
  });
  it("decide: only once the decision maker has confirmed reading (409 otherwise), and only once (409)", () => {
    const dm = ACTORS["decision maker"];
    expect(checkTransition("decide", proposalIn("outcome_published"), dm, ctx({ readingConfirmedAt: null }))).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/^Confirm that you have read/) });
    expect(checkTransition("decide", proposalIn("closed"), dm, ctx())).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/outcome report has been published/) });
    expect(checkTransition("decide", proposalIn("decided"), dm, ctx())).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/already been recorded/) });
  });
});
