import { describe, expect, it } from "vitest";
import { addDays, format, parseISO } from "date-fns";
import type { Viewer } from "~/auth/permissions";
import { checkTransition, type Actor, type TransitionContext } from "~/proposals/lifecycle";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { blankProposal, completeProposal } from "../fixtures/proposals";

const DRAFTER = 1;
const person = (roles: NonNullable<Viewer>["roles"], id: number, serviceId: number | null = 1): Actor => ({
  kind: "person",
  viewer: { id, name: `Person ${id}`, email: `p${id}@example.gov.uk`, roles, serviceId, unionIds: [] },
});
const officer = person(["officer"], DRAFTER);
const approver = person(["approver"], 2, null);
const system: Actor = { kind: "system" };
const ctx = (overrides: Partial<TransitionContext> = {}): TransitionContext => ({
  settings: DEFAULT_SETTINGS,
  now: new Date("2026-11-25T10:00:00Z"),
  bankHolidays: new Set(["2026-12-25", "2026-12-28", "2027-01-01"]),
  ...overrides,
});

describe("submit for review", () => {
  it("a complete draft goes to review", () => {
    expect(checkTransition("submit", completeProposal({ state: "draft" }), officer, ctx())).toEqual({ ok: true, to: "in_review" });
  });
  it("an incomplete draft is refused with the gate's unmet requirements", () => {
    const result = checkTransition("submit", blankProposal(), officer, ctx());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(422);
      expect(result.unmet?.length).toBeGreaterThan(10);
    }
  });
  it("an officer of another service cannot submit it", () => {
    const result = checkTransition("submit", completeProposal({ state: "draft", createdById: 99 }), person(["officer"], 7, 2), ctx());
    expect(result).toMatchObject({ ok: false, status: 403 });
  });
});

describe("approve", () => {
  const inReview = () => completeProposal({ state: "in_review", createdById: DRAFTER });

  it("an approver who did not draft it approves a complete proposal; affected staff mean union notice", () => {
    expect(checkTransition("approve", inReview(), approver, ctx())).toEqual({ ok: true, to: "union_notice" });
  });
  it("a proposal affecting no staff group and no union skips the notice and is scheduled", () => {
    const p = completeProposal({ state: "in_review", staffGroups: [], unions: [], postsAffected: 0, fteAffected: 0, noStaffAffected: true });
    const result = checkTransition("approve", p, approver, ctx());
    expect(result).toEqual({ ok: true, to: "scheduled" });
  });
  it("an approver can never approve a proposal they drafted", () => {
    const result = checkTransition("approve", inReview(), person(["approver", "officer"], DRAFTER), ctx());
    expect(result).toMatchObject({ ok: false, status: 403, message: expect.stringContaining("another approver") });
  });
  it("nobody who changed the proposal since it was last returned may approve it, not only its drafter", () => {
    const colleague = person(["approver", "officer"], 8);
    const refused = checkTransition("approve", inReview(), colleague, ctx({ editorIds: [DRAFTER, 8] }));
    expect(refused).toMatchObject({ ok: false, status: 403, message: expect.stringContaining("You changed this proposal since it was last returned") });
    // Someone else's edits do not stand in this approver's way.
    expect(checkTransition("approve", inReview(), colleague, ctx({ editorIds: [DRAFTER, 9] }))).toEqual({ ok: true, to: "union_notice" });
  });
  it("approval is refused while the gate reports anything", () => {
    const p = completeProposal({ state: "in_review", risks: [] });
    const result = checkTransition("approve", p, approver, ctx());
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (!result.ok) expect(result.unmet?.map((u) => u.code)).toContain("risks.none");
  });
  it("an officer cannot approve", () => {
    expect(checkTransition("approve", inReview(), person(["officer"], 5), ctx())).toMatchObject({ ok: false, status: 403 });
  });
  it("only a proposal in review can be approved", () => {
    expect(checkTransition("approve", completeProposal({ state: "draft" }), approver, ctx())).toMatchObject({ ok: false, status: 409 });
  });
});

describe("return to the drafter", () => {
  it("needs a reason the drafter can act on", () => {
    const p = completeProposal({ state: "in_review" });
    expect(checkTransition("reject", p, approver, ctx({ reason: "no" }))).toMatchObject({ ok: false, status: 422 });
    expect(checkTransition("reject", p, approver, ctx({ reason: "Add the waiting list figures for each school term" }))).toEqual({ ok: true, to: "draft" });
  });
});

describe("opening", () => {
  // Approved for 12 weeks from `opensOn`.
  const underNotice = (noticeSentAt: string, opensOn: string) =>
    completeProposal({ state: "union_notice", noticeSentAt, opensOn, closesOn: format(addDays(parseISO(opensOn), 84), "yyyy-MM-dd"), firstDismissalOn: "2027-09-01" });

  it("opens by itself once the opening date has come and the unions have had 10 working days", () => {
    const p = underNotice("2026-11-09T09:00:00Z", "2026-11-25");
    expect(checkTransition("open", p, system, ctx())).toEqual({ ok: true, to: "open" });
  });
  it("does not open before the notice period is over, even on its opening date", () => {
    const p = underNotice("2026-11-18T09:00:00Z", "2026-11-25");
    const result = checkTransition("open", p, system, ctx());
    expect(result).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("working days") });
  });
  it("counts bank holidays out of the notice period", () => {
    // Sent Friday 18 December: ten working days end on 6 January 2027, not 1 January.
    const p = underNotice("2026-12-18T09:00:00Z", "2027-01-04");
    expect(checkTransition("open", p, system, ctx({ now: new Date("2027-01-05T10:00:00Z") })).ok).toBe(false);
    expect(checkTransition("open", p, system, ctx({ now: new Date("2027-01-06T10:00:00Z") })).ok).toBe(true);
  });
  it("does not open before its opening date", () => {
    const p = underNotice("2026-10-01T09:00:00Z", "2026-12-01");
    expect(checkTransition("open", p, system, ctx())).toMatchObject({ ok: false, message: expect.stringContaining("opening date") });
  });
  it("a person without the admin role cannot open it by hand", () => {
    expect(checkTransition("open", underNotice("2026-10-01T09:00:00Z", "2026-11-01"), officer, ctx())).toMatchObject({ ok: false, status: 403 });
  });
});

describe("closing", () => {
  it("takes responses until the end of the closing date", () => {
    const p = completeProposal({ state: "open", closesOn: "2026-11-25" });
    expect(checkTransition("close", p, system, ctx()).ok).toBe(false);
    expect(checkTransition("close", p, system, ctx({ now: new Date("2026-11-26T00:30:00Z") })).ok).toBe(true);
  });
});

describe("withdraw", () => {
  it("needs a published reason", () => {
    const p = completeProposal({ state: "open" });
    expect(checkTransition("withdraw", p, officer, ctx({ reason: "" }))).toMatchObject({ ok: false, status: 422 });
    expect(checkTransition("withdraw", p, officer, ctx({ reason: "The council has found the funding to keep the service as it is" }))).toEqual({ ok: true, to: "withdrawn" });
  });
  it("a decided proposal cannot be withdrawn", () => {
    const p = completeProposal({ state: "decided" });
    expect(checkTransition("withdraw", p, officer, ctx({ reason: "The council has changed its mind about this" }))).toMatchObject({ ok: false, status: 409 });
  });
});
