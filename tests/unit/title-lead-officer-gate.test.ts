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

describe("what the officer is told, and where", () => {
  it("a title too general is an item of the summary section, on the title field, quoting the title", () => {
    expect(titleAndLeadOfficer({ title: "Library closures", leadOfficer: GOOD_LEAD })).toEqual([
      {
        section: "summary",
        code: "summary.title_too_general",
        field: "title",
        message: "Give the proposal a title that says what would change, in words residents use – 'Library closures' does not say what the proposal is about",
      },
    ]);
  });

  it("a lead officer who is a placeholder, or not both a person and a job, is an item on the lead officer field, quoted", () => {
    expect(titleAndLeadOfficer({ title: "Library opening hours", leadOfficer: "TBC" })).toEqual([
      { section: "summary", code: "summary.lead_officer_placeholder", field: "leadOfficer", message: "Name the lead officer and give their job title – 'TBC' is a placeholder" },
    ]);
    expect(titleAndLeadOfficer({ title: "Library opening hours", leadOfficer: "Sam Okafor" })).toEqual([
      {
        section: "summary",
        code: "summary.lead_officer_incomplete",
        field: "leadOfficer",
        message: "Give the lead officer's name and job title, for example 'Sam Okafor, Service Manager' – 'Sam Okafor' does not say both",
      },
    ]);
  });
});

describe("the title, further", () => {
  it("refuses a title of two words, however real, and one made only of words such as 'new', 'service' and 'review'", () => {
    expect(codes("Library closures")).toEqual(["summary.title_too_general"]);
    expect(codes("New service review proposal")).toEqual(["summary.title_too_general"]);
  });

  it("does not call a title in management words a placeholder: a short title is judged by what it names", () => {
    expect(codes("Modernising service delivery for better outcomes")).not.toContain("summary.title_placeholder");
  });
});

describe("the lead officer, further", () => {
  it.each(["Sam Okafor – Service Manager", "Sam Okafor - Service Manager", "Okafor, Service Manager"])("accepts %j: a name, a dash or a comma, a job title", (lead) => {
    expect(codes("Library opening hours", lead)).toEqual([]);
  });

  it.each(["Service Manager, Head of Service", "The, Service Manager"])("refuses %j: two job titles, or no name before the job", (lead) => {
    expect(codes("Library opening hours", lead)).toEqual(["summary.lead_officer_incomplete"]);
  });
});

describe("the lead officer, pointed to elsewhere", () => {
  it("refuses a pointer to another document as a placeholder", () => {
    expect(codes("Library opening hours", "See the staffing section")).toEqual(["summary.lead_officer_placeholder"]);
  });
});
