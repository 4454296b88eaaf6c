import { describe, expect, it } from "vitest";
import { REVIEW_CHECKLIST, checkChecklist, checklistFieldName, tickedIn } from "~/proposals/review-checklist";

const keys = REVIEW_CHECKLIST.map((i) => i.key);

describe("the approver's checklist", () => {
  it("asks about what the gate cannot judge: the figures, the risks, the equality evidence, among others", () => {
    expect(keys).toEqual(expect.arrayContaining(["figures", "risks", "equality"]));
    expect(new Set(keys).size).toBe(keys.length);
  });
  it("passes only with every item ticked, and says how many are left", () => {
    expect(checkChecklist(keys)).toEqual({ ok: true, confirmed: keys });
    expect(checkChecklist([])).toMatchObject({ ok: false, missing: keys, message: "Confirm each check before you approve the proposal" });
    expect(checkChecklist(keys.slice(1))).toMatchObject({ ok: false, missing: [keys[0]], message: "Confirm the check not yet ticked before you approve the proposal" });
    expect(checkChecklist(keys.slice(2))).toMatchObject({ ok: false, message: "Confirm the 2 checks not yet ticked before you approve the proposal" });
  });
  it("reads a tick only as its own checkbox sends it; anything else counts as unticked", () => {
    const form = new URLSearchParams([[checklistFieldName("figures"), "figures"], [checklistFieldName("risks"), "yes"], ["confirm", "equality"]]);
    expect(tickedIn(form)).toEqual(["figures"]);
  });
});
