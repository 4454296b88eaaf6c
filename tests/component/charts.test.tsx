// @vitest-environment jsdom
/**
 * The charts: each an SVG described in words (role img, title, desc) with the same figures in a
 * table beside it, numbers on the picture itself so colour is not the only signal.
 */
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BarChart } from "~/components/charts/Charts";
import { EqualityChart, ResponseCharts, RiskMatrixChart } from "~/components/charts/ProposalCharts";
import { buildProposalView } from "~/components/proposal-view-model";
import { DEFAULT_SETTINGS } from "~/lib/settings";
import { completeProposal } from "../fixtures/proposals";

afterEach(cleanup);

const view = buildProposalView(completeProposal({ state: "open" }), DEFAULT_SETTINGS, { render: (m) => m ?? "", documentHref: () => null, now: new Date("2026-02-01T12:00:00Z") });

describe("a bar chart", () => {
  it("is a described image with the numbers on it, and a table of the same numbers with a total", () => {
    render(<BarChart id="t" caption="Responses by channel" bars={[{ label: "Online", value: 40 }, { label: "On paper", value: 2 }]} />);
    const figure = screen.getByRole("figure", { name: "Responses by channel" });
    const img = within(figure).getByRole("img", { name: /Responses by channel/ });
    expect(img.querySelector("desc")?.textContent).toBe("Online: 40; On paper: 2. The figures are also in the table.");
    expect(img.textContent).toContain("40");
    const bars = img.querySelectorAll("rect");
    expect(Number(bars[0].getAttribute("width"))).toBeGreaterThan(Number(bars[1].getAttribute("width")) * 10);
    const table = within(figure).getByRole("table");
    expect(within(table).getByRole("rowheader", { name: "Online" }).closest("tr")).toHaveTextContent("40");
    expect(within(table).getByRole("rowheader", { name: "Total" }).closest("tr")).toHaveTextContent("42");
  });
});

describe("the risk matrix", () => {
  it("places each risk in its cell by likelihood and impact, beside the matrix as a table", () => {
    render(<RiskMatrixChart risks={view.risks} highRiskScore={view.highRiskScore} />);
    const figure = screen.getByRole("figure", { name: "Where each risk falls by likelihood and impact" });
    const img = within(figure).getByRole("img");
    for (const r of view.risks) {
      expect(img.querySelector("desc")?.textContent).toContain(`${r.ref} likelihood ${r.likelihood}, impact ${r.impact}`);
      expect([...img.querySelectorAll("text")].some((t) => t.textContent === r.ref)).toBe(true);
    }
    expect(within(figure).getByRole("table", { name: "The risk matrix as a table" })).toBeInTheDocument();
  });
});

describe("equality impacts at a glance", () => {
  it("shows every characteristic with its rating in words and a mark, and counts per rating", () => {
    render(<EqualityChart rows={view.equality.rows} />);
    const figure = screen.getByRole("figure", { name: "Equality impacts at a glance" });
    const texts = [...within(figure).getByRole("img").querySelectorAll("text")].map((t) => t.textContent);
    expect(texts).toContain("Age");
    expect(texts).toContain("− Negative");
    const negative = view.equality.rows.filter((r) => r.rating === "negative");
    const row = within(within(figure).getByRole("table")).getByRole("rowheader", { name: "Negative" }).closest("tr")!;
    expect(row).toHaveTextContent(String(negative.length));
    for (const r of negative) expect(row).toHaveTextContent(r.label);
  });
});

describe("response charts", () => {
  it("draw channels, and stances only for agree-or-disagree questions", () => {
    render(
      <ResponseCharts
        data={{
          byChannel: { online: 5, paper: 3, phone: 0, event: 1, email: 0 },
          questions: [
            { id: 1, question: "How much do you agree or disagree with the proposal?", asksForStance: true, answered: 9, stances: { strongly_agree: 1, agree: 2, neutral: 0, disagree: 4, strongly_disagree: 2, dont_know: 0, none: 0 } },
            { id: 2, question: "Anything else?", asksForStance: false, answered: 4, stances: { none: 4 } },
          ],
        }}
      />,
    );
    expect(screen.getByRole("figure", { name: "Responses by how they reached the council" })).toHaveTextContent("9");
    const stance = screen.getByRole("figure", { name: "Answers to each agree-or-disagree question" });
    expect(within(stance).getByRole("img").querySelector("desc")?.textContent).toContain("Disagree 4");
    expect(within(stance).queryByText("Anything else?")).toBeNull();
    expect(within(stance).getByRole("rowheader", { name: "How much do you agree or disagree with the proposal?" }).closest("tr")).toHaveTextContent(/1\s*2\s*0\s*4\s*2\s*0\s*9/);
  });
});
