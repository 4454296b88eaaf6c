// @vitest-environment jsdom
/**
 * What the officer chose is what the public reads: every value of every scale and category is
 * rendered in the drafting form (the real route component) and on the public page (the real
 * ProposalView, which check answers shows too), and the words must be the same. This is the test
 * that would have caught impact "2: Moderate" on the form published as "2 – Minor".
 */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { RouterProvider, createMemoryRouter } from "react-router-dom";
import RiskPage from "~/routes/staff.proposals.$id_.risks_.$riskId";
import EqualityRowPage from "~/routes/staff.proposals.$id_.equality_.$characteristic";
import DependencyPage from "~/routes/staff.proposals.$id_.dependencies_.$dependencyId";
import { buildProposalView } from "~/components/proposal-view-model";
import { ProposalView } from "~/components/ProposalView";
import { StateTag } from "~/components/StateTag";
import { renderMarkdown } from "~/lib/markdown.server";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { CHANNEL_LABELS, EQUALITY_RATING_LABELS, DEPENDENCY_KIND_LABELS, IMPACT_LABELS, LIKELIHOOD_LABELS, RATINGS, RISK_LEVEL_LABELS, STANCE_LABELS, STATE_LABELS } from "~/proposals/labels";
import { en } from "~/i18n/catalogues/en";
import { EQUALITY_RATINGS } from "~/proposals/sections/equality";
import { DEPENDENCY_KINDS } from "~/proposals/sections/dependencies";
import type { Proposal } from "~/proposals/types";
import { PROPOSAL_STATES } from "#db/schema";
import { completeProposal } from "../fixtures/proposals";

afterEach(cleanup);

const basics = { proposal: { id: 7, title: "CAMHS social work", slug: "camhs-social-work", closesOn: null }, revision: 3, isPublicEdit: false, formError: false, needs: [] };

function renderRoute(path: string, element: JSX.Element, loaderData: object) {
  const router = createMemoryRouter([{ path, element, loader: () => loaderData }], { initialEntries: [path] });
  render(<RouterProvider router={router} future={{ v7_startTransition: true }} />);
}

/** The radio labels of one question on a form, in order. */
async function formOptions(legend: string): Promise<string[]> {
  const group = await screen.findByRole("group", { name: legend });
  return within(group)
    .getAllByRole("radio")
    .map((r) => ((r as HTMLInputElement).labels?.[0]?.textContent ?? "").trim());
}

function publicPage(overrides: Partial<Proposal>) {
  const p = completeProposal({ state: "open", openedAt: "2026-01-05T09:00:00.000Z", noticeSentAt: "2025-12-15T10:00:00.000Z", ...overrides });
  const view = buildProposalView(p, DEFAULT_SETTINGS, { render: (markdown, o) => renderMarkdown(markdown, "officer", o), documentHref: () => null, now: new Date("2026-02-01T12:00:00Z") });
  const router = createMemoryRouter([{ path: "*", element: <ProposalView proposal={view} /> }]);
  return render(<RouterProvider router={router} />);
}

describe("risk likelihood and impact", () => {
  it("each value 1 to 5 reads the same on the form and in the published risk table", async () => {
    renderRoute("/staff/proposals/7/risks/new", <RiskPage />, { ...basics, heading: "Add a risk", isNew: true, defaults: { description: "", whoBears: "", likelihood: "", impact: "", acceptanceReason: "" } });
    const likelihoodOnForm = await formOptions("How likely is it?");
    const impactOnForm = await formOptions("How much harm would it do?");
    expect(likelihoodOnForm).toHaveLength(5);
    expect(impactOnForm).toHaveLength(5);
    cleanup();

    for (let value = 1; value <= 5; value++) {
      const base = completeProposal();
      const risk = { ...base.risks[0], likelihood: value, impact: value };
      const { container, unmount } = publicPage({ risks: [risk], mitigations: base.mitigations.map((m) => ({ ...m, riskIds: [risk.id] })) });
      const row = within(container.querySelector(".app-risk-table tbody")! as HTMLElement).getAllByRole("row")[0];
      const cells = within(row).getAllByRole("cell").map((c) => c.textContent!.trim());
      // The form says "2: Minor", the page "2 – Minor": the same number and the same word.
      const published = (text: string) => text.replace(" – ", ": ");
      expect(cells.map(published), `value ${value}`).toEqual(expect.arrayContaining([likelihoodOnForm[value - 1], impactOnForm[value - 1]]));
      unmount();
    }
  });
});

describe("equality impact", () => {
  it("each rating reads the same on the form and in the published equality grid", async () => {
    renderRoute("/staff/proposals/7/equality/age", <EqualityRowPage />, { ...basics, key: "age", label: "age", defaults: { rating: "", evidence: "", justification: "", evidenceAction: "" } });
    const onForm = (await formOptions("What is the impact on age?")).map((l) => l.split(/\n/)[0]);
    cleanup();
    for (const [i, rating] of EQUALITY_RATINGS.entries()) {
      const base = completeProposal();
      const { container, unmount } = publicPage({ equalityRows: base.equalityRows.map((r) => (r.characteristic === "age" ? { ...r, rating } : r)) });
      const grid = container.querySelector(".app-equality-grid")! as HTMLElement;
      const ageRow = within(grid).getAllByRole("row").find((r) => /^Age/.test(r.textContent!.trim()))!;
      expect(ageRow.querySelector(".govuk-tag")!.textContent, rating).toBe(EQUALITY_RATING_LABELS[rating].label);
      expect(onForm[i], rating).toContain(EQUALITY_RATING_LABELS[rating].label);
      unmount();
    }
  });
});

describe("dependencies", () => {
  it("each kind reads the same on the form and in the published table", async () => {
    renderRoute("/staff/proposals/7/dependencies/new", <DependencyPage />, { ...basics, heading: "Add a dependency", isNew: true, defaults: { name: "", kind: "", effect: "", consulted: "", consultationNote: "" } });
    const onForm = await formOptions("What is it?");
    cleanup();
    expect(onForm).toEqual(DEPENDENCY_KINDS.map((k) => DEPENDENCY_KIND_LABELS[k]));
    for (const kind of DEPENDENCY_KINDS) {
      const base = completeProposal();
      const { getByRole, unmount } = publicPage({ dependencies: [{ ...base.dependencies[0], kind }] });
      const row = within(getByRole("table", { name: /affected/i })).getAllByRole("row")[1];
      expect(row.textContent, kind).toContain(DEPENDENCY_KIND_LABELS[kind]);
      unmount();
    }
  });
});

describe("states", () => {
  it("every state has one name, and the tag shows it", () => {
    for (const state of PROPOSAL_STATES) {
      const { container, unmount } = render(<StateTag state={state} />);
      expect(container.textContent).toBe(STATE_LABELS[state].label);
      unmount();
    }
  });
});

describe("the English catalogue", () => {
  it("says the scales, stances and channels in the words the forms use (pages and charts read it)", () => {
    expect(en.sitePages.risks.likelihoodWords).toEqual(Object.fromEntries(RATINGS.map((r) => [r, LIKELIHOOD_LABELS[Number(r)]])));
    expect(en.sitePages.risks.impactWords).toEqual(Object.fromEntries(RATINGS.map((r) => [r, IMPACT_LABELS[Number(r)]])));
    expect(en.sitePages.risks.levels).toEqual(RISK_LEVEL_LABELS);
    expect(en.sitePages.equality.ratings).toEqual(Object.fromEntries(EQUALITY_RATINGS.map((r) => [r, EQUALITY_RATING_LABELS[r].label])));
    expect(en.states).toEqual(Object.fromEntries(PROPOSAL_STATES.map((s) => [s, STATE_LABELS[s].label])));
    expect(en.stances).toEqual(STANCE_LABELS);
    expect(en.charts.channels).toEqual(CHANNEL_LABELS);
  });
});
