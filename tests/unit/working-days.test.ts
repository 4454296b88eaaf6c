import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "~/lib/working-days";

const holidays = new Set(["2026-12-25", "2026-12-28", "2027-01-01"]);

describe("working days in England and Wales", () => {
  it("weekends are not working days", () => {
    expect(isWorkingDay("2026-11-28", holidays)).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-30", holidays)).toBe(true); // Monday
  });

  it("bank holidays are not working days, including the substitute day for Boxing Day 2026", () => {
    expect(isWorkingDay("2026-12-25", holidays)).toBe(false);
    expect(isWorkingDay("2026-12-28", holidays)).toBe(false);
  });

  it("counts a plain week as five working days", () => {
    expect(workingDaysBetween("2026-11-23", "2026-11-30", holidays)).toBe(5);
  });

  it("skips Christmas, the substitute day and New Year's Day", () => {
    // Mon 21 Dec 2026 → Mon 4 Jan 2027: 22, 23, 24, 29, 30, 31 Dec and 4 Jan = 7
    expect(workingDaysBetween("2026-12-21", "2027-01-04", holidays)).toBe(7);
  });

  it("ten working days' notice from a Friday before Christmas ends after the holidays", () => {
    expect(addWorkingDays("2026-12-18", 10, holidays)).toBe("2027-01-06");
  });

  it("nothing is counted when the end is not after the start", () => {
    expect(workingDaysBetween("2026-12-01", "2026-12-01", holidays)).toBe(0);
    expect(workingDaysBetween("2026-12-02", "2026-12-01", holidays)).toBe(0);
  });
});

describe("working days with the council's bank-holiday list (content/bank-holidays.json)", () => {
  const fromFile = new Set<string>(JSON.parse(fs.readFileSync(path.resolve("content/bank-holidays.json"), "utf8"))["england-and-wales"]);

  it("the list has England and Wales's Easter and May holidays for 2027", () => {
    for (const day of ["2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30"]) expect(fromFile.has(day), day).toBe(true);
  });

  it("Easter takes two working days out of a notice period", () => {
    // Notice on Monday 22 March 2027: Good Friday and Easter Monday do not count.
    expect(addWorkingDays("2027-03-22", 10, fromFile)).toBe("2027-04-07");
    expect(workingDaysBetween("2027-03-22", "2027-04-05", fromFile)).toBe(8);
  });

  it("a notice sent on a Saturday starts counting on Monday", () => {
    expect(addWorkingDays("2026-11-28", 1, fromFile)).toBe("2026-11-30");
    expect(workingDaysBetween("2026-11-28", "2026-11-29", fromFile)).toBe(0);
  });

  it("a bank holiday falling on a weekend is not counted twice", () => {
    // 26 December 2026 is a Saturday; the substitute day is Monday 28 December.
    expect(workingDaysBetween("2026-12-24", "2026-12-31", fromFile)).toBe(3);
  });

  it("counting forward and back agree", () => {
    for (const start of ["2026-12-18", "2027-03-22", "2027-05-28", "2026-11-25"]) {
      for (const n of [1, 5, 10, 20]) expect(workingDaysBetween(start, addWorkingDays(start, n, fromFile), fromFile), `${start} + ${n}`).toBe(n);
    }
  });
});
