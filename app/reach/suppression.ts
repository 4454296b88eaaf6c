/**
 * Small numbers in a published table of counts, and the complementary cell that keeps them
 * hidden. Pure.
 *
 * A table is one question's counts (each answer, then "not known") with its total published. The
 * rule, for a threshold N (5):
 * 1. A total under N: nothing but "fewer than N".
 * 2. Every count under N, or a total of exactly (cells × (N − 1)): only the total. (With all
 *    counts small and that total, every count would be N − 1; withholding it whatever the counts
 *    are means a withheld table says nothing more than its total.)
 * 3. Otherwise each count under N, zero included, is shown as "fewer than N", so that a small
 *    number cannot be told from none. If any is, one count of N or more is hidden too ("not
 *    shown"): without it, a single hidden count would be the total less the others
 *    (differencing). It is chosen by position (the last answer that is not small, then "not
 *    known"), never by size, so that which cell is hidden says nothing about the counts: hiding
 *    the smallest would tell a reader it is no bigger than any count shown, and that can pin a
 *    small count down.
 *
 * Why one complementary cell is enough: a reader knows each "fewer than N" is 0 to N − 1, the
 * "not shown" one is N or more with no upper bound, and all add up to the total. Any small count
 * p > 0 could then also be 0 (the "not shown" cell holding the difference) or p, so it is never
 * one number. tests/unit/suppression.test.ts proves it by brute force: for every table of up to
 * five cells and totals up to 25, every other table the rule shows the same way is found, and no
 * small count other than zero is the same in all of them.
 *
 * Other ways to difference are closed elsewhere: the shares of each answer are of those who
 * answered, shown only when the "not known" count is shown (so they add nothing); and the counts
 * behind the tables change in steps of at least N forms (monitoring.server.ts), so comparing
 * today's table with yesterday's does not give one person's answers.
 */

export type Count = { key: string; count: number };

export type PublishedCell =
  | { key: string; shown: true; count: number }
  /** small: shown as "fewer than N" */
  | { key: string; shown: false; reason: "small" }
  /** complementary: hidden so that a small count cannot be worked out from the total */
  | { key: string; shown: false; reason: "complementary" };

export type PublishedTable =
  | { withheld: false; total: number; threshold: number; cells: PublishedCell[] }
  /** only the total; `total` is null when it is itself under the threshold ("fewer than N") */
  | { withheld: true; total: number | null; threshold: number; cells: null };

/**
 * The rule. `complementaryOrder` lists cell indexes in the order a complementary cell is looked
 * for; by default the last cell first (in a monitoring table, "not known" comes last and is
 * put at the end of the order by the caller).
 */
export function suppressSmallNumbers(cells: readonly Count[], threshold = 5, complementaryOrder?: readonly number[]): PublishedTable {
  const counts = cells.map((c) => {
    if (!Number.isInteger(c.count) || c.count < 0) throw new RangeError(`A count must be a whole number of 0 or more: ${c.key} is ${c.count}`);
    return c.count;
  });
  const total = counts.reduce((s, n) => s + n, 0);
  if (total < threshold) return { withheld: true, total: null, threshold, cells: null };
  const isSmall = (n: number) => n < threshold;
  if (counts.every(isSmall) || total === counts.length * (threshold - 1)) return { withheld: true, total, threshold, cells: null };

  const order = complementaryOrder ?? counts.map((_, i) => counts.length - 1 - i);
  const anySmall = counts.some(isSmall);
  const complementary = anySmall ? order.find((i) => !isSmall(counts[i])) : undefined;
  // Step 2 leaves at least one count of N or more; one outside the order given is still found.
  const hide = complementary ?? (anySmall ? counts.findIndex((n) => !isSmall(n)) : -1);
  return {
    withheld: false,
    total,
    threshold,
    cells: cells.map((c, i) =>
      isSmall(c.count) ? { key: c.key, shown: false, reason: "small" } : i === hide ? { key: c.key, shown: false, reason: "complementary" } : { key: c.key, shown: true, count: c.count },
    ),
  };
}

/**
 * The values a reader could still believe each hidden cell holds, from what is published: each
 * hidden cell's own range, and `rest`, the total less every count shown. With one sum and a range
 * per cell, every whole number between the two ends is possible. Used by the tests, and a check
 * anyone can run on a published table.
 */
export function possibleValues(hidden: readonly { lo: number; hi: number }[], rest: number): { lo: number; hi: number }[] {
  const sumLo = hidden.reduce((s, b) => s + b.lo, 0);
  const sumHi = hidden.reduce((s, b) => s + b.hi, 0);
  return hidden.map((b) => ({ lo: Math.max(b.lo, rest - (sumHi - b.hi)), hi: Math.min(b.hi, rest - (sumLo - b.lo)) }));
}
