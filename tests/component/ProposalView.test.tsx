// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { EqualityGrid } from "~/components/EqualityGrid";
import { ImpactFigures, impactSentence, impactStatements } from "~/components/ImpactFigures";
import { buildProposalView, type BuildOptions } from "~/components/proposal-view-model";
import { ProposalView, stakeholderSentence } from "~/components/ProposalView";
import { RiskMatrix, RiskTable } from "~/components/RiskTable";
import { renderMarkdown } from "~/lib/markdown.server";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import type { Proposal } from "~/proposals/types";
import { IDS, completeProposal } from "../fixtures/proposals";

afterEach(cleanup);

const options: BuildOptions = {
  render: (markdown, opts) => renderMarkdown(markdown, "officer", opts),
  documentHref: (doc) => (doc.disclosure === "withheld" ? null : `/consultations/camhs-social-work-restructure/documents/${doc.id}`),
  now: new Date("2026-02-01T12:00:00Z"),
};

function openProposal(overrides: Partial<Proposal> = {}) {
  return completeProposal({ state: "open", openedAt: "2026-01-05T09:00:00.000Z", noticeSentAt: "2025-12-15T10:00:00.000Z", ...overrides });
}

function view(overrides: Partial<Proposal> = {}) {
  return buildProposalView(openProposal(overrides), DEFAULT_SETTINGS, options);
}

/** ProposalView uses Remix links, which need a router around them. */
function renderView(overrides: Partial<Proposal> = {}) {
  const router = createMemoryRouter([{ path: "*", element: <ProposalView proposal={view(overrides)} /> }]);
  return render(<RouterProvider router={router} />);
}

describe("buildProposalView", () => {
  it("keeps out what the public may not see", () => {
    const json = JSON.stringify(
      view({
        returnedReason: "Needs better figures",
        redundancyReasons: "Budget reduction (s.188 letter)",
        selectionMethod: "Selection matrix",
        approvedById: 7,
      }),
    );
    for (const hidden of ["createdById", "approvedById", "returnedReason", "Needs better figures", "redundancyReasons", "s.188 letter", "Selection matrix", "Priya Shah", "UNISON"]) {
      expect(json).not.toContain(hidden);
    }
  });

  it("is serialisable as it stands", () => {
    const v = view();
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it("numbers risks and mitigations and links them both ways", () => {
    const v = view();
    const waiting = v.risks.find((r) => r.id === IDS.risk.waitingTimes)!;
    expect(waiting).toMatchObject({ ref: "R1", score: 16, level: "high" });
    expect(waiting.mitigations).toEqual([{ ref: "M1", anchor: "mitigation-M1", text: "Mitigation M1" }]);
    const training = v.mitigations.find((m) => m.id === IDS.mitigation.training)!;
    expect(training.risks.map((r) => r.ref)).toEqual(["R1"]);
    expect(training.equalityRows.map((r) => r.text)).toEqual(["Age"]);
  });

  it("sorts equality rows in the settings' order and labels them from settings", () => {
    const rows = view({ equalityRows: [...completeProposal().equalityRows].reverse() }).equality.rows;
    expect(rows.map((r) => r.label)).toEqual([
      "Age",
      "Disability",
      "Gender reassignment",
      "Marriage and civil partnership",
      "Pregnancy and maternity",
      "Race",
      "Religion or belief",
      "Sex",
      "Sexual orientation",
      "Carers",
      "Socio-economic disadvantage",
      "Care-experienced people",
    ]);
  });

  it("flags an outcome as overdue 12 weeks after closing, only while the consultation is closed", () => {
    const closed = { state: "closed" as const, closesOn: "2026-03-30" };
    expect(buildProposalView(openProposal(closed), DEFAULT_SETTINGS, { ...options, now: new Date("2026-06-22T12:00:00Z") }).lifecycle).toMatchObject({
      outcomeDueOn: "2026-06-22",
      outcomeOverdue: false,
      outcomeDaysOverdue: 0,
    });
    expect(buildProposalView(openProposal(closed), DEFAULT_SETTINGS, { ...options, now: new Date("2026-06-23T12:00:00Z") }).lifecycle.outcomeOverdue).toBe(true);
    expect(
      buildProposalView(openProposal({ ...closed, state: "outcome_published" }), DEFAULT_SETTINGS, { ...options, now: new Date("2026-09-01T12:00:00Z") }).lifecycle.outcomeOverdue,
    ).toBe(false);
  });

  it("renders Markdown fields through the renderer it is given, nested under the section headings", () => {
    const v = view({ timeline: "## Key dates\n\n- Decision in May <script>alert(1)</script>" });
    expect(v.details.timelineHtml).toContain("<h4>Key dates</h4>");
    expect(v.details.timelineHtml).not.toContain("<script>");
  });
});

describe("ImpactFigures", () => {
  it("writes the figures out as a resident would say them", () => {
    const sentences = impactStatements(view().impact).map(impactSentence);
    expect(sentences).toEqual([
      "12 posts (25% of the service's 48 posts), 11.4 full-time equivalent (FTE)",
      "620 people a year",
      "450 child mental-health assessments carried out by CAMHS social workers a year",
      "£540,000 saving",
    ]);
  });

  it("calls a budget rise an increase, and leaves out figures not given", () => {
    const sentences = impactStatements({ ...view().impact, budgetChangeGbp: 75_000, serviceUsersPerYear: null, activityPerYear: null }).map(impactSentence);
    expect(sentences).toContain("£75,000 increase");
    expect(sentences).toHaveLength(2);
  });

  it("shows each figure with its label", () => {
    render(<ImpactFigures impact={view().impact} />);
    const posts = screen.getByText("Staff posts affected").closest("li")!;
    expect(posts).toHaveTextContent("12 posts");
    expect(posts).toHaveTextContent("(25% of the service's 48 posts)");
  });
});

describe("RiskTable and RiskMatrix", () => {
  it("shows each risk's score as a number and a word, not colour alone", () => {
    render(<RiskTable risks={view().risks} />);
    const table = screen.getByRole("table", { name: /Risks, how likely they are/ });
    const r1 = within(table).getByRole("rowheader", { name: /^R1/ }).closest("tr")!;
    expect(r1).toHaveTextContent("4 – Likely");
    expect(r1).toHaveTextContent("4 – Major");
    expect(within(r1).getByText("High").closest(".app-risk-score")).toHaveTextContent("16 High");
  });

  it("links a mitigated risk to its mitigation", () => {
    render(<RiskTable risks={view().risks} />);
    const r2 = screen.getByRole("rowheader", { name: /^R2/ }).closest("tr")!;
    expect(within(r2).getByRole("link", { name: "Mitigation M2" })).toHaveAttribute("href", "#mitigation-M2");
  });

  it("shows the published reason for an accepted risk", () => {
    render(<RiskTable risks={view().risks} />);
    const r4 = screen.getByRole("rowheader", { name: /^R4/ }).closest("tr")!;
    expect(r4).toHaveTextContent("Risk accepted: The duty team has one published phone number");
    expect(within(r4).getByText("Low")).toBeInTheDocument();
  });

  it("uses column and row headers with scope", () => {
    const { container } = render(<RiskTable risks={view().risks} />);
    expect(container.querySelectorAll("th[scope=col]")).toHaveLength(6);
    expect(container.querySelectorAll("tbody th[scope=row]")).toHaveLength(4);
    expect(container.querySelector("caption")).not.toBeNull();
  });

  it("places each risk in the matrix by likelihood and impact", () => {
    render(<RiskMatrix risks={view().risks} highRiskScore={15} />);
    const row = screen.getByRole("rowheader", { name: /Likelihood 3/ }).closest("tr")!;
    const cells = within(row).getAllByRole("cell");
    expect(cells[4]).toHaveTextContent("Risk R2"); // impact 5
    expect(cells[4]).toHaveTextContent("15 High");
    expect(cells[2]).toHaveTextContent("Risk R3"); // impact 3
    expect(cells[2]).toHaveTextContent("9 Medium");
  });
});

describe("EqualityGrid", () => {
  it("has one row per characteristic with the rating in words", () => {
    render(<EqualityGrid rows={view().equality.rows} />);
    const table = screen.getByRole("table", { name: "Impact on each protected characteristic" });
    expect(within(table).getAllByRole("rowheader")).toHaveLength(12);
    const disability = within(table).getByRole("rowheader", { name: "Disability" }).closest("tr")!;
    expect(disability).toHaveTextContent("Negative");
    expect(within(disability).getByRole("link", { name: "Mitigation M4" })).toHaveAttribute("href", "#mitigation-M4");
  });

  it("shows the justification for an accepted negative impact and the action for an unknown one", () => {
    render(<EqualityGrid rows={view().equality.rows} />);
    expect(screen.getByRole("rowheader", { name: "Carers" }).closest("tr")).toHaveTextContent("Why the council considers this justified: Family support workers");
    const race = screen.getByRole("rowheader", { name: "Race" }).closest("tr")!;
    expect(race).toHaveTextContent("Not yet known");
    expect(race).toHaveTextContent("How the council will find out: Analyse three years of referral records");
  });
});

describe("ProposalView", () => {
  it("renders every section, headings in order, each section an h2", () => {
    const { container } = renderView();
    const headings = [...container.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1]));
    expect(headings[0]).toBe(2);
    for (let i = 1; i < headings.length; i++) expect(headings[i] - headings[i - 1]).toBeLessThanOrEqual(1);
    const h2s = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(h2s).toEqual([
      "Contents",
      "Summary",
      "The proposal in full",
      "Options considered",
      "The change in numbers",
      "Risks",
      "Services and partners affected",
      "How the risks and impacts would be reduced",
      "Equality impact assessment",
      "Documents",
      "How to have your say",
      "Staff and unions",
    ]);
  });

  it("says what is already decided and what is open to change (Gunning)", () => {
    renderView();
    expect(screen.getByRole("heading", { name: "What has already been decided" }).nextElementSibling).toHaveTextContent("has not decided how the saving will be made");
    expect(screen.getByRole("heading", { name: "What you can still influence" })).toBeInTheDocument();
  });

  it("gives each rejected option the reason it was rejected", () => {
    renderView();
    const keep = screen.getByRole("heading", { name: /Keep the service as it is/ });
    expect(keep).toHaveTextContent("Rejected");
    const section = keep.parentElement!;
    expect(section).toHaveTextContent("Why this option was rejected");
    expect(section).toHaveTextContent("reduce help for about 1,900 families a year");
    expect(screen.getByRole("heading", { name: /Move social work tasks/ })).toHaveTextContent("Proposed option");
  });

  it("shows what was withheld from a document, on what ground, and when it will be reviewed", () => {
    renderView();
    const table = screen.getByRole("table", { name: /What was withheld from/ });
    const row = within(table).getByRole("rowheader", { name: /Appendix D/ }).closest("tr")!;
    expect(row).toHaveTextContent("Commercial interests (Freedom of Information Act 2000, section 43)");
    expect(row).toHaveTextContent("The total cost of cover, £38,000, is published in section 5.");
    expect(row).toHaveTextContent("1 September 2026");
  });

  it("links documents that may be downloaded, and not one withheld in full", () => {
    const documents = completeProposal().documents;
    renderView({
      documents: [
        ...documents,
        { id: 99, kind: "other", title: "Legal advice", filename: "advice.pdf", mimeType: "application/pdf", sizeBytes: 50_000, disclosure: "withheld", withheldParts: [] },
      ],
    });
    expect(screen.getByRole("link", { name: /Business case: CAMHS social work restructure \(PDF, 412 KB\)/ })).toHaveAttribute(
      "href",
      `/consultations/camhs-social-work-restructure/documents/${IDS.document.businessCase}`,
    );
    expect(screen.queryByRole("link", { name: /Legal advice/ })).toBeNull();
    expect(screen.getByRole("heading", { name: "Legal advice" }).nextElementSibling).toHaveTextContent("Withheld in full.");
  });

  it("reports staff and unions as counts, never names", () => {
    const { container } = renderView({
      staffGroups: [
        { id: 1, name: "CAMHS social workers", headCount: 12, serviceName: "CAMHS" },
        { id: 2, name: "Duty team social workers", headCount: 30, serviceName: "Children's social care" },
      ],
      unions: [
        { id: 1, name: "UNISON", shortName: "UNISON" },
        { id: 2, name: "GMB", shortName: "GMB" },
      ],
    });
    const section = container.querySelector("#section-stakeholders")!;
    expect(section).toHaveTextContent("Staff and unions: 2 staff groups and 2 recognised unions were identified as affected.");
    expect(section).toHaveTextContent("given confidential advance notice on 15 December 2025, before the consultation opened on 5 January 2026");
    expect(container.textContent).not.toContain("UNISON");
    expect(container.textContent).not.toContain("Duty team social workers");
  });

  it("says when no staff were affected", () => {
    expect(stakeholderSentence({ noStaffAffected: true, staffGroupCount: 0, unionCount: 0, noticeSentAt: null })).toMatch(/identified no staff affected/);
  });

  it("gives the consultation dates, how to respond and the questions", () => {
    const { container } = renderView();
    const plan = container.querySelector("#section-plan")!;
    expect(plan).toHaveTextContent("Opens5 January 2026");
    expect(plan).toHaveTextContent("Closes30 March 2026");
    expect(plan).toHaveTextContent("Fill in the online survey");
    expect(plan).toHaveTextContent("How would this change affect you or your family?");
    expect(plan).toHaveTextContent("Easy Read, large print");
    expect(plan).toHaveTextContent("Drop-in sessions for families");
  });

  it("shows dependencies with whether each was consulted", () => {
    renderView();
    const schools = screen.getByRole("rowheader", { name: "Schools and colleges" }).closest("tr")!;
    expect(schools).toHaveTextContent("Partner organisation");
    expect(schools).toHaveTextContent("No. Headteachers will be consulted");
  });

  it("shows mitigations with owner, date and what they address", () => {
    renderView();
    const m2 = screen.getByRole("rowheader", { name: /^M2/ }).closest("tr")!;
    expect(m2).toHaveAttribute("id", "mitigation-M2");
    expect(m2).toHaveTextContent("Service Manager, Children's Social Care Duty Teams");
    expect(m2).toHaveTextContent("31 August 2026");
    expect(within(m2).getByRole("link", { name: "Risk R2" })).toHaveAttribute("href", "#risk-R2");
    expect(within(m2).getByRole("link", { name: "Equality impact: Care-experienced people" })).toHaveAttribute("href", "#equality-care_experienced");
  });

  it("lets a staff page add an action under a section heading", () => {
    const router = createMemoryRouter([
      { path: "*", element: <ProposalView proposal={view()} showContents={false} sectionActions={{ risks: <a href="/staff/proposals/1/risks">Change risks</a> }} /> },
    ]);
    render(<RouterProvider router={router} />);
    expect(screen.queryByRole("navigation", { name: "Contents" })).toBeNull();
    expect(screen.getByRole("link", { name: "Change risks" }).closest("section")).toHaveAttribute("id", "section-risks");
  });
});
