/**
 * What changed between two versions, as the history page and the review page show it: only the
 * sections that changed, word by word, readable as the page reads; the public comparison never
 * sees what only staff may.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { diffProposals, sectionTexts } from "~/proposals/diff";
import { completeProposal } from "../fixtures/proposals";

const S = DEFAULT_SETTINGS;

describe("sectionTexts", () => {
  it("writes figures and dates as people read them", () => {
    const text = sectionTexts(completeProposal(), S);
    expect(text.impact).toContain("Staff posts affected: 12");
    expect(text.impact).toContain("a saving of £540,000 a year");
    expect(text.plan).toContain("Opens: 5 January 2026");
    expect(text.risks).toContain("R1: Waiting times");
    expect(text.risks).toContain("Likelihood 4, impact 4, score 16.");
    expect(text.mitigations).toContain("Addresses: R1, Age");
    expect(text.questions).toBe("1. How would this change affect you or your family?");
  });

  it("keeps staff-only facts out of the public text: no union or staff group names, no s.188 disclosure", () => {
    const p = completeProposal({ redundancyReasons: "The budget reduction in the s.188 letter" });
    const pub = JSON.stringify(sectionTexts(p, S));
    expect(pub).not.toContain("UNISON");
    expect(pub).not.toContain("s.188 letter");
    expect(sectionTexts(p, S).stakeholders).toBe("1 staff group and 1 recognised union affected.");
    const internal = sectionTexts(p, S, { internal: true }).stakeholders;
    expect(internal).toContain("Unions: UNISON");
    expect(internal).toContain("s.188 letter");
  });
});

describe("diffProposals", () => {
  it("is empty when nothing changed", () => {
    expect(diffProposals(completeProposal(), completeProposal(), S)).toEqual([]);
  });

  it("names only the sections that changed, with the words added and removed", () => {
    const before = completeProposal();
    const after = completeProposal({ activityPerYear: 540, events: "Drop-in sessions for families on 20 January and 10 February 2026 at the Civic Centre and online." });
    const changes = diffProposals(before, after, S);
    expect(changes.map((c) => c.section)).toEqual(["impact", "plan"]);
    const impact = changes[0];
    expect(impact.title).toBe("The change in numbers");
    expect(impact.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["450"]);
    expect(impact.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["540"]);
    expect(changes[1].parts.filter((p) => p.added).map((p) => p.value).join("")).toContain("and online");
  });

  it("shows a removed risk as removed words", () => {
    const before = completeProposal();
    const after = completeProposal();
    after.risks = after.risks.slice(0, 3);
    after.mitigations = after.mitigations.map((m) => ({ ...m, riskIds: m.riskIds.filter((r) => after.risks.some((x) => x.id === r)) }));
    const risks = diffProposals(before, after, S).find((c) => c.section === "risks")!;
    expect(risks.parts.filter((p) => p.removed).map((p) => p.value).join("")).toContain("Partner agencies lose a familiar contact");
  });

  it("shortens long unchanged stretches to the words around each change", () => {
    const before = completeProposal();
    const after = completeProposal({ summary: `${before.summary} A final sentence was added.` });
    const [summary] = diffProposals(before, after, S);
    const unchanged = summary.parts.find((p) => !p.added && !p.removed)!;
    expect(unchanged.value.startsWith(" … ")).toBe(true);
    expect(unchanged.value.length).toBeLessThan(before.summary!.length);
    expect(summary.parts.filter((p) => p.added).map((p) => p.value).join("")).toContain("A final sentence was added.");
  });
});
