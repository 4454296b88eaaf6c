/**
 * After closing, as policy: the 12-week outcome clock on its boundary days, the outcome
 * report's own gate (no theme without a response, no "changed" claim without a linked change,
 * no filler), and the two transitions (an approver who wrote none of it publishes; a decision
 * maker who confirmed reading decides, once).
 */
import { describe, expect, it } from "vitest";
import type { Viewer } from "~/auth/permissions";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { outcomeReadiness, outcomePartStatus, type OutcomeDraft } from "~/outcomes/gate";
import { outcomeClock, outcomeDueOn } from "~/outcomes/overdue";
import { cleanThemeName, isPublishableUrl, itemKey, parseItemKey, respondentKey, themeNameKey } from "~/outcomes/rules";
import { checkTransition, type Actor, type OutcomeFacts, type TransitionContext } from "~/proposals/lifecycle";
import { completeProposal } from "../fixtures/proposals";

describe("the outcome is due 12 weeks after closing", () => {
  const closed = { state: "closed" as const, closesOn: "2026-03-04" };
  // 2026-03-04 + 84 days = 2026-05-27
  it("is due on the day 12 weeks after the closing date", () => {
    expect(outcomeDueOn("2026-03-04")).toBe("2026-05-27");
    expect(outcomeDueOn(null)).toBeNull();
  });
  it("is not overdue on the due day itself, even late in the evening", () => {
    expect(outcomeClock(closed, new Date("2026-05-27T22:59:00Z"))).toEqual({ dueOn: "2026-05-27", overdue: false, daysOverdue: 0 });
  });
  it("is overdue by 1 day from the first minute of the next day in London (British Summer Time)", () => {
    // 23:30 UTC on 27 May is 00:30 on 28 May in London.
    expect(outcomeClock(closed, new Date("2026-05-27T23:30:00Z"))).toEqual({ dueOn: "2026-05-27", overdue: true, daysOverdue: 1 });
  });
  it("counts the days overdue", () => {
    expect(outcomeClock(closed, new Date("2026-06-12T12:00:00Z")).daysOverdue).toBe(16);
  });
  it("is never overdue once the outcome is published, or before closing", () => {
    const late = new Date("2026-09-01T12:00:00Z");
    expect(outcomeClock({ ...closed, state: "outcome_published" }, late).overdue).toBe(false);
    expect(outcomeClock({ ...closed, state: "decided" }, late).overdue).toBe(false);
    expect(outcomeClock({ ...closed, state: "open" }, late).overdue).toBe(false);
  });
  it("reads the day in the council's time zone in winter too (GMT: 23:30 UTC is still the due day)", () => {
    const winter = { state: "closed" as const, closesOn: "2026-10-08" }; // due 2026-12-31
    expect(outcomeClock(winter, new Date("2026-12-31T23:30:00Z")).overdue).toBe(false);
    expect(outcomeClock(winter, new Date("2027-01-01T00:00:00Z")).daysOverdue).toBe(1);
  });
  it("counts in the council's time zone, not the server's", () => {
    // 23:30 UTC on the due day: already the next day in London, still the due day in New York.
    expect(outcomeClock(closed, new Date("2026-05-27T23:30:00Z"), "Europe/London").daysOverdue).toBe(1);
    expect(outcomeClock(closed, new Date("2026-05-27T23:30:00Z"), "America/New_York").overdue).toBe(false);
  });
});

function draft(overrides: Partial<OutcomeDraft> = {}): OutcomeDraft {
  return {
    responseSummary: "We received 412 responses: 380 online, 24 on paper, 6 by phone and 2 at drop-in events, mostly from library members in the nine branch areas.",
    equalitySummary: "Carers told us the new staffed hours would not fit around caring, so we re-rated the impact on carers.",
    whatHappensNext: "Cabinet will decide on 12 March. If it agrees, the new hours start in July after staff consultation.",
    themes: [
      {
        id: 1,
        name: "Saturday afternoons",
        councilResponse: "We heard that Saturday afternoons matter most to working families, so Millbrook now keeps staffed Saturday afternoons.",
        changed: true,
        changeDescription: "Millbrook Library is staffed on Saturday afternoons.",
        versionId: 7,
        codedItems: 4,
      },
    ],
    equality: [],
    linkableVersionIds: [7],
    totalResponses: 412,
    ...overrides,
  };
}

describe("the outcome report's gate", () => {
  it("a complete report has nothing unmet", () => {
    expect(outcomeReadiness(draft(), 8)).toEqual([]);
  });
  it("refuses a theme without the council's response, or with filler for one", () => {
    const t = draft().themes[0];
    expect(outcomeReadiness(draft({ themes: [{ ...t, councilResponse: null }] }), 8).map((u) => u.code)).toContain("theme.response_missing");
    for (const filler of ["TBC", "N/A", "See business case", "noted noted noted noted noted noted noted noted noted noted", "Thank you for your comments."]) {
      expect(outcomeReadiness(draft({ themes: [{ ...t, councilResponse: filler }] }), 8).map((u) => u.code)).toContain("theme.response_filler");
    }
  });
  it("refuses a 'changed' claim without a linked public version", () => {
    const t = draft().themes[0];
    expect(outcomeReadiness(draft({ themes: [{ ...t, versionId: null }] }), 8).map((u) => u.code)).toContain("theme.change_unlinked");
    // a version that is not one of the consultation's public edits does not count
    expect(outcomeReadiness(draft({ themes: [{ ...t, versionId: 99 }] }), 8).map((u) => u.code)).toContain("theme.change_unlinked");
    expect(outcomeReadiness(draft({ themes: [{ ...t, changed: false, versionId: null, changeDescription: null }] }), 8)).toEqual([]);
  });
  it("asks whether the proposal changed, and refuses an empty theme", () => {
    const t = draft().themes[0];
    const codes = outcomeReadiness(draft({ themes: [{ ...t, changed: null, codedItems: 0 }] }), 8).map((u) => u.code);
    expect(codes).toEqual(expect.arrayContaining(["theme.changed_missing", "theme.empty"]));
  });
  it("needs themes when people responded, and real words for the summary, the equality revisit and what happens next", () => {
    const codes = outcomeReadiness(draft({ themes: [], responseSummary: "TBC", equalitySummary: null, whatHappensNext: "to follow" }), 8).map((u) => u.code);
    expect(codes).toEqual(expect.arrayContaining(["themes.none", "summary.filler", "equality.summary_missing", "next.filler"]));
    expect(outcomeReadiness(draft({ themes: [], totalResponses: 0 }), 8).map((u) => u.code)).not.toContain("themes.none");
  });
  it("holds re-rated equality rows to the assessment's rules", () => {
    const row = { characteristic: "carers", label: "Carers", rating: "negative" as const, evidence: "Carers said the staffed hours fall when they are caring", justification: null, evidenceAction: null, mitigated: false };
    expect(outcomeReadiness(draft({ equality: [row] }), 8).map((u) => u.code)).toEqual(["equality.row_justification"]);
    expect(outcomeReadiness(draft({ equality: [{ ...row, mitigated: true }] }), 8)).toEqual([]);
    expect(outcomeReadiness(draft({ equality: [{ ...row, rating: "unknown", evidence: "TBC" }] }), 8).map((u) => u.code)).toEqual(["equality.row_evidence", "equality.row_action"]);
  });
  it("gives each part a task-list status", () => {
    const d = draft({ whatHappensNext: null });
    const unmet = outcomeReadiness(d, 8);
    expect(outcomePartStatus(d, "summary", unmet)).toBe("completed");
    expect(outcomePartStatus(d, "next", unmet)).toBe("not_started");
  });
  it("words are counted, not characters", () => {
    expect(outcomeReadiness(draft({ whatHappensNext: "Cabinet will decide in March and the new hours would start in July." }), 8)).toEqual([]);
    expect(outcomeReadiness(draft({ whatHappensNext: "Implementation contingent upon authorisation notwithstanding considerations." }), 8).map((u) => u.code)).toEqual(["next.filler"]);
  });
  it("refuses one response pasted over another theme's (the publication gate's copy rule)", () => {
    const t = draft().themes[0];
    const other = { ...t, id: 2, name: "Unstaffed opening", changed: false, versionId: null, changeDescription: null };
    expect(outcomeReadiness(draft({ themes: [t, { ...other, councilResponse: "People told us unstaffed opening worried them, so two libraries try it first and we review safety." }] }), 8)).toEqual([]);
    const copied = outcomeReadiness(draft({ themes: [t, { ...other, councilResponse: t.councilResponse }] }), 8);
    expect(copied.map((u) => [u.code, u.themeId])).toEqual([["theme.response_copied", 2]]);
    expect(copied[0].message).toContain("Saturday afternoons");
  });
  it("says why a response is filler, in the publication gate's words", () => {
    const t = draft().themes[0];
    const [u] = outcomeReadiness(draft({ themes: [{ ...t, councilResponse: "Response to follow once the review is complete" }] }), 8);
    expect(u.code).toBe("theme.response_filler");
    expect(u.message).toMatch(/promises the information instead of giving it/);
  });
});

describe("themes and coded items", () => {
  it("names compare without case or spacing", () => {
    expect(cleanThemeName("  Saturday\n  opening ")).toBe("Saturday opening");
    expect(themeNameKey("Saturday  OPENING")).toBe(themeNameKey("saturday opening"));
  });
  it("item keys go both ways, and nothing else parses", () => {
    expect(parseItemKey(itemKey({ kind: "answer", responseId: 12, questionId: 3 }))).toEqual({ kind: "answer", responseId: 12, questionId: 3 });
    expect(parseItemKey("comment:44")).toEqual({ kind: "comment", commentId: 44 });
    for (const bad of ["answer:1", "comment:0", "comment:1;DROP", "answer:-1:2", "", null, 12]) expect(parseItemKey(bad)).toBeNull();
  });
  it("a resident is one respondent across their answers and comments; each offline response is its own", () => {
    expect(respondentKey({ respondentId: 5, responseId: 9 })).toBe("r:5");
    expect(respondentKey({ respondentId: 5 })).toBe("r:5");
    expect(respondentKey({ respondentId: null, responseId: 9 })).toBe("o:9");
  });
  it("a decision notice link is http or https only", () => {
    expect(isPublishableUrl("https://democracy.northmoor.gov.uk/mgIssueHistoryHome.aspx?IId=123")).toBe(true);
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://x.example", "https://user:pw@x.example", "not a url"]) expect(isPublishableUrl(bad)).toBe(false);
  });
});

const person = (roles: NonNullable<Viewer>["roles"], id: number, serviceId: number | null = 1): Actor => ({
  kind: "person",
  viewer: { id, name: `Person ${id}`, email: `p${id}@example.gov.uk`, roles, serviceId, unionIds: [] },
});
const ctx = (overrides: Partial<TransitionContext> = {}): TransitionContext => ({ settings: DEFAULT_SETTINGS, now: new Date("2026-11-25T10:00:00Z"), bankHolidays: new Set(), ...overrides });
const approver = person(["approver"], 2, null);
const approvingOfficer = person(["approver", "officer"], 3, 1);
const decisionMaker = person(["decision_maker"], 4, null);
const submitted = (overrides: Partial<OutcomeFacts> = {}): OutcomeFacts => ({ status: "submitted", unmet: [], contributorIds: [3], ...overrides });

describe("publish the outcome", () => {
  const closed = () => completeProposal({ state: "closed" });
  it("an approver who wrote none of it publishes a report sent for sign-off", () => {
    expect(checkTransition("publish_outcome", closed(), approver, ctx({ outcome: submitted() }))).toEqual({ ok: true, to: "outcome_published" });
  });
  it("refuses its drafter's own approval", () => {
    expect(checkTransition("publish_outcome", closed(), approvingOfficer, ctx({ outcome: submitted() }))).toMatchObject({ ok: false, status: 403, message: expect.stringMatching(/another approver/) });
  });
  it("refuses officers and decision makers", () => {
    expect(checkTransition("publish_outcome", closed(), person(["officer"], 5), ctx({ outcome: submitted() }))).toMatchObject({ ok: false, status: 403 });
    expect(checkTransition("publish_outcome", closed(), decisionMaker, ctx({ outcome: submitted() }))).toMatchObject({ ok: false, status: 403 });
  });
  it("refuses a report that was not sent for sign-off, or that fails its gate", () => {
    expect(checkTransition("publish_outcome", closed(), approver, ctx({ outcome: submitted({ status: "draft" }) }))).toMatchObject({ ok: false, status: 409 });
    expect(checkTransition("publish_outcome", closed(), approver, ctx({ outcome: null }))).toMatchObject({ ok: false, status: 409 });
    const result = checkTransition("publish_outcome", closed(), approver, ctx({ outcome: submitted({ unmet: [{ part: "next", code: "next.missing", message: "Say what happens next" }] }) }));
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (!result.ok) expect(result.outcomeUnmet?.map((u) => u.code)).toEqual(["next.missing"]);
  });
  it("only after closing, and only once", () => {
    for (const state of ["open", "union_notice", "draft", "withdrawn"] as const)
      expect(checkTransition("publish_outcome", completeProposal({ state }), approver, ctx({ outcome: submitted() }))).toMatchObject({ ok: false, status: 409 });
    expect(checkTransition("publish_outcome", completeProposal({ state: "outcome_published" }), approver, ctx({ outcome: submitted() }))).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/already/) });
  });
});

describe("record the decision", () => {
  const published = () => completeProposal({ state: "outcome_published" });
  const read = ctx({ readingConfirmedAt: "2026-11-20T09:00:00.000Z" });
  it("a decision maker who confirmed reading the outcome records it", () => {
    expect(checkTransition("decide", published(), decisionMaker, read)).toEqual({ ok: true, to: "decided" });
  });
  it("refuses before the outcome is published", () => {
    expect(checkTransition("decide", completeProposal({ state: "closed" }), decisionMaker, read)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/outcome report has been published/) });
  });
  it("refuses a decision maker who has not confirmed reading", () => {
    expect(checkTransition("decide", published(), decisionMaker, ctx())).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/Confirm that you have read/) });
  });
  it("refuses a second decision", () => {
    expect(checkTransition("decide", completeProposal({ state: "decided" }), decisionMaker, read)).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/already been recorded/) });
  });
  it("refuses anyone but a decision maker", () => {
    expect(checkTransition("decide", published(), approver, read)).toMatchObject({ ok: false, status: 403 });
    expect(checkTransition("decide", published(), { kind: "system" }, read)).toMatchObject({ ok: false, status: 403 });
  });
  it("a decided proposal can no longer be withdrawn", () => {
    expect(checkTransition("withdraw", completeProposal({ state: "decided" }), approver, ctx({ reason: "The council has changed its budget plans" }))).toMatchObject({ ok: false, status: 409 });
  });
});
