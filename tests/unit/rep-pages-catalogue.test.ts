/**
 * The rep's notice words the statutory items from the catalogue (repPages), while the approver's
 * review and the officers' forms read them from proposals/employment.ts: the English must be
 * the same words, and every item the notice can show must have its key (notices.$slug.tsx finds
 * an item's key by its field: TUPE's fields start "transfer", the rest are s.188's).
 */
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/catalogues/en";
import { translator } from "~/i18n/i18n";
import type { Settings } from "~/lib/settings";
import { AGENCY_ITEMS, AGGREGATION_DAYS, S188_ITEMS, TRANSFER_LABELS, TUPE_ITEMS, describeTotal, type CollectiveConsultation } from "~/proposals/employment";

describe("the rep's notice and employment law say the same", () => {
  it("s.188 items, agency items and TUPE items have the statute's English under their field's key", () => {
    for (const item of S188_ITEMS) {
      expect(item.field.startsWith("transfer")).toBe(false);
      expect(en.repPages.s188.items[item.field]).toBe(item.label);
    }
    expect(en.repPages.s188.items.agencyCount).toBe(AGENCY_ITEMS.count.label);
    expect(en.repPages.s188.items.agencyParts).toBe(AGENCY_ITEMS.parts.label);
    expect(en.repPages.s188.items.agencyWork).toBe(AGENCY_ITEMS.work.label);
    for (const item of TUPE_ITEMS) {
      expect(item.field.startsWith("transfer")).toBe(true);
      expect(en.repPages.tupe.items[item.field]).toBe(item.label);
    }
  });

  it("each kind of transfer is worded as the officers' form words it, without its “Yes: ”", () => {
    const kinds = Object.entries(TRANSFER_LABELS).filter(([kind]) => kind !== "none");
    expect(Object.fromEntries(kinds.map(([kind, label]) => [kind, label.replace(/^Yes: /, "")]))).toEqual(en.repPages.tupe.kinds);
  });

  it("the number of posts proposed for redundancy is the sentence describeTotal writes, in each of its four forms", () => {
    const t = translator("en");
    const settings = { establishments: [{ key: "depot", label: "Northmoor Depot" }] } as unknown as Settings;
    for (const establishment of [null, "depot"]) {
      for (const [otherPosts, otherProposals] of [[0, 0], [12, 1], [30, 2]]) {
        const c: CollectiveConsultation = { posts: 20, otherPosts, otherProposals, total: 20 + otherPosts, establishment, applies: true, days: 30 };
        const key = otherPosts ? (establishment ? "totalAggregatedAt" : "totalAggregated") : establishment ? "totalAt" : "total";
        const worded = t(`repPages.s188.${key}`, { total: c.total, posts: c.posts, others: otherPosts, proposals: otherProposals, days: AGGREGATION_DAYS, place: establishment && "Northmoor Depot" });
        expect(worded).toBe(describeTotal(c, settings));
      }
    }
  });
});
