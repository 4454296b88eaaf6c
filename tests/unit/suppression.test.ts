/**
 * The small-number rule for equality monitoring (app/reach/suppression.ts): counts under 5 are
 * "fewer than 5", and no hidden count can be worked out from the total and the others.
 */
import { describe, expect, it } from "vitest";
import { possibleValues, suppressSmallNumbers, type Count, type PublishedTable } from "~/reach/suppression";

const table = (...counts: number[]): Count[] => counts.map((count, i) => ({ key: `c${i}`, count }));
const shownAs = (t: PublishedTable) =>
  t.withheld ? (t.total == null ? `fewer than ${t.threshold}` : `withheld, total ${t.total}`) : t.cells.map((c) => (c.shown ? String(c.count) : c.reason === "small" ? `<${t.threshold}` : "hidden")).join(" ");

describe("small numbers", () => {
  it("shows every count when none is under 5", () => {
    expect(shownAs(suppressSmallNumbers(table(12, 5, 9)))).toBe("12 5 9");
  });

  it("shows a count under 5 as fewer than 5, zero included, and hides one other count with it", () => {
    const t = suppressSmallNumbers(table(20, 3, 11, 6));
    // The total is 40: with only the 3 hidden, 40 − 20 − 11 − 6 would give it away.
    expect(shownAs(t)).toBe("20 <5 11 hidden");
    expect(t.withheld ? null : t.total).toBe(40);
    expect(shownAs(suppressSmallNumbers(table(20, 0, 11, 6)))).toBe("20 <5 11 hidden");
  });

  it("hides the complementary count by position, never by size, so which one is hidden says nothing", () => {
    // The last count that is not small, whatever the sizes.
    expect(shownAs(suppressSmallNumbers(table(6, 30, 2)))).toBe("6 hidden <5");
    expect(shownAs(suppressSmallNumbers(table(30, 6, 2)))).toBe("30 hidden <5");
    // A caller's order: "not known" (the last cell) only as a last resort.
    expect(shownAs(suppressSmallNumbers(table(30, 6, 2, 9), 5, [2, 1, 0, 3]))).toBe("30 hidden <5 9");
    expect(shownAs(suppressSmallNumbers(table(3, 2, 1, 9), 5, [2, 1, 0, 3]))).toBe("<5 <5 <5 hidden");
  });

  it("withholds the whole table when the total is under 5, or when every count is", () => {
    expect(shownAs(suppressSmallNumbers(table(1, 2, 1)))).toBe("fewer than 5");
    expect(shownAs(suppressSmallNumbers(table(4, 3, 2)))).toBe("withheld, total 9");
  });

  it("withholds a table whose total is every cell at 4, whatever the counts, so withholding tells nothing", () => {
    // Three cells and 12 forms: had only all-small tables been withheld, this one would say "4, 4 and 4".
    expect(shownAs(suppressSmallNumbers(table(4, 4, 4)))).toBe("withheld, total 12");
    expect(shownAs(suppressSmallNumbers(table(10, 1, 1)))).toBe("withheld, total 12");
  });

  it("uses another threshold when the council sets one", () => {
    expect(shownAs(suppressSmallNumbers(table(12, 8, 30), 10))).toBe("12 <10 hidden");
  });

  it("refuses counts that are not whole numbers of 0 or more", () => {
    expect(() => suppressSmallNumbers(table(3, -1, 10))).toThrow(RangeError);
    expect(() => suppressSmallNumbers(table(3, 1.5, 10))).toThrow(RangeError);
  });
});

describe("what a reader can work out", () => {
  it("possibleValues: one hidden count beside the total is exact; two small ones of 4 in 8 are too", () => {
    expect(possibleValues([{ lo: 0, hi: 4 }], 3)).toEqual([{ lo: 3, hi: 3 }]);
    expect(possibleValues([{ lo: 0, hi: 4 }, { lo: 0, hi: 4 }], 8)).toEqual([{ lo: 4, hi: 4 }, { lo: 4, hi: 4 }]);
    // With a count of 5 or more hidden beside it, a small count could be anything from 0 up.
    expect(possibleValues([{ lo: 0, hi: 4 }, { lo: 5, hi: Infinity }], 8)[0]).toEqual({ lo: 0, hi: 3 });
  });

  /** Every table of `cells` counts adding up to `total`. */
  function* tables(cells: number, total: number): Generator<number[]> {
    if (cells === 1) {
      yield [total];
      return;
    }
    for (let first = 0; first <= total; first++) for (const rest of tables(cells - 1, total - first)) yield [first, ...rest];
  }

  it("brute force: no small count other than zero is one number among all the tables shown the same way", () => {
    const threshold = 5;
    let checked = 0;
    for (let cells = 2; cells <= 5; cells++) {
      for (let total = 0; total <= 25; total++) {
        // Group every possible table by how the rule shows it: a reader sees the group, not the table.
        const groups = new Map<string, number[][]>();
        for (const counts of tables(cells, total)) {
          const key = JSON.stringify(suppressSmallNumbers(table(...counts), threshold));
          const group = groups.get(key);
          if (group) group.push(counts);
          else groups.set(key, [counts]);
        }
        for (const [key, group] of groups) {
          for (let i = 0; i < cells; i++) {
            const values = new Set(group.map((counts) => counts[i]));
            for (const counts of group) {
              if (counts[i] > 0 && counts[i] < threshold) {
                checked++;
                if (values.size < 2) throw new Error(`${cells} cells, total ${total}: cell ${i} is always ${counts[i]} when shown as ${key}`);
              }
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100_000);
  });

  it("brute force: a hidden small count is never shown as a number, and shown counts are true", () => {
    for (const counts of tables(4, 22)) {
      const t = suppressSmallNumbers(table(...counts));
      if (t.withheld) continue;
      t.cells.forEach((c, i) => {
        if (c.shown) {
          expect(c.count).toBe(counts[i]);
          expect(c.count).toBeGreaterThanOrEqual(5);
        } else if (c.reason === "small") expect(counts[i]).toBeLessThan(5);
        else expect(counts[i]).toBeGreaterThanOrEqual(5);
      });
    }
  });
});
