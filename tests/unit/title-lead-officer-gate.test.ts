/**
 * The gate on the title and the lead officer: a placeholder title ("TBC") would become the
 * consultation's name and public address and go to the unions; a lead officer must be a person
 * with a job title. Judged with the same text-quality rules as every other field.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { readiness, titleAndLeadOfficer } from "~/proposals/readiness";
import { unmetHref } from "~/proposals/sections/pages";
import { completeProposal } from "../fixtures/proposals";

const GOOD_LEAD = "Sam Okafor, Service Manager, Children and Young People's Mental Health Services";
const codes = (title: string, leadOfficer = GOOD_LEAD) => titleAndLeadOfficer({ title, leadOfficer }).map((u) => u.code);

describe("the title", () => {
  it.each(["TBC", "tbc", "N/A", "To be confirmed", "xxx", "Lorem ipsum", "Title to follow", "See attached", "asdf qwer zxcv"])("refuses the placeholder %j", (title) => {
    expect(codes(title)).toEqual(["summary.title_placeholder"]);
  });

  it.each(["New proposal", "Draft", "Untitled consultation", "Service review", "Libraries", "Council change"])("refuses %j, which does not say what would change", (title) => {
    expect(codes(title)).toEqual(["summary.title_too_general"]);
  });

  it.each([
    "Changes to garden waste collections in winter",
    "Library opening hours",
    "A ten-year partnership with an external company to run the council's ICT services",
    "Changes to social work in Children and Young People's Mental Health Services (CAMHS)",
    "Reopening a closed park",
  ])("accepts %j", (title) => {
    expect(codes(title)).toEqual([]);
  });

  it("quotes the placeholder back and links to its field on the title page", () => {
    const [item] = titleAndLeadOfficer({ title: "TBC", leadOfficer: GOOD_LEAD });
    expect(item.message).toBe("Give the proposal a title that says what would change – 'TBC' is a placeholder");
    expect(unmetHref(7, item)).toBe("/staff/proposals/7/summary/title#title");
  });
});

describe("the lead officer", () => {
  it.each(["TBC", "N/A", "To be confirmed", "Lead officer to follow", "-"])("refuses the placeholder %j", (lead) => {
    expect(codes("Library opening hours", lead)).toEqual(["summary.lead_officer_placeholder"]);
  });

  it.each(["Sam Okafor", "Head of Service", "Head of Service, Libraries", "Sam Okafor, Sam"])("refuses %j, which is not both a name and a job title", (lead) => {
    expect(codes("Library opening hours", lead)).toEqual(["summary.lead_officer_incomplete"]);
  });

  it.each(["Gemma Lowe, Parks and Open Spaces Manager", "David Mensah, Head of Waste and Recycling", "Priya Shah, Head of CAMHS", "Bethan Lloyd, Youth Service Manager", "Sam Okafor (Service Manager)"])("accepts %j", (lead) => {
    expect(codes("Library opening hours", lead)).toEqual([]);
  });

  it("links to its field", () => {
    const [item] = titleAndLeadOfficer({ title: "Library opening hours", leadOfficer: "TBC" });
    expect(unmetHref(7, item)).toBe("/staff/proposals/7/summary/title#leadOfficer");
  });
});

describe("in the gate", () => {
  it("a complete proposal titled 'TBC' cannot be submitted; the same proposal with a real title can", () => {
    expect(readiness(completeProposal(), DEFAULT_SETTINGS)).toEqual([]);
    const unmet = readiness(completeProposal({ title: "TBC", leadOfficer: "TBC" }), DEFAULT_SETTINGS);
    expect(unmet.map((u) => [u.section, u.code])).toEqual([
      ["summary", "summary.title_placeholder"],
      ["summary", "summary.lead_officer_placeholder"],
    ]);
  });
});
