import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "~/lib/working-days";
import { formatISO, parseISO } from "date-fns";

const holidays = new Set(["2026-12-25", "2026-12-28", "2027-01-01"]);
const iso = (d: Date) => formatISO(d, { representation: "date" });

describe("working days in England and Wales", () => {
  it("weekends are not working days", () => {
    expect(isWorkingDay(parseISO("2026-11-28"), holidays)).toBe(false); // Saturday
    expect(isWorkingDay(parseISO("2026-11-30"), holidays)).toBe(true); // Monday
  });

  it("bank holidays are not working days, including the substitute day for Boxing Day 2026", () => {
    expect(isWorkingDay(parseISO("2026-12-25"), holidays)).toBe(false);
    expect(isWorkingDay(parseISO("2026-12-28"), holidays)).toBe(false);
  });

  it("counts a plain week as five working days", () => {
    expect(workingDaysBetween("2026-11-23", "2026-11-30", holidays)).toBe(5);
  });

  it("skips Christmas, the substitute day and New Year's Day", () => {
    // Mon 21 Dec 2026 → Mon 4 Jan 2027: 22, 23, 24, 29, 30, 31 Dec and 4 Jan = 7
    expect(workingDaysBetween("2026-12-21", "2027-01-04", holidays)).toBe(7);
  });

  it("ten working days' notice from a Friday before Christmas ends after the holidays", () => {
    expect(iso(addWorkingDays("2026-12-18", 10, holidays))).toBe("2027-01-06");
  });

  it("nothing is counted when the end is not after the start", () => {
    expect(workingDaysBetween("2026-12-01", "2026-12-01", holidays)).toBe(0);
    expect(workingDaysBetween("2026-12-02", "2026-12-01", holidays)).toBe(0);
  });
});
