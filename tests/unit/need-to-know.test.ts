/**
 * The need-to-know table (visibility.ts), written out cell by cell: every standing (a role and
 * its relation to the proposal) × every stage of a proposal's life. Each cell is four letters:
 *   P  reads the whole proposal (its public address, staff pages, notices)
 *   I  reads its internal parts (audit trail, returned reason, documents withheld in full)
 *   A / O  reads union feedback and the council's answers: All unions' / its Own union's only
 *   R  reads every response in full
 * and "-" where not. "returned" is a draft an approver returned to its drafter. The rule is then checked through real viewers with one or several roles.
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "~/auth/permissions";
import {
  NEED_TO_KNOW,
  STAGES,
  STANDINGS,
  access,
  canDownloadDocument,
  canReadResponses,
  canSeeAllFeedback,
  canSeeProposal,
  feedbackUnionIds,
  seesInternalDetail,
  standings,
  type Access,
  type Stage,
  type Standing,
  type VisibilityFacts,
} from "~/proposals/visibility";

//                        draft   returned review  notice  sched.  open    closed  outcome decided withdr. withdrawn before opening
const OWN = /*    */ "PIA-   PIA-     PIA-    PIA-    PIA-    PIAR    PIAR    PIAR    PIAR    PIAR    PIA-";
const PUBLISHED = /**/ "----   ----     ----    ----    ----    P---    P---    P---    P---    P---    ----";
const EXPECTED: Record<Standing, string> = {
  admin: /*      */ "PIA-   PIA-     PIA-    PIA-    PIA-    PIA-    PIA-    PIA-    PIA-    PIA-    PIA-",
  approver: /*   */ "----   PIA-     PIA-    PIA-    PIA-    PIAR    PIAR    PIAR    PIAR    PIAR    PIA-",
  decision_maker: "----   ----     PIA-    PIA-    PIA-    PIAR    PIAR    PIAR    PIAR    PIAR    PIA-",
  drafter: OWN,
  own_service_officer: OWN,
  other_service_officer: PUBLISHED,
  moderator: PUBLISHED,
  notified_rep: "----   ----     ----    P-O-    ----    P-O-    P-O-    P-O-    P-O-    P-O-    ----",
  other_rep: PUBLISHED,
  resident: PUBLISHED,
  anonymous: PUBLISHED,
};

function cell(a: Access): string {
  return `${a.proposal ? "P" : "-"}${a.internal ? "I" : "-"}${{ all: "A", own: "O", none: "-" }[a.feedback]}${a.responses ? "R" : "-"}`;
}

describe("the need-to-know table", () => {
  it("has a row for every standing and a column for every stage", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...STANDINGS].sort());
    for (const row of Object.values(EXPECTED)) expect(row.split(/\s+/)).toHaveLength(STAGES.length);
  });

  describe.each(STANDINGS.map((s) => [s] as const))("%s", (standing) => {
    it.each(STAGES.map((stage, i) => [stage, EXPECTED[standing].split(/\s+/)[i]] as const))("%s: %s", (stage, expected) => {
      expect(cell(NEED_TO_KNOW[standing](stage as Stage))).toBe(expected);
    });
  });

  it("nobody reads internal parts, feedback or responses of a proposal they cannot read", () => {
    for (const standing of STANDINGS)
      for (const stage of STAGES) {
        const a = NEED_TO_KNOW[standing](stage);
        if (!a.proposal) expect(cell(a), `${standing} at ${stage}`).toBe("----");
      }
  });
});

// ─── Through real viewers ──────────────────────────────────────────────────────

const SERVICE = 1;
const DRAFTER = 10;
const NOTIFIED = 100;
const OTHER_UNION = 200;

const facts = (state: VisibilityFacts["state"], extra: Partial<VisibilityFacts> = {}): VisibilityFacts => ({
  state,
  openedAt: ["open", "closed", "outcome_published", "decided"].includes(state) ? "2027-01-04T09:00:00.000Z" : null,
  serviceId: SERVICE,
  createdById: DRAFTER,
  unionIds: [NOTIFIED, 300],
  ...extra,
});

const person = (roles: NonNullable<Viewer>["roles"], extra: Partial<NonNullable<Viewer>> = {}): Viewer => ({
  id: 50,
  name: "A Person",
  email: "a.person@northmoor.example",
  roles,
  serviceId: null,
  unionIds: [],
  ...extra,
});

const moderator = person(["moderator"]);
const ownOfficer = person(["officer"], { serviceId: SERVICE });
const drafter = person(["officer"], { id: DRAFTER, serviceId: 7 });
const otherOfficer = person(["officer"], { serviceId: 2 });
const notifiedRep = person(["union_rep"], { unionIds: [NOTIFIED] });
const otherRep = person(["union_rep"], { unionIds: [OTHER_UNION] });
const approver = person(["approver"]);
const decisionMaker = person(["decision_maker"]);
const admin = person(["admin"]);
const resident = person([]);

describe("each viewer's standing towards a proposal", () => {
  it("is worked out from their roles, service, id and unions", () => {
    expect(standings(null, facts("open"))).toEqual(["anonymous"]);
    expect(standings(resident, facts("open"))).toEqual(["resident"]);
    expect(standings(ownOfficer, facts("open"))).toEqual(["own_service_officer"]);
    expect(standings(drafter, facts("open"))).toEqual(["drafter"]);
    expect(standings(otherOfficer, facts("open"))).toEqual(["other_service_officer"]);
    expect(standings(notifiedRep, facts("open"))).toEqual(["notified_rep"]);
    expect(standings(otherRep, facts("open"))).toEqual(["other_rep"]);
    expect(standings(person(["officer", "approver"], { serviceId: 2 }), facts("open"))).toEqual(["other_service_officer", "approver"]);
  });
});

describe("a moderator has no need to know", () => {
  it("is refused a proposal under union notice (embargoed), in review or scheduled", () => {
    for (const state of ["draft", "in_review", "union_notice", "scheduled"] as const) expect(canSeeProposal(moderator, facts(state)), state).toBe(false);
  });
  it("is refused every union's feedback and the council's answers, before and after opening", () => {
    for (const state of ["union_notice", "open", "closed", "decided"] as const) {
      expect(feedbackUnionIds(moderator, facts(state)), state).toEqual([]);
      expect(canSeeAllFeedback(moderator, facts(state)), state).toBe(false);
    }
  });
  it("reads a published consultation, but not its internal parts or a document withheld in full", () => {
    expect(canSeeProposal(moderator, facts("open"))).toBe(true);
    expect(seesInternalDetail(moderator, facts("open"))).toBe(false);
    expect(canDownloadDocument(moderator, facts("open"), { disclosure: "withheld" })).toBe(false);
    expect(canDownloadDocument(moderator, facts("open"), { disclosure: "published" })).toBe(true);
  });
});

describe("union feedback follows the need to know", () => {
  it("the proposal's officers, drafter, approvers, decision makers and admins read every notified union's", () => {
    for (const v of [ownOfficer, drafter, approver, decisionMaker, admin]) {
      expect(feedbackUnionIds(v, facts("union_notice")), v!.roles.join()).toEqual([NOTIFIED, 300]);
      expect(canSeeAllFeedback(v, facts("open")), v!.roles.join()).toBe(true);
    }
  });
  it("a rep reads only their own union's, even when the notice went to others too", () => {
    expect(feedbackUnionIds(notifiedRep, facts("union_notice"))).toEqual([NOTIFIED]);
    expect(canSeeAllFeedback(notifiedRep, facts("union_notice"))).toBe(false);
    expect(feedbackUnionIds(person(["union_rep"], { unionIds: [NOTIFIED, OTHER_UNION] }), facts("open"))).toEqual([NOTIFIED]);
  });
  it("a rep of another union, an officer of another service, a resident and an anonymous visitor read none", () => {
    for (const v of [otherRep, otherOfficer, resident, null]) {
      expect(feedbackUnionIds(v, facts("union_notice"))).toEqual([]);
      expect(feedbackUnionIds(v, facts("open"))).toEqual([]);
    }
  });
});

describe("the embargo under union notice", () => {
  it("lets in its service's officers, its drafter, approvers, decision makers, admins and the notified unions' reps", () => {
    for (const v of [ownOfficer, drafter, approver, decisionMaker, admin, notifiedRep]) expect(canSeeProposal(v, facts("union_notice")), JSON.stringify(v!.roles)).toBe(true);
  });
  it("keeps out a rep of another union, an officer of another service, a moderator, a resident and the public", () => {
    for (const v of [otherRep, otherOfficer, moderator, resident, null]) expect(canSeeProposal(v, facts("union_notice")), JSON.stringify(v?.roles)).toBe(false);
  });
  it("a rep reads the proposal but none of its internal parts", () => {
    expect(seesInternalDetail(notifiedRep, facts("union_notice"))).toBe(false);
    expect(canDownloadDocument(notifiedRep, facts("union_notice"), { disclosure: "withheld" })).toBe(false);
  });
});

describe("people with several roles get the most any role gives", () => {
  it("a moderator who is also an officer of the service reads it under notice, with its feedback", () => {
    const v = person(["moderator", "officer"], { serviceId: SERVICE });
    expect(access(v, facts("union_notice"))).toEqual({ proposal: true, internal: true, feedback: "all", responses: false });
  });
  it("a rep who is also a moderator still reads only their own union's feedback", () => {
    const v = person(["moderator", "union_rep"], { unionIds: [NOTIFIED] });
    expect(feedbackUnionIds(v, facts("union_notice"))).toEqual([NOTIFIED]);
  });
  it("responses in full: the service's officers, approvers and decision makers once public; never moderators or reps", () => {
    expect(canReadResponses(ownOfficer, facts("open"))).toBe(true);
    expect(canReadResponses(approver, facts("closed"))).toBe(true);
    expect(canReadResponses(approver, facts("union_notice"))).toBe(false);
    expect(canReadResponses(moderator, facts("open"))).toBe(false);
    expect(canReadResponses(notifiedRep, facts("open"))).toBe(false);
  });
});

describe("a draft an approver returned", () => {
  const returned = facts("draft", { returnedReason: "The risk to winter rounds needs its mitigation costed." });
  it("stays readable by approvers (the return lands back on the review), not by decision makers, moderators or other officers", () => {
    expect(canSeeProposal(approver, returned)).toBe(true);
    expect(canSeeProposal(approver, facts("draft"))).toBe(false);
    for (const v of [decisionMaker, moderator, otherOfficer, notifiedRep, null]) expect(canSeeProposal(v, returned), JSON.stringify(v?.roles)).toBe(false);
    expect(canSeeProposal(ownOfficer, returned)).toBe(true);
  });
});
