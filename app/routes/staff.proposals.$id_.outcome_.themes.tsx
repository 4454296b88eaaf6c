/** The outcome report: every theme, each answered in turn. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { TaskList } from "~/components/TaskList";
import { outcomeDraft } from "~/outcomes/outcome.server";
import { partBasics, requireDraftingPage } from "~/outcomes/pages.server";
import { outcomePath } from "~/outcomes/paths";
import { outcomeReadiness } from "~/outcomes/gate";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await requireDraftingPage(request, params);
  const draft = outcomeDraft(page.proposal, page.settings);
  const unmet = outcomeReadiness(draft, page.settings.gate.evidenceMinWords);
  return {
    ...partBasics(page, context, (u) => u.part === "themes" && u.themeId == null),
    themes: draft.themes.map((t) => ({
      key: `theme-${t.id}`,
      title: t.name,
      hint: `${t.codedItems} ${t.codedItems === 1 ? "answer or comment" : "answers and comments"}`,
      href: outcomePath(page.proposal.id, `themes/${t.id}`),
      status: unmet.some((u) => u.themeId === t.id) ? (t.councilResponse ? ("in_progress" as const) : ("not_started" as const)) : ("completed" as const),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Each theme – Outcome report – ${data.proposal.title}` : "Themes") }];

export default function OutcomeThemes() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={outcomePath(d.proposal.id)} className="govuk-back-link">
          Back to the outcome report
        </Link>
        <span className="govuk-caption-l">Outcome report: {d.proposal.title}</span>
        <h1 className="govuk-heading-l">Each theme: what the council did</h1>
        <p className="govuk-body">For each theme people raised, say what the council did about it, and whether the proposal changed because of it.</p>
        {d.needs.map((n) => (
          <p key={n.message} className="govuk-inset-text">
            <Link className="govuk-link" to={n.href}>
              {n.message}
            </Link>
          </p>
        ))}
        {d.themes.length ? <TaskList tasks={d.themes} /> : <p className="govuk-body">There are no themes yet.</p>}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/staff/proposals/${d.proposal.id}/responses`}>
            Read the responses and code them into themes
          </Link>
        </p>
        <Link className="govuk-button" draggable={false} data-module="govuk-button" to={outcomePath(d.proposal.id, "equality")}>
          Continue
        </Link>
      </div>
    </div>
  );
}
