/**
 * The period as approved (period.ts and the lifecycle): a length that survives a late opening,
 * the minimum and default lengths, and pre-election periods.
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "~/auth/permissions";
import { DEFAULT_SETTINGS, type Settings } from "~/lib/settings";
import { checkTransition, type TransitionContext } from "~/proposals/lifecycle";
import { approvedLength, describeLength, openingForecast, periodOpeningOn, periodOpeningRefusal, preElectionOverlaps } from "~/proposals/period";
import { readiness } from "~/proposals/readiness";
import { completeProposal } from "../fixtures/proposals";

const holidays = new Set(["2026-12-25", "2026-12-28", "2027-01-01"]);
const elections: Settings = { ...DEFAULT_SETTINGS, preElectionPeriods: [{ name: "Borough council elections", startsOn: "2027-03-24", endsOn: "2027-05-06" }] };
const ctx = (overrides: Partial<TransitionContext> = {}): TransitionContext => ({ settings: DEFAULT_SETTINGS, now: new Date("2027-01-20T10:00:00Z"), bankHolidays: holidays, ...overrides });
const approver = { kind: "person" as const, viewer: { id: 2, name: "Approver", email: "a@example.gov.uk", roles: ["approver"], serviceId: null, unionIds: [] } as NonNullable<Viewer> };

/** Approved to run 12 weeks from 5 January 2027; notice delivered 10 December 2026. */
const approved = (overrides = {}) =>
  completeProposal({
    state: "union_notice",
    opensOn: "2027-01-05",
    closesOn: "2027-03-30",
    periodDays: 84,
    noticeSentAt: "2026-12-10T10:00:00Z",
    firstDismissalOn: "2027-09-01",
    ...overrides,
  });

describe("the approved length", () => {
  it("is fixed at approval, and otherwise what the two dates give", () => {
    expect(approvedLength(approved())).toBe(84);
    expect(approvedLength(approved({ periodDays: null }))).toBe(84);
    expect(approvedLength(approved({ periodDays: null, closesOn: null }))).toBeNull();
    expect(describeLength(84)).toBe("12 weeks");
    expect(describeLength(45)).toBe("6 weeks and 3 days");
  });

  it("moves the closing date with a late opening, keeping the length", () => {
    expect(periodOpeningOn(approved(), "2027-01-05")).toEqual({ opensOn: "2027-01-05", closesOn: "2027-03-30", days: 84, moved: false });
    expect(periodOpeningOn(approved(), "2027-01-20")).toEqual({ opensOn: "2027-01-20", closesOn: "2027-04-14", days: 84, moved: true });
  });

  it("opens late with the approved length rather than the dates left", () => {
    expect(checkTransition("open", approved(), { kind: "system" }, ctx())).toEqual({ ok: true, to: "open" });
  });

  it("cannot open for less than the minimum, or less than the default without its reason", () => {
    const five = approved({ closesOn: "2027-02-09", periodDays: 35 });
    expect(periodOpeningRefusal(five, DEFAULT_SETTINGS, "2027-01-20")).toMatch(/at least 6 weeks – it runs for 5 weeks/);
    const eight = approved({ closesOn: "2027-03-02", periodDays: 56 });
    expect(checkTransition("open", eight, { kind: "system" }, ctx())).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/runs for 8 weeks, less than 12 weeks/) });
    const withReason = approved({ closesOn: "2027-03-02", periodDays: 56, shortPeriodReason: "The grant conditions require a decision by the end of April." });
    expect(checkTransition("open", withReason, { kind: "system" }, ctx())).toEqual({ ok: true, to: "open" });
  });

  it("a council that raises its default after approval holds back a shorter period that has no reason", () => {
    const stricter: Settings = { ...DEFAULT_SETTINGS, plan: { ...DEFAULT_SETTINGS.plan, defaultWeeks: 13 } };
    expect(checkTransition("open", approved(), { kind: "system" }, ctx({ settings: stricter })).ok).toBe(false);
  });
});

describe("pre-election periods", () => {
  it("finds the periods a consultation would overlap", () => {
    expect(preElectionOverlaps(elections, "2027-01-05", "2027-03-23")).toEqual([]);
    expect(preElectionOverlaps(elections, "2027-01-05", "2027-03-24").map((e) => e.name)).toEqual(["Borough council elections"]);
    expect(preElectionOverlaps(elections, "2027-05-06", "2027-07-29")).toHaveLength(1);
    expect(preElectionOverlaps(elections, "2027-05-07", "2027-07-30")).toEqual([]);
  });

  it("the gate asks for a published reason when the plan runs into one", () => {
    const unmet = readiness(approved({ state: "draft", opensOn: "2027-02-03", closesOn: "2027-04-28", periodDays: null }), elections);
    expect(unmet.map((u) => [u.code, u.field])).toEqual([["plan.pre_election", "preElectionReason"]]);
    expect(unmet[0].message).toContain("pre-election period for the Borough council elections (24 March 2027 to 6 May 2027)");
    expect(readiness(approved({ state: "draft", opensOn: "2027-02-03", closesOn: "2027-04-28", preElectionReason: "The funding for the service ends in June, so the decision cannot wait until after the elections." }), elections)).toEqual([]);
  });

  it("blocks an opening whose moved closing date would run into one, until it is over", () => {
    // Planned to close on 23 March, the day before; opening on 20 January it would close on 14 April.
    const p = approved({ opensOn: "2026-12-29", closesOn: "2027-03-23" });
    expect(checkTransition("open", p, { kind: "system" }, ctx({ settings: elections }))).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/pre-election period/) });
    expect(checkTransition("open", p, { kind: "system" }, ctx({ settings: elections, now: new Date("2027-05-07T08:00:00Z") }))).toEqual({ ok: true, to: "open" });
  });

  it("tells officers when it will open and close, and why it is waiting", () => {
    const p = approved({ opensOn: "2026-12-29", closesOn: "2027-03-23" });
    const forecast = openingForecast(p, { settings: elections, now: new Date("2027-01-20T10:00:00Z"), bankHolidays: holidays, unansweredFeedback: 1 })!;
    expect(forecast).toMatchObject({ opensOn: "2027-05-07", closesOn: "2027-07-30", days: 84, moved: true });
    expect(forecast.waitingFor.join(" ")).toMatch(/planned opening date \(29 December 2026\) has passed/);
    expect(forecast.waitingFor.join(" ")).toMatch(/1 feedback item from the unions is waiting for an answer/);
    expect(forecast.waitingFor.join(" ")).toMatch(/pre-election period for the Borough council elections ends on 6 May 2027/);
  });
});

describe("the union notice period starts on delivery", () => {
  it("waits for a notice not yet delivered, counting the working days from today", () => {
    const p = approved({ noticeSentAt: null, opensOn: "2027-01-21" });
    const forecast = openingForecast(p, { settings: DEFAULT_SETTINGS, now: new Date("2027-01-20T10:00:00Z"), bankHolidays: holidays, unansweredFeedback: 0, undeliveredUnions: ["UNISON"] })!;
    expect(forecast.opensOn).toBe("2027-02-03");
    expect(forecast.closesOn).toBe("2027-04-28");
    expect(forecast.waitingFor[0]).toMatch(/not yet been delivered to a representative of UNISON/);
    expect(checkTransition("open", p, { kind: "system" }, ctx({ now: new Date("2027-01-21T10:00:00Z") }))).toMatchObject({ ok: false, message: "The unions have not been sent notice" });
  });

  it("approval is refused while a notified union has nobody on record to receive the notice", () => {
    const p = approved({ state: "in_review", noticeSentAt: null, opensOn: "2027-02-03", closesOn: "2027-04-28" });
    const refused = checkTransition("approve", p, approver, ctx({ unionsWithoutReps: ["Unite the Union"] }));
    expect(refused).toMatchObject({ ok: false, status: 422, message: expect.stringMatching(/^Unite the Union has no representative on record to receive the notice/) });
    expect(checkTransition("approve", p, approver, ctx({ unionsWithoutReps: ["GMB", "Unite the Union"] }))).toMatchObject({ message: expect.stringMatching(/^GMB and Unite the Union have no representative/) });
    expect(checkTransition("approve", p, approver, ctx({ unionsWithoutReps: [] }))).toEqual({ ok: true, to: "union_notice" });
  });
});
