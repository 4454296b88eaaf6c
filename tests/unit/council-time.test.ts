/**
 * One council time zone for every date rule: opening, closing, comments and answers, working
 * days of union notice, the s.188 clock and the outcome clock, on both sides of midnight in
 * summer (BST, UTC+1) and in winter (GMT), and across the clock changes.
 *
 * Every case runs under several process time zones (vitest.config.ts pins Europe/London for the
 * rest of the suite): UTC, as a server usually runs; America/Los_Angeles, where the local date is
 * behind London's in the evening; Asia/Kolkata, ahead of it after 18:30 London time. The rules must
 * answer the same in each: they read the council's zone from settings, never the process's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, councilDate, daysBetween, isTimeZone, toCouncilDate, weekday } from "~/lib/council-time";
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from "~/lib/settings";
import { addWorkingDays, workingDaysBetween } from "~/lib/working-days";
import { noticePeriod } from "~/notifications/notice-rules";
import { collectiveConsultationClock } from "~/proposals/employment";
import { buildNotificationRecord } from "~/notifications/record";
import { checkTransition, type Actor, type TransitionContext } from "~/proposals/lifecycle";
import { acceptingResponses } from "~/responses/rules";
import { buildProposalView } from "~/components/proposal-view-model";
import { completeProposal } from "../fixtures/proposals";

const LONDON = "Europe/London";
const holidays = new Set(["2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28", "2028-01-03"]);
const system: Actor = { kind: "system" };
const ctx = (now: string, settings: Settings = DEFAULT_SETTINGS): TransitionContext => ({ settings, now: new Date(now), bankHolidays: holidays });

for (const processZone of ["UTC", "America/Los_Angeles", "Asia/Kolkata"]) {
  describe(`with the server's clock in ${processZone}`, () => {
    const before = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = processZone;
    });
    afterAll(() => {
      process.env.TZ = before;
    });

    it("the process really runs in that zone (so the cases below are not vacuous)", () => {
      const offset = new Date("2027-07-01T12:00:00Z").getTimezoneOffset();
      expect(offset).toBe({ UTC: 0, "America/Los_Angeles": 420, "Asia/Kolkata": -330 }[processZone]);
    });

    describe("the council's date of an instant", () => {
      it("in summer, midnight in London is 23:00 UTC the evening before", () => {
        expect(councilDate(new Date("2027-06-30T22:59:59Z"), LONDON)).toBe("2027-06-30");
        expect(councilDate(new Date("2027-06-30T23:00:00Z"), LONDON)).toBe("2027-07-01");
        expect(councilDate("2027-06-30T23:30:00.000Z", LONDON)).toBe("2027-07-01");
      });
      it("in winter, midnight in London is midnight UTC", () => {
        expect(councilDate(new Date("2027-01-29T23:59:59Z"), LONDON)).toBe("2027-01-29");
        expect(councilDate(new Date("2027-01-30T00:00:00Z"), LONDON)).toBe("2027-01-30");
      });
      it("across the clock changes (28 March and 31 October 2027)", () => {
        expect(councilDate(new Date("2027-03-28T00:30:00Z"), LONDON)).toBe("2027-03-28");
        expect(councilDate(new Date("2027-03-28T23:00:00Z"), LONDON)).toBe("2027-03-29");
        expect(councilDate(new Date("2027-10-30T23:00:00Z"), LONDON)).toBe("2027-10-31");
        expect(councilDate(new Date("2027-10-31T23:30:00Z"), LONDON)).toBe("2027-10-31");
      });
      it("calendar dates are kept as written; timestamps become the date they fell on", () => {
        expect(toCouncilDate("2027-07-01", LONDON)).toBe("2027-07-01");
        expect(toCouncilDate("2027-06-30T23:30:00Z", LONDON)).toBe("2027-07-01");
        expect(() => councilDate("not a date", LONDON)).toThrow(RangeError);
      });
      it("calendar arithmetic does not drift over the clock changes", () => {
        expect(addDays("2027-03-27", 1)).toBe("2027-03-28");
        expect(addDays("2027-03-27", 2)).toBe("2027-03-29");
        expect(addDays("2027-10-30", 2)).toBe("2027-11-01");
        expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
        expect(daysBetween("2027-03-27", "2027-04-03")).toBe(7);
        expect(daysBetween("2027-11-01", "2027-10-30")).toBe(-2);
        expect(weekday("2027-03-28")).toBe(0);
        expect(weekday("2027-07-03")).toBe(6);
        expect(() => addDays("28/03/2027", 1)).toThrow(RangeError);
      });
      it("the setting accepts IANA zones only", () => {
        expect(isTimeZone("Europe/London")).toBe(true);
        expect(isTimeZone("UTC")).toBe(true);
        expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
        expect(isTimeZone("GMT+1")).toBe(false);
        expect(mergeSettings({}).council.timeZone).toBe(LONDON);
        expect(() => mergeSettings({ council: { ...DEFAULT_SETTINGS.council, timeZone: "Nowhere/Else" } })).toThrow();
      });
    });

    describe("comments and answers stop at the end of the closing date, London time", () => {
      it("summer: taken at 23:59 BST on the closing date, refused at 00:30 BST the next day", () => {
        const p = { state: "open" as const, closesOn: "2027-06-30" };
        expect(acceptingResponses(p, new Date("2027-06-30T22:59:00Z"), LONDON)).toBe(true);
        expect(acceptingResponses(p, new Date("2027-06-30T23:30:00Z"), LONDON)).toBe(false);
      });
      it("winter: taken at 23:59 GMT on the closing date, refused at 00:30 GMT the next day", () => {
        const p = { state: "open" as const, closesOn: "2027-01-29" };
        expect(acceptingResponses(p, new Date("2027-01-29T23:59:00Z"), LONDON)).toBe(true);
        expect(acceptingResponses(p, new Date("2027-01-30T00:30:00Z"), LONDON)).toBe(false);
      });
    });

    describe("the lifecycle's dates", () => {
      const scheduled = (opensOn: string) => completeProposal({ state: "scheduled", staffGroups: [], unions: [], opensOn, closesOn: addDays(opensOn, 84) });
      const open = (closesOn: string) => completeProposal({ state: "open", closesOn });

      it("summer: opens from 00:00 BST on the opening date (23:00 UTC the day before), not at 23:59 BST the day before", () => {
        expect(checkTransition("open", scheduled("2027-07-01"), system, ctx("2027-06-30T22:59:00Z"))).toMatchObject({ ok: false, status: 409 });
        expect(checkTransition("open", scheduled("2027-07-01"), system, ctx("2027-06-30T23:00:00Z"))).toEqual({ ok: true, to: "open" });
      });
      it("winter: opens from 00:00 GMT on the opening date", () => {
        expect(checkTransition("open", scheduled("2027-02-01"), system, ctx("2027-01-31T23:59:00Z"))).toMatchObject({ ok: false, status: 409 });
        expect(checkTransition("open", scheduled("2027-02-01"), system, ctx("2027-02-01T00:00:00Z"))).toEqual({ ok: true, to: "open" });
      });
      it("summer: closes from 00:00 BST after the closing date, not before", () => {
        expect(checkTransition("close", open("2027-06-30"), system, ctx("2027-06-30T22:59:00Z"))).toMatchObject({ ok: false, status: 409 });
        expect(checkTransition("close", open("2027-06-30"), system, ctx("2027-06-30T23:30:00Z"))).toEqual({ ok: true, to: "closed" });
      });
      it("winter: closes from 00:00 GMT after the closing date", () => {
        expect(checkTransition("close", open("2027-01-29"), system, ctx("2027-01-29T23:59:00Z"))).toMatchObject({ ok: false, status: 409 });
        expect(checkTransition("close", open("2027-01-29"), system, ctx("2027-01-30T00:00:00Z"))).toEqual({ ok: true, to: "closed" });
      });
      it("a council in another zone closes at its own midnight", () => {
        const kolkata = { ...DEFAULT_SETTINGS, council: { ...DEFAULT_SETTINGS.council, timeZone: "Asia/Kolkata" } };
        // 18:30 UTC is midnight in Kolkata.
        expect(checkTransition("close", open("2027-06-30"), system, ctx("2027-06-30T18:29:00Z", kolkata))).toMatchObject({ ok: false, status: 409 });
        expect(checkTransition("close", open("2027-06-30"), system, ctx("2027-06-30T18:30:00Z", kolkata))).toEqual({ ok: true, to: "closed" });
      });
      it("union notice: the working days count on London's calendar, whatever the hour of sending", () => {
        // Sent at 23:30 BST on Friday 2 July 2027 (22:30 UTC): still Friday in London, so Monday
        // 5 July is the first working day and Friday 16 July the tenth.
        const sentLateFriday = completeProposal({ state: "union_notice", noticeSentAt: "2027-07-02T22:30:00.000Z", opensOn: "2027-07-16", closesOn: "2027-10-08" });
        expect(checkTransition("open", sentLateFriday, system, ctx("2027-07-15T23:00:00Z"))).toEqual({ ok: true, to: "open" });
        expect(checkTransition("open", sentLateFriday, system, ctx("2027-07-15T22:59:00Z"))).toMatchObject({ ok: false, status: 409 });
        // Sent at 00:30 BST on Friday 2 July (23:30 UTC on Thursday): Friday in London, so it is
        // day 0 and the tenth working day is Friday 16 July; a UTC calendar would have dated it
        // Thursday and let it open a day early, on the 15th.
        const sentEarlyFriday = completeProposal({ state: "union_notice", noticeSentAt: "2027-07-01T23:30:00.000Z", opensOn: "2027-07-15", closesOn: "2027-10-07" });
        expect(checkTransition("open", sentEarlyFriday, system, ctx("2027-07-14T23:00:00Z"))).toMatchObject({ ok: false, status: 409 });
        expect(checkTransition("open", sentEarlyFriday, system, ctx("2027-07-15T23:00:00Z"))).toEqual({ ok: true, to: "open" });
      });
    });

    describe("working days and the union notice clocks", () => {
      it("a notice sent late on a summer Friday evening counts from the next Monday", () => {
        const period = noticePeriod({ noticeSentAt: "2027-07-02T22:30:00.000Z", opensOn: "2027-07-16" }, DEFAULT_SETTINGS, new Date("2027-07-05T23:30:00Z"), holidays)!;
        expect(period.sentOn).toBe("2027-07-02");
        expect(period.earliestOpening).toBe("2027-07-16");
        // 00:30 BST on Tuesday 6 July: Monday and Tuesday have begun.
        expect(period.givenWorkingDays).toBe(2);
        expect(period.openingTooEarly).toBe(false);
      });
      it("a notice sent at 00:30 GMT is dated that day in winter", () => {
        const period = noticePeriod({ noticeSentAt: "2027-12-24T00:30:00.000Z", opensOn: null }, DEFAULT_SETTINGS, new Date("2027-12-24T12:00:00Z"), holidays)!;
        expect(period.sentOn).toBe("2027-12-24");
        // Christmas and New Year bank holidays (27, 28 December, 3 January) are skipped.
        expect(period.earliestOpening).toBe(addWorkingDays("2027-12-24", 10, holidays));
        expect(period.earliestOpening).toBe("2028-01-12");
        expect(period.givenWorkingDays).toBe(0);
      });
      it("the s.188 clock counts London days", () => {
        const clock = collectiveConsultationClock(completeProposal({ redundancyPosts: 25, noticeSentAt: "2027-06-30T23:30:00.000Z" }), DEFAULT_SETTINGS, new Date("2027-07-30T23:00:00Z"))!;
        expect(clock.startedOn).toBe("2027-07-01");
        expect(clock.elapsedDays).toBe(30);
        expect(clock.earliestDismissal).toBe("2027-07-31");
      });
      it("the public record's working days before opening use London dates for both ends", () => {
        const record = buildNotificationRecord(
          { noStaffAffected: false, noticeSentAt: "2027-07-01T23:30:00.000Z", openedAt: "2027-07-15T23:00:00.000Z", opensOn: "2027-07-16", unionNames: ["GMB"], repsNotified: 1, repsAcknowledged: 1, staffGroups: [] },
          holidays,
          LONDON,
        );
        // Friday 2 July (sent) to Friday 16 July (opened at 00:00 BST).
        expect(record.unions?.workingDaysBeforeOpening).toBe(workingDaysBetween("2027-07-02", "2027-07-16", holidays));
        expect(record.unions?.workingDaysBeforeOpening).toBe(10);
      });
    });

    describe("the outcome clock: due 12 weeks after closing, overdue from the council's next midnight", () => {
      const view = (now: string) =>
        buildProposalView(completeProposal({ state: "closed", closesOn: "2027-04-07" }), DEFAULT_SETTINGS, { render: () => "", documentHref: () => null, now: new Date(now) }).lifecycle;
      it("summer: not overdue at 23:59 BST on the due date; overdue at 00:00 BST the day after", () => {
        expect(view("2027-06-30T12:00:00Z").outcomeDueOn).toBe("2027-06-30");
        expect(view("2027-06-30T22:59:00Z").outcomeOverdue).toBe(false);
        expect(view("2027-06-30T23:00:00Z").outcomeOverdue).toBe(true);
      });
      it("winter: overdue from 00:00 GMT after the due date", () => {
        const winter = (now: string) =>
          buildProposalView(completeProposal({ state: "closed", closesOn: "2027-10-20" }), DEFAULT_SETTINGS, { render: () => "", documentHref: () => null, now: new Date(now) }).lifecycle;
        expect(winter("2027-12-01T12:00:00Z").outcomeDueOn).toBe("2028-01-12");
        expect(winter("2028-01-12T23:59:00Z").outcomeOverdue).toBe(false);
        expect(winter("2028-01-13T00:00:00Z").outcomeOverdue).toBe(true);
      });
    });
  });
}
