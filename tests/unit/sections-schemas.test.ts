/**
 * The section forms' schemas, shared by each page and its action: what "Continue" asks for,
 * what "Save and come back later" lets through, and how answers are read (numbers with commas,
 * dates from three boxes). Also where each unmet item of the gate links to.
 */
import { describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod/v4";
import { impactSchema } from "~/proposals/sections/impact";
import { isoDateFromParts, partsFromIsoDate } from "~/proposals/sections/fields";
import { fieldAnchor, nextPath, unmetHref } from "~/proposals/sections/pages";
import { planSchema } from "~/proposals/sections/plan";
import { publicChangeSchema } from "~/proposals/sections/public-change";
import { summarySchema } from "~/proposals/sections/summary";
import { optionSchema } from "~/proposals/sections/options";

/** The messages of a refused submission (none for an accepted one). */
function errorsOf(submission: { status?: string; error?: unknown } & object): Record<string, string[] | null> | undefined {
  return "error" in submission ? (submission.error as Record<string, string[] | null>) : undefined;
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("Continue and Save and come back later", () => {
  it("Continue asks for the answer; saving for later keeps a blank", () => {
    expect(parseWithZod(form({ summary: "" }), { schema: summarySchema("continue") }).status).toBe("error");
    const later = parseWithZod(form({ summary: "" }), { schema: summarySchema("save") });
    expect(later.status).toBe("success");
    expect(later.status === "success" && later.value).toEqual({ summary: null });
  });
});

describe("impact figures", () => {
  it("reads '540,000' and '£540,000' as 540000, and stores a saving as a negative change", () => {
    const r = parseWithZod(form({ postsAffected: "12", fteAffected: "11.4", serviceWorkforcePosts: "48", serviceUsersPerYear: "620", activityDescription: "Assessments", activityPerYear: "450", budgetDirection: "saving", budgetAmount: "£540,000" }), { schema: impactSchema("continue") });
    expect(r.status === "success" && r.value).toMatchObject({ postsAffected: 12, fteAffected: 11.4, budgetChangeGbp: -540000 });
  });

  it("takes 0 as an answer, and 'no difference' as a change of 0", () => {
    const r = parseWithZod(form({ postsAffected: "0", fteAffected: "0", serviceUsersPerYear: "0", activityDescription: "None", activityPerYear: "0", budgetDirection: "none" }), { schema: impactSchema("continue") });
    expect(r.status === "success" && r.value).toMatchObject({ postsAffected: 0, budgetChangeGbp: 0, serviceWorkforcePosts: null });
  });

  it("refuses figures that are not numbers, in words that say what to type", () => {
    const r = parseWithZod(form({ postsAffected: "about 12", fteAffected: "11.4.1" }), { schema: impactSchema("save") });
    expect(errorsOf(r)).toMatchObject({ postsAffected: ["Posts affected must be a whole number, like 12"], fteAffected: ["Full-time equivalent posts affected must be a number, like 11.4"] });
  });
});

describe("dates from three boxes", () => {
  it("reads a real date and refuses one that is not", () => {
    expect(isoDateFromParts({ day: "5", month: "1", year: "2027" })).toEqual({ iso: "2027-01-05" });
    expect(isoDateFromParts({ day: "29", month: "2", year: "2027" })).toEqual({ iso: null, error: "must be a real date" });
    expect(isoDateFromParts({ day: "5", year: "2027" })).toEqual({ iso: null, error: "must include a month" });
    expect(isoDateFromParts({ day: "", month: "", year: "" })).toEqual({ iso: null });
    expect(partsFromIsoDate("2027-01-05")).toEqual({ day: "5", month: "1", year: "2027" });
  });

  it("once open, the closing date can move later, never earlier", () => {
    const context = { today: "2026-11-25", isOpen: true, closesOn: "2027-03-01" };
    const earlier = parseWithZod(form({ "closesOn.day": "1", "closesOn.month": "2", "closesOn.year": "2027" }), { schema: planSchema("save", context) });
    expect(errorsOf(earlier)?.closesOn).toEqual(["The closing date cannot be earlier than it was when the consultation opened"]);
    const later = parseWithZod(form({ "closesOn.day": "15", "closesOn.month": "3", "closesOn.year": "2027" }), { schema: planSchema("save", context) });
    expect(later.status).toBe("success");
  });
});

describe("options", () => {
  it("a rejected option needs its reason, and there is only one proposed option", () => {
    const rejected = parseWithZod(form({ title: "Keep six posts", description: "Keep six posts", isProposed: "no" }), { schema: optionSchema({ otherProposed: null }) });
    expect(errorsOf(rejected)?.rejectedBecause).toEqual(["Explain why this option was rejected"]);
    const second = parseWithZod(form({ title: "Another", description: "Another plan", isProposed: "yes" }), { schema: optionSchema({ otherProposed: "Move social work tasks" }) });
    expect(errorsOf(second)?.isProposed?.[0]).toMatch(/already the proposed option/);
  });
});

describe("the change note once open", () => {
  const schema = publicChangeSchema({ closesOn: "2027-03-01" });
  it("needs a real note and an answer about materiality", () => {
    expect(errorsOf(parseWithZod(form({ changeNote: "tbc" }), { schema }))).toMatchObject({ changeNote: ["Explain what you changed and why, in at least 5 words"], material: ["Say whether this is a material change"] });
  });

  it("a material change asks about the closing date; extending needs a later date", () => {
    const note = "Corrected the number of assessments a year.";
    expect(errorsOf(parseWithZod(form({ changeNote: note, material: "yes" }), { schema }))?.extendClosing).toEqual(["Say whether to extend the closing date"]);
    expect(errorsOf(parseWithZod(form({ changeNote: note, material: "yes", extendClosing: "yes", "newClosesOn.day": "1", "newClosesOn.month": "3", "newClosesOn.year": "2027" }), { schema }))?.newClosesOn).toEqual([
      "The new closing date must be after the current closing date",
    ]);
    const ok = parseWithZod(form({ changeNote: note, material: "yes", extendClosing: "yes", "newClosesOn.day": "15", "newClosesOn.month": "3", "newClosesOn.year": "2027" }), { schema });
    expect(ok.status === "success" && ok.value).toEqual({ changeNote: note, material: true, newClosesOn: "2027-03-15" });
    const minor = parseWithZod(form({ changeNote: note, material: "no", extendClosing: "yes", "newClosesOn.day": "15", "newClosesOn.month": "3", "newClosesOn.year": "2027" }), { schema });
    expect(minor.status === "success" && minor.value.newClosesOn).toBeNull();
  });
});

describe("where an unmet item links to", () => {
  const u = (section: Parameters<typeof unmetHref>[1]["section"], field: string, code = "x") => unmetHref(7, { section, field, code, message: "" });
  it("a field on a section page, a field on a row's page, a date's first box", () => {
    expect(u("summary", "summary")).toBe("/staff/proposals/7/summary#summary");
    expect(u("impact", "budgetChangeGbp")).toBe("/staff/proposals/7/impact#budgetDirection");
    expect(u("plan", "opensOn")).toBe("/staff/proposals/7/plan#opensOn-day");
    expect(u("risks", "risks.12.likelihood")).toBe("/staff/proposals/7/risks/12#likelihood");
    expect(u("mitigations", "mitigations.3.dueOn")).toBe("/staff/proposals/7/mitigations/3#dueOn-day");
    expect(u("equality", "equality.age.evidence")).toBe("/staff/proposals/7/equality/age#evidence");
    expect(u("equality", "aimAdvanceEquality")).toBe("/staff/proposals/7/equality/aims#aimAdvanceEquality");
    expect(u("documents", "documents.4.withheldParts.9.reviewOn")).toBe("/staff/proposals/7/documents/4#withheld-9");
    expect(u("documents", "documents")).toBe("/staff/proposals/7/documents#file");
    expect(u("questions", "questions")).toBe("/staff/proposals/7/questions");
  });

  it("a high risk without a mitigation goes straight to adding one for it", () => {
    expect(u("risks", "risks.12", "risks.high_without_mitigation")).toBe("/staff/proposals/7/mitigations/new?risk=12");
  });

  it("Continue follows the gate's order and ends at check answers", () => {
    expect(nextPath(7, "summary")).toBe("/staff/proposals/7/details");
    expect(nextPath(7, "questions")).toBe("/staff/proposals/7/check");
    expect(fieldAnchor("closesOn")).toBe("closesOn-day");
  });
});
