// @vitest-environment jsdom
/**
 * The section pages as an officer uses them: the real route components in a memory router,
 * whose action parses with the section's real schema exactly as the server does. A refused
 * "Continue" shows the error summary ("There is a problem"), which takes focus and links to each
 * field; the message sits beside the field; the title starts "Error: "; and what the officer
 * typed is still there.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RouterProvider, createMemoryRouter, redirect } from "react-router-dom";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import SummaryPage from "~/routes/staff.proposals.$id_.summary";
import RiskPage from "~/routes/staff.proposals.$id_.risks_.$riskId";
import PlanPage from "~/routes/staff.proposals.$id_.plan";
import { modeOf } from "~/proposals/sections/fields";
import { planSchema } from "~/proposals/sections/plan";
import { riskSchema } from "~/proposals/sections/risks";
import { summarySchema } from "~/proposals/sections/summary";
import { renderMarkdown } from "~/lib/markdown.server";
import { DEFAULT_SETTINGS } from "~/lib/settings";

afterEach(cleanup);
beforeEach(() => {
  document.title = "Section – Staff area";
});

const basics = { proposal: { id: 7, title: "CAMHS social work", slug: "camhs-social-work", closesOn: null }, revision: 3, isPublicEdit: false, formError: false, needs: [] };

/** As runSectionAction answers: preview, 400 with the reply, or a redirect after a save. */
function actionWith(schema: (mode: "continue" | "save") => z.ZodType, saved: string[]) {
  return async ({ request }: { request: Request }) => {
    const formData = await request.formData();
    const intent = String(formData.get("intent"));
    const submission = parseWithZod(formData, { schema: schema(modeOf(formData)) });
    if (intent.startsWith("preview:")) {
      const field = intent.slice(8);
      return { lastResult: { ...submission.reply(), error: undefined }, revision: 3, preview: { field, html: renderMarkdown(String(formData.get(field)), "officer") } };
    }
    if (submission.status !== "success") return { lastResult: submission.reply(), revision: 3 };
    saved.push(intent);
    return redirect("/staff/proposals/7");
  };
}

function renderPage(path: string, element: JSX.Element, loaderData: object, action: ReturnType<typeof actionWith>) {
  const router = createMemoryRouter(
    [
      { path, element, loader: () => loaderData, action },
      { path: "/staff/proposals/7", element: <h1>Task list</h1> },
    ],
    { initialEntries: [path.replace(":riskId", "new")] },
  );
  render(<RouterProvider router={router} future={{ v7_startTransition: true }} />);
  return router;
}

describe("the summary page", () => {
  const loaderData = { ...basics, defaults: { summary: "" }, help: { words: { min: 40, max: 250, scaled: false }, readability: true, acronyms: true, acronymAllowList: DEFAULT_SETTINGS.gate.acronymAllowList } };

  it("refuses a blank Continue: the summary takes focus, links to the field, the message is beside it, the title says Error", async () => {
    const user = userEvent.setup();
    renderPage("/staff/proposals/7/summary", <SummaryPage />, loaderData, actionWith(summarySchema, []));
    await user.click(await screen.findByRole("button", { name: "Continue" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { name: "There is a problem" })).toBeInTheDocument();
    const summary = alert.closest(".govuk-error-summary");
    await waitFor(() => expect(summary).toHaveFocus());
    const link = within(alert).getByRole("link", { name: "Enter a summary of the proposal in plain English" });
    expect(link).toHaveAttribute("href", "#summary");

    const field = screen.getByLabelText("Summary in plain English");
    expect(field).toHaveAccessibleDescription(expect.stringContaining("Error: Enter a summary of the proposal in plain English"));
    expect(document.title).toBe("Error: Section – Staff area");

    // Following the link puts the cursor in the field.
    await user.click(link);
    expect(field).toHaveFocus();
  });

  it("shows writing help as the officer types: words against the limit, readability, acronyms to spell out", async () => {
    const user = userEvent.setup();
    renderPage("/staff/proposals/7/summary", <SummaryPage />, loaderData, actionWith(summarySchema, []));
    const help = await screen.findByTestId("summary-writing-help");
    expect(help).toHaveTextContent("0 words: 40 to 250 words needed (40 to go)");
    await user.type(screen.getByLabelText("Summary in plain English"), "We propose to delete the social work posts in CAMHS.");
    expect(help).toHaveTextContent("10 words: 40 to 250 words needed (30 to go)");
    expect(help).toHaveTextContent("Spell out the first time you use: CAMHS");
    expect(help).toHaveTextContent(/Readability: [\d.]+ out of 100/);
  });

  it("previews the Markdown as the server renders it, keeping what was typed and saving nothing", async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    renderPage("/staff/proposals/7/summary", <SummaryPage />, loaderData, actionWith(summarySchema, saved));
    const field = await screen.findByLabelText("Summary in plain English");
    await user.type(field, "Twelve **posts** would go. <script>alert(1)</script>");
    await user.click(screen.getByRole("button", { name: /^Preview/ }));
    const preview = await screen.findByText("Preview: how the public will see it");
    const region = preview.closest("section")!;
    expect(region.querySelector("strong")).toHaveTextContent("posts");
    expect(region.querySelector("script")).toBeNull();
    expect(screen.getByLabelText("Summary in plain English")).toHaveValue("Twelve **posts** would go. <script>alert(1)</script>");
    expect(saved).toEqual([]);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("without JavaScript", () => {
  it("the page the server renders from a refused save shows the messages and what was typed", async () => {
    const formData = new FormData();
    formData.set("intent", "continue");
    formData.set("description", "Waiting times rise");
    const submission = parseWithZod(formData, { schema: riskSchema() });
    const actionData = { lastResult: submission.reply(), revision: 4 };
    const loaderData = { ...basics, heading: "Add a risk", isNew: true, defaults: { description: "", whoBears: "", likelihood: "", impact: "", acceptanceReason: "" } };
    const router = createMemoryRouter([{ id: "risk", path: "/staff/proposals/7/risks/new", element: <RiskPage /> }], {
      initialEntries: ["/staff/proposals/7/risks/new"],
      hydrationData: { loaderData: { risk: loaderData }, actionData: { risk: actionData } },
    });
    render(<RouterProvider router={router} future={{ v7_startTransition: true }} />);
    expect(screen.getByRole("heading", { name: "There is a problem" })).toBeInTheDocument();
    expect(screen.getByLabelText("What could go wrong?")).toHaveValue("Waiting times rise");
    expect(screen.getByText("Say who would bear the risk", { selector: ".govuk-error-message" })).toBeInTheDocument();
    // After a conflict the form carries the revision the server says is current.
    expect(document.querySelector('input[name="revision"]')).toHaveValue("4");
  });
});

describe("a risk's page", () => {
  const loaderData = { ...basics, heading: "Add a risk", isNew: true, defaults: { description: "", whoBears: "", likelihood: "", impact: "", acceptanceReason: "" } };

  it("lists every missing answer in page order, keeps what was typed, and moves focus to the summary", async () => {
    const user = userEvent.setup();
    renderPage("/staff/proposals/7/risks/:riskId", <RiskPage />, loaderData, actionWith(() => riskSchema(), []));
    await user.type(await screen.findByLabelText("What could go wrong?"), "Waiting times for assessments rise");
    await user.click(screen.getByRole("button", { name: "Continue" }));

    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(alert.closest(".govuk-error-summary")).toHaveFocus());
    const links = within(alert).getAllByRole("link");
    expect(links.map((l) => l.getAttribute("href"))).toEqual(["#whoBears", "#likelihood", "#impact"]);
    expect(links[1]).toHaveTextContent("Choose how likely the risk is, from 1 (rare) to 5 (almost certain)");

    expect(screen.getByLabelText("What could go wrong?")).toHaveValue("Waiting times for assessments rise");
    const likelihood = screen.getByRole("group", { name: /How likely is it\?/ });
    expect(likelihood.closest(".govuk-form-group")).toHaveClass("govuk-form-group--error");
    expect(within(likelihood).getByText(/Choose how likely the risk is/)).toHaveClass("govuk-error-message");

    // A second refused attempt takes focus again.
    screen.getByLabelText("What could go wrong?").focus();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await waitFor(() => expect(screen.getByRole("alert").closest(".govuk-error-summary")).toHaveFocus());
  });

  it("saves when every answer is given", async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    renderPage("/staff/proposals/7/risks/:riskId", <RiskPage />, loaderData, actionWith(() => riskSchema(), saved));
    await user.type(await screen.findByLabelText("What could go wrong?"), "Waiting times rise");
    await user.type(screen.getByLabelText("Who would bear it?"), "Children referred to CAMHS");
    await user.click(within(screen.getByRole("group", { name: /How likely/ })).getByLabelText("4: Likely"));
    await user.click(within(screen.getByRole("group", { name: /How much harm/ })).getByLabelText("4: Major"));
    await user.click(screen.getByRole("button", { name: "Save and come back later" }));
    expect(await screen.findByRole("heading", { name: "Task list" })).toBeInTheDocument();
    expect(saved).toEqual(["save"]);
  });
});

describe("the consultation plan", () => {
  const loaderData = {
    ...basics,
    defaults: { opensOn: {}, closesOn: {}, shortPeriodReason: "", preElectionReason: "", howToRespond: "", alternativeFormats: "", events: "" },
    opensOn: null,
    weeks: { defaultWeeks: 12, minimumWeeks: 6 },
    elections: [],
  };

  it("a date that does not exist links to its first box and keeps the three boxes as typed", async () => {
    const user = userEvent.setup();
    renderPage("/staff/proposals/7/plan", <PlanPage />, loaderData, actionWith((mode) => planSchema(mode, { today: "2026-11-25", isOpen: false, closesOn: null }), []));
    const opening = await screen.findByRole("group", { name: /Opening date/ });
    await user.type(within(opening).getByLabelText("Day"), "31");
    await user.type(within(opening).getByLabelText("Month"), "2");
    await user.type(within(opening).getByLabelText("Year"), "2031");
    await user.type(screen.getByLabelText("How people can respond"), "Online or by post.");
    await user.click(screen.getByRole("button", { name: "Save and come back later" }));

    const alert = await screen.findByRole("alert");
    const link = within(alert).getByRole("link", { name: "The opening date must be a real date" });
    expect(link).toHaveAttribute("href", "#opensOn-day");
    expect(within(opening).getByLabelText("Day")).toHaveValue("31");
    expect(within(opening).getByLabelText("Month")).toHaveValue("2");
    expect(screen.getByLabelText("How people can respond")).toHaveValue("Online or by post.");
    await user.click(link);
    expect(within(opening).getByLabelText("Day")).toHaveFocus();
  });
});
