/** The rules for responses and comments, as the policy reads. */
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/lib/markdown.server";
import {
  ANONYMOUS_NAME,
  EDIT_WINDOW_MS,
  acceptingResponses,
  asksForStance,
  canDeleteComment,
  canEditComment,
  canReplyTo,
  commentFingerprint,
  displayName,
  normaliseText,
  parseId,
  parseTargetSegments,
  profileComplete,
  threadPath,
} from "~/responses/rules";
import { responsesSentence } from "~/responses/ResponseCounts";
import { describeTarget, itemThreads, targetWords } from "~/responses/targets";
import { translator } from "~/i18n/i18n";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { completeProposal, IDS } from "../fixtures/proposals";

describe("how a respondent is shown", () => {
  it("shows their name only if they chose to", () => {
    expect(displayName({ name: "Jo Bloggs", showName: true, respondingAs: "individual", organisationName: null })).toEqual({ name: "Jo Bloggs", capacity: null });
    expect(displayName({ name: "Jo Bloggs", showName: false, respondingAs: "individual", organisationName: null })).toEqual({ name: ANONYMOUS_NAME, capacity: null });
    expect(displayName({ name: "   ", showName: true, respondingAs: null, organisationName: null }).name).toBe("Resident");
  });

  it("says who they speak for: an organisation, or as a councillor", () => {
    expect(displayName({ name: "Jo", showName: true, respondingAs: "organisation", organisationName: "Northmoor Mind" })).toEqual({ name: "Jo", capacity: "for Northmoor Mind" });
    expect(displayName({ name: "Jo", showName: false, respondingAs: "councillor", organisationName: "ignored" })).toEqual({ name: "Resident", capacity: "councillor" });
  });

  it("asks for the privacy notice, then how they appear, before the first response", () => {
    expect(profileComplete({ privacyAcceptedAt: null, respondingAs: null })).toBe("privacy");
    expect(profileComplete({ privacyAcceptedAt: "2026-01-01T00:00:00Z", respondingAs: null })).toBe("about-you");
    expect(profileComplete({ privacyAcceptedAt: "2026-01-01T00:00:00Z", respondingAs: "individual" })).toBeNull();
  });
});

describe("when responses are taken: to the end of the closing date in the council's time zone", () => {
  const LONDON = "Europe/London";
  it("in summer (BST, UTC+1): until 23:59 London, which is 22:59 UTC; not at 00:30 BST the next day (23:30 UTC)", () => {
    const open = { state: "open" as const, closesOn: "2027-06-30" };
    expect(acceptingResponses(open, new Date("2027-06-30T11:00:00Z"), LONDON)).toBe(true);
    expect(acceptingResponses(open, new Date("2027-06-30T22:59:59Z"), LONDON)).toBe(true);
    expect(acceptingResponses(open, new Date("2027-06-30T23:00:00Z"), LONDON)).toBe(false);
    expect(acceptingResponses(open, new Date("2027-06-30T23:30:00Z"), LONDON)).toBe(false);
  });
  it("in winter (GMT): until 23:59 London, which is 23:59 UTC", () => {
    const open = { state: "open" as const, closesOn: "2027-01-29" };
    expect(acceptingResponses(open, new Date("2027-01-29T23:59:59Z"), LONDON)).toBe(true);
    expect(acceptingResponses(open, new Date("2027-01-30T00:00:00Z"), LONDON)).toBe(false);
  });
  it("the council's zone decides, not a default: the same instant in another zone is another day", () => {
    const open = { state: "open" as const, closesOn: "2027-06-30" };
    expect(acceptingResponses(open, new Date("2027-06-30T23:30:00Z"), "America/Los_Angeles")).toBe(true);
    expect(acceptingResponses(open, new Date("2027-06-30T19:00:00Z"), "Asia/Kolkata")).toBe(false);
  });
  it("with no closing date, an open consultation takes them", () => {
    expect(acceptingResponses({ state: "open", closesOn: null }, new Date("2027-06-30T23:30:00Z"), LONDON)).toBe(true);
  });
  it("never takes them unless open", () => {
    for (const state of ["draft", "in_review", "union_notice", "scheduled", "closed", "outcome_published", "decided", "withdrawn"] as const) {
      expect(acceptingResponses({ state, closesOn: "2099-01-01" }, new Date("2027-01-01T12:00:00Z"), LONDON)).toBe(false);
    }
  });
});

describe("threads", () => {
  it("go three levels deep", () => {
    expect(canReplyTo({ status: "visible", depth: 0 })).toEqual({ ok: true, depth: 1 });
    expect(canReplyTo({ status: "visible", depth: 1 })).toEqual({ ok: true, depth: 2 });
    expect(canReplyTo({ status: "visible", depth: 2 }).ok).toBe(false);
  });
  it("take no replies under a hidden, deleted or waiting comment", () => {
    for (const status of ["hidden", "deleted", "pending"] as const) expect(canReplyTo({ status, depth: 0 }).ok).toBe(false);
  });
  it("let the author edit for 15 minutes, and delete while the comment stands", () => {
    const createdAt = "2027-01-01T10:00:00.000Z";
    expect(canEditComment({ status: "visible", createdAt }, new Date(Date.parse(createdAt) + EDIT_WINDOW_MS - 1))).toBe(true);
    expect(canEditComment({ status: "visible", createdAt }, new Date(Date.parse(createdAt) + EDIT_WINDOW_MS))).toBe(false);
    expect(canEditComment({ status: "hidden", createdAt }, new Date(createdAt))).toBe(false);
    expect(canDeleteComment({ status: "pending" })).toBe(true);
    expect(canDeleteComment({ status: "hidden" })).toBe(false);
  });
  it("count the same words as the same comment, whatever the case and spacing", () => {
    expect(commentFingerprint("  Close the  GAP\r\nnow ")).toBe(commentFingerprint("close the gap now"));
    expect(commentFingerprint("close the gap")).not.toBe(commentFingerprint("close the gaps"));
  });
  it("store text without control characters, keeping every language and emoji", () => {
    expect(normaliseText("a\u0000b\u0007c\r\nd\u200b\u202e😀 ")).toBe("abc\nd\u200b\u202e😀");
  });
  it("have addresses for each row, and read nothing else as a row", () => {
    expect(threadPath("camhs", { type: "proposal", id: 1 })).toBe("/consultations/camhs/comments");
    expect(threadPath("camhs", { type: "equality_row", id: 9 })).toBe("/consultations/camhs/comments/equality/9");
    expect(parseTargetSegments("equality", "9")).toEqual({ type: "equality_row", id: 9 });
    expect(parseTargetSegments("equality_row", "9")).toBeNull();
    expect(parseTargetSegments("risk", "01")).toBeNull();
    expect(parseTargetSegments("risk", "1e3")).toBeNull();
    expect(parseId("12")).toBe(12);
    expect(parseId("-1")).toBeNull();
  });
});

describe("the rows people comment on", () => {
  const p = completeProposal({ state: "open" });
  it("are named as on the page", () => {
    expect(describeTarget(p, { type: "risk", id: IDS.risk.safeguarding }, DEFAULT_SETTINGS)).toMatchObject({ title: "Risk R2", anchor: "risk-R2" });
    expect(describeTarget(p, { type: "equality_row", id: IDS.row.disability }, DEFAULT_SETTINGS)).toMatchObject({ caption: "Equality impact", title: "Disability" });
    expect(describeTarget(p, { type: "mitigation", id: IDS.mitigation.training }, DEFAULT_SETTINGS)?.title).toBe("Mitigation M1");
  });
  it("must belong to the proposal", () => {
    expect(describeTarget(p, { type: "risk", id: 99999 }, DEFAULT_SETTINGS)).toBeNull();
    expect(describeTarget(p, { type: "proposal", id: p.id + 1 }, DEFAULT_SETTINGS)).toBeNull();
  });
  it("each carry their count of comments and a link", () => {
    const threads = itemThreads(p, { [`risk:${IDS.risk.waitingTimes}`]: 3 }, DEFAULT_SETTINGS);
    expect(threads.risks[0]).toEqual({ id: IDS.risk.waitingTimes, type: "risk", code: "R1", label: "Risk R1", count: 3, href: `/consultations/${p.slug}/comments/risk/${IDS.risk.waitingTimes}` });
    expect(threads.risks[1].count).toBe(0);
    expect(threads.equality.map((l) => l.label).slice(0, 2)).toEqual(["Age", "Disability"]);
  });
  it("are named in the page's language: a risk's or mitigation's number with the language's word, any other row by its own (English) name", () => {
    const risk = describeTarget(p, { type: "risk", id: IDS.risk.waitingTimes }, DEFAULT_SETTINGS)!;
    expect(targetWords("risk", risk, translator("en"))).toEqual({ caption: "Risk", title: "Risk R1", titleIsContent: false });
    expect(targetWords("risk", risk, translator("bn"))).toEqual({ caption: "ঝুঁকি", title: "ঝুঁকি R1", titleIsContent: false });
    const equality = describeTarget(p, { type: "equality_row", id: p.equalityRows[0].id }, DEFAULT_SETTINGS)!;
    const words = targetWords("equality_row", equality, translator("bn"));
    expect(words.titleIsContent).toBe(true);
    expect(words.title).toBe(equality.title);
    expect(words.caption).toMatch(/[\u0980-\u09FF]/);
  });
});

describe("questions", () => {
  it("offer the agree–disagree scale only when they ask for it", () => {
    expect(asksForStance("How much do you agree or disagree with the proposal to remove the 12 social work posts in CAMHS, and why?")).toBe(true);
    expect(asksForStance("Which children should be seen first if waiting times get longer?")).toBe(false);
    expect(asksForStance("Do you agree?")).toBe(false);
  });
});

describe("response counts", () => {
  const zero = { online: 0, paper: 0, phone: 0, event: 0, email: 0, total: 0 };
  it("add the offline channels to the online ones", () => {
    expect(responsesSentence(zero)).toBe("No responses yet.");
    expect(responsesSentence({ ...zero, online: 1, total: 1 })).toBe("1 response (1 online).");
    expect(responsesSentence({ ...zero, online: 1203, paper: 41, event: 6, total: 1250 })).toBe("1,250 responses: 1,203 online, 41 on paper, 6 at events.");
  });
});

describe("the comment Markdown subset", () => {
  it("drops an unsafe link without breaking the next one", () => {
    const html = renderMarkdown("[a](javascript:x) then [b](https://example.org) and [c](mailto:c@example.org)", "comment");
    expect(html).toBe('<p>a then <a href="https://example.org" rel="nofollow ugc">b</a> and <a href="mailto:c@example.org" rel="nofollow ugc">c</a></p>');
  });
  it("drops links whose scheme is hidden behind character references", () => {
    for (const href of ["jav&#x61;script:alert(1)", "&#106;avascript:alert(1)", "java&Tab;script:alert(1)", "&#x6A;&#x61;vascript:alert(1)"]) {
      expect(renderMarkdown(`[x](${href}) [y](https://example.org)`, "comment")).not.toMatch(/href="(?!https:)/);
    }
    // A reference to no character at all is harmless, and does not throw.
    expect(renderMarkdown("[x](&#99999999999;x)", "comment")).not.toMatch(/javascript/i);
  });
});

describe("times on comments", () => {
  it("read the 12-hour clock from 1 to 12 in UK time, never 0", async () => {
    const { formatWhen } = await import("~/responses/when");
    expect(formatWhen("2026-11-24T12:05:00Z")).toBe("24 November 2026 at 12:05pm");
    expect(formatWhen("2026-06-24T23:30:00Z")).toBe("25 June 2026 at 12:30am");
    expect(formatWhen("not a date")).toBe("");
  });
});
