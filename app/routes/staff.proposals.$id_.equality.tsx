/** 7. Equality impact assessment: a row for every characteristic, then the aims and conclusion. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { equalityCharacteristics } from "~/lib/settings";
import { RATING_LABELS } from "~/proposals/sections/equality";
import { nextPath, proposalPath, sectionPath } from "~/proposals/sections/pages";
import { pageBasics, requireEditing } from "~/proposals/sections/route.server";

const TITLE = "Equality impact assessment";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${TITLE} – ${data.proposal.title}` : TITLE) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const e = await requireEditing(request, params);
  const basics = pageBasics(e, context, "equality");
  return {
    ...basics,
    rows: equalityCharacteristics(e.settings).map((c) => {
      const row = e.proposal.equalityRows.find((r) => r.characteristic === c.key);
      const open = basics.needs.filter((n) => n.href.includes(`/equality/${c.key}`)).length;
      return { key: c.key, label: c.label, rating: row?.rating ?? null, open };
    }),
    aimsOpen: basics.needs.filter((n) => n.href.includes("/equality/aims")).length,
  };
}

export default function EqualityPage() {
  const { proposal, rows, aimsOpen } = useLoaderData<typeof loader>();
  const base = sectionPath(proposal.id, "equality");
  const status = (open: number, started: boolean) => (!started ? <strong className="govuk-tag govuk-tag--blue">Not yet started</strong> : open ? <strong className="govuk-tag govuk-tag--light-blue">In progress</strong> : "Completed");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={proposalPath(proposal.id)} className="govuk-back-link">
          Back to the task list
        </Link>
        <span className="govuk-caption-l">{proposal.title}</span>
        <h1 className="govuk-heading-l">{TITLE}</h1>
        <p className="govuk-body">
          The public sector equality duty (Equality Act 2010, section 149) asks the council to consider how the proposal affects people who share each characteristic. Rate each one with evidence; a negative impact needs a
          mitigation or a justification, and an unknown one needs a plan to find out.
        </p>
        <h2 className="govuk-heading-m">Impact on each characteristic</h2>
        <ul className="govuk-task-list">
          {rows.map((r) => (
            <li key={r.key} className="govuk-task-list__item govuk-task-list__item--with-link">
              <div className="govuk-task-list__name-and-hint">
                <Link className="govuk-link govuk-task-list__link" to={`${base}/${r.key}`} aria-describedby={`equality-${r.key}-status`}>
                  {r.label}
                </Link>
                {r.rating ? <div className="govuk-task-list__hint">Rated {RATING_LABELS[r.rating].label.toLowerCase()}</div> : null}
              </div>
              <div className="govuk-task-list__status" id={`equality-${r.key}-status`}>
                {status(r.open, r.rating != null)}
              </div>
            </li>
          ))}
        </ul>
        <h2 className="govuk-heading-m">The three aims of the duty and the conclusion</h2>
        <ul className="govuk-task-list">
          <li className="govuk-task-list__item govuk-task-list__item--with-link">
            <div className="govuk-task-list__name-and-hint">
              <Link className="govuk-link govuk-task-list__link" to={`${base}/aims`} aria-describedby="equality-aims-status">
                The aims of the equality duty
              </Link>
            </div>
            <div className="govuk-task-list__status" id="equality-aims-status">
              {aimsOpen ? <strong className="govuk-tag govuk-tag--light-blue">To do</strong> : "Completed"}
            </div>
          </li>
        </ul>
        <Link to={nextPath(proposal.id, "equality")} draggable={false} className="govuk-button" data-module="govuk-button">
          Continue
        </Link>
      </div>
    </div>
  );
}
