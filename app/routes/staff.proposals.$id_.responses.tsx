/**
 * Reading the responses (staff): how many came and how, every question with its stance counts,
 * and the way in to each question's answers and each part's comments, under one filter (how it
 * came, who responded). Officers of the service, approvers and decision makers only.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";
import { requireReading } from "~/outcomes/coding.server";
import { filterQuery, filtersFrom } from "~/outcomes/filters";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { listThemes } from "~/outcomes/themes.server";
import { responsesOverview } from "~/responses/reading.server";
import { CHANNEL_LABELS, RESPONDING_AS, RESPONDING_AS_LABELS, STANCE_LABELS, STANCES, type Channel } from "~/responses/rules";
import { describeTarget } from "~/responses/targets";
import type { TargetType } from "~/responses/rules";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, canCode } = await requireReading(request, params);
  const filters = filtersFrom(new URL(request.url));
  const overview = responsesOverview(proposal.id, filters);
  const settings = loadSettings();
  const targets = Object.entries(overview.comments.byTarget).map(([key, n]) => {
    const [type, id] = key.split(":");
    const d = describeTarget(proposal, { type: type as TargetType, id: Number(id) }, settings);
    return { key: `${type}-${id}`, label: type === "proposal" ? "The whole proposal" : (d ? `${d.caption}: ${d.title}` : "Part of the proposal"), n };
  });
  return {
    proposal: { id: proposal.id, title: proposal.title, state: proposal.state },
    filters,
    query: filterQuery(filters),
    overview,
    targets,
    themes: listThemes(proposal.id).length,
    canCode,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Responses – ${data.proposal.title} – Staff area` : "Responses") }];

const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : "0%");

export default function ReadResponses() {
  const d = useLoaderData<typeof loader>();
  const base = `/staff/proposals/${d.proposal.id}/responses`;
  const o = d.overview;
  return (
    <>
      <Link to={`/staff/proposals/${d.proposal.id}`} className="govuk-back-link">
        Back to the proposal
      </Link>
      <span className="govuk-caption-l">{d.proposal.title}</span>
      <h1 className="govuk-heading-l">Responses</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" data-testid="response-total">
            {o.total.toLocaleString("en-GB")} {o.total === 1 ? "response" : "responses"}
            {d.filters.channel || d.filters.respondingAs ? " match the filter" : ""}, and {o.comments.total.toLocaleString("en-GB")} {o.comments.total === 1 ? "comment" : "comments"} from residents.
          </p>
          <form method="get" action={base} className="app-filter">
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="filter-channel">
                How it came
              </label>
              <select className="govuk-select" id="filter-channel" name="channel" defaultValue={d.filters.channel ?? ""}>
                <option value="">Every way</option>
                {(Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABELS[c]}
                  </option>
                ))}
              </select>
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="filter-as">
                Who responded
              </label>
              <select className="govuk-select" id="filter-as" name="as" defaultValue={d.filters.respondingAs ?? ""}>
                <option value="">Anyone</option>
                {RESPONDING_AS.map((r) => (
                  <option key={r} value={r}>
                    {RESPONDING_AS_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Filter responses
            </button>
          </form>
        </div>
        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-s">Themes</h2>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/proposals/${d.proposal.id}/themes`}>
              {d.themes === 0 ? "No themes yet" : `${d.themes} ${d.themes === 1 ? "theme" : "themes"}`}
            </Link>
            {d.canCode ? ". Code answers and comments into themes as you read them." : "."}
          </p>
        </div>
      </div>

      <table className="govuk-table app-table--reflow">
        <caption className="govuk-table__caption govuk-table__caption--m">How responses came</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {(Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => (
              <th key={c} scope="col" className="govuk-table__header govuk-table__header--numeric">
                {CHANNEL_LABELS[c]}
              </th>
            ))}
            {RESPONDING_AS.map((r) => (
              <th key={r} scope="col" className="govuk-table__header govuk-table__header--numeric">
                {RESPONDING_AS_LABELS[r]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          <tr className="govuk-table__row">
            {(Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => (
              <td key={c} className="govuk-table__cell govuk-table__cell--numeric" data-label={CHANNEL_LABELS[c]}>
                {o.byChannel[c].toLocaleString("en-GB")}
              </td>
            ))}
            {RESPONDING_AS.map((r) => (
              <td key={r} className="govuk-table__cell govuk-table__cell--numeric" data-label={RESPONDING_AS_LABELS[r]}>
                {o.byRespondingAs[r].toLocaleString("en-GB")}
              </td>
            ))}
          </tr>
        </tbody>
      </table>

      <h2 className="govuk-heading-m">Answers to the questions</h2>
      {o.questions.length === 0 ? <p className="govuk-body">This consultation asked no questions.</p> : null}
      {o.questions.map((q, i) => {
        const stanced = STANCES.reduce((n, s) => n + q.stances[s], 0);
        return (
          <section key={q.id} className="govuk-!-margin-bottom-8" aria-labelledby={`q-${q.id}`}>
            <h3 className="govuk-heading-s" id={`q-${q.id}`}>
              Question {i + 1}: {q.question} {q.personal ? <strong className="govuk-tag govuk-tag--yellow">Personal: never published</strong> : null}
            </h3>
            {stanced > 0 ? (
              <table className="govuk-table app-stance-table app-table--reflow">
                <caption className="govuk-table__caption govuk-table__caption--s">How far people agreed ({stanced.toLocaleString("en-GB")} gave a view)</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Answer
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      People
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      Share
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {STANCES.map((s) => (
                    <tr key={s} className="govuk-table__row">
                      <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                        {q.stances[s] > 0 ? (
                          <Link className="govuk-link" to={`${base}/questions/${q.id}${filterQuery({ ...d.filters, stance: s })}`}>
                            {STANCE_LABELS[s]}
                          </Link>
                        ) : (
                          STANCE_LABELS[s]
                        )}
                      </th>
                      <td className="govuk-table__cell govuk-table__cell--numeric" data-label="People">{q.stances[s].toLocaleString("en-GB")}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Share">{pct(q.stances[s], stanced)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <p className="govuk-body">
              {q.answered === 0 ? (
                "No answers yet."
              ) : (
                <Link className="govuk-link" to={`${base}/questions/${q.id}${filterQuery({ ...d.filters, stance: null })}`}>
                  Read the {q.answered.toLocaleString("en-GB")} {q.answered === 1 ? "answer" : "answers"}
                  <span className="govuk-visually-hidden"> to question {i + 1}</span>
                </Link>
              )}
              {q.answered > 0 ? ` (${q.withText.toLocaleString("en-GB")} with words)` : null}
            </p>
          </section>
        );
      })}

      <h2 className="govuk-heading-m">Comments</h2>
      {d.targets.length === 0 ? (
        <p className="govuk-body">No comments from residents{d.filters.channel || d.filters.respondingAs ? " match the filter" : ""}.</p>
      ) : (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`${base}/comments${d.query}`}>
              Every comment ({o.comments.total.toLocaleString("en-GB")})
            </Link>
          </li>
          {d.targets.map((target) => (
            <li key={target.key}>
              <Link className="govuk-link" to={`${base}/comments${filterQuery(d.filters, { on: target.key })}`}>
                {target.label} ({target.n.toLocaleString("en-GB")})
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
