/**
 * "You said, we did": who responded and how, each theme with the council's response and what
 * changed (linked to the exact word diff on the history page), how far people agreed with each
 * question, the equality assessment before and after, what happens next, and the decision once
 * it is made. The public outcome page and the staff preview render the same component. Counts
 * are drawn as charts with their figures in a table beside them (components/charts).
 * Headings start at h2, under the page's own h1.
 */
import { Link } from "@remix-run/react";
import { BarChart, CHART_COLOURS, StackedBarChart } from "~/components/charts/Charts";
import { STANCE_SEGMENTS } from "~/components/charts/ProposalCharts";
import { RatingTag } from "~/components/EqualityGrid";
import { formatDate, formatNumber as n } from "~/components/format";
import { Markdown } from "~/components/Markdown";
import { WhoResponded } from "~/reach/WhoResponded";
import type { OutcomeViewModel } from "./view.server";



export function DecisionPanel({ decision }: { decision: NonNullable<OutcomeViewModel["decision"]> }) {
  return (
    <section className="app-decision" aria-labelledby="decision-heading" data-testid="decision">
      <h2 className="govuk-heading-m" id="decision-heading">
        The decision
      </h2>
      <p className="govuk-body-l govuk-!-font-weight-bold govuk-!-margin-bottom-2">{decision.label}</p>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Decided on</dt>
          <dd className="govuk-summary-list__value">{formatDate(decision.decidedOn)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Reference</dt>
          <dd className="govuk-summary-list__value">{decision.reference}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Decision notice</dt>
          <dd className="govuk-summary-list__value">
            <a className="govuk-link" href={decision.noticeUrl} rel="noopener noreferrer">
              Read the decision notice<span className="govuk-visually-hidden"> (on another website)</span>
            </a>
          </dd>
        </div>
      </dl>
      <Markdown html={decision.summaryHtml} />
    </section>
  );
}

export function OutcomeView({ outcome: o, answersHref }: { outcome: OutcomeViewModel; answersHref: string | null }) {
  const stanceQuestions = o.questions.filter((q) => Object.values(q.stances).some((x) => x > 0));
  return (
    <div className="app-outcome">
      {o.decision ? <DecisionPanel decision={o.decision} /> : null}

      <section aria-labelledby="who-responded">
        <h2 className="govuk-heading-l" id="who-responded">
          Who responded
        </h2>
        <p className="govuk-body-l" data-testid="outcome-counts">
          {n(o.counts.responses)} {o.counts.responses === 1 ? "response" : "responses"} and {n(o.counts.comments)} {o.counts.comments === 1 ? "comment" : "comments"}.
        </p>
        <BarChart id="outcome-by-channel" caption="How the responses came" bars={o.counts.byChannel} labelHeader="How" valueHeader="Responses" />
        <BarChart id="outcome-by-responding-as" caption="Who the responses came from" bars={o.counts.byRespondingAs} labelHeader="Who" valueHeader="Responses" colour={CHART_COLOURS.turquoise} />
        <Markdown html={o.responseSummaryHtml} />
        <WhoResponded report={o.monitoring} headingLevel={3} heading="Equality monitoring: who the respondents were" />
      </section>

      <section aria-labelledby="you-said-we-did">
        <h2 className="govuk-heading-l" id="you-said-we-did">
          You said, we did
        </h2>
        {o.themes.length === 0 ? (
          <p className="govuk-body">No themes were raised.</p>
        ) : (
          <BarChart
            id="outcome-themes"
            caption="Respondents who raised each theme"
            bars={o.themes.map((t) => ({ label: t.name, value: t.respondents }))}
            labelHeader="Theme"
            valueHeader="Respondents"
            total={false}
          />
        )}
        {o.themes.map((t) => (
          <article key={t.id} className="app-outcome-theme" aria-labelledby={`theme-${t.id}`} data-testid="outcome-theme">
            <h3 className="govuk-heading-m" id={`theme-${t.id}`}>
              {t.name}
            </h3>
            <p className="govuk-body govuk-!-font-weight-bold" data-testid="theme-respondents">
              Raised by {n(t.respondents)} {t.respondents === 1 ? "respondent" : "respondents"}
            </p>
            {t.quotes.length ? (
              <>
                <h4 className="govuk-heading-s">You said</h4>
                {t.quotes.map((q, i) => (
                  <figure key={i} className="govuk-!-margin-0 govuk-!-margin-bottom-4">
                    <blockquote className="app-quote govuk-body">{q.text}</blockquote>
                    <figcaption className="govuk-body-s">{q.kind === "answer" ? `Answer to “${q.about}”` : q.about}</figcaption>
                  </figure>
                ))}
              </>
            ) : null}
            <h4 className="govuk-heading-s">We did</h4>
            <Markdown html={t.councilResponseHtml} />
            {t.changed ? (
              <div className="govuk-inset-text">
                <strong>What changed:</strong> {t.changeDescription}
                {t.version ? (
                  <>
                    {" "}
                    <Link className="govuk-link" to={t.version.href}>
                      See exactly what changed in version {t.version.number}
                      <span className="govuk-visually-hidden"> of the consultation, published {formatDate(t.version.createdAt)}</span>
                    </Link>
                  </>
                ) : null}
              </div>
            ) : (
              <p className="govuk-body">The proposal did not change because of this.</p>
            )}
          </article>
        ))}
      </section>

      {stanceQuestions.length > 0 ? (
        <section aria-labelledby="how-people-answered">
          <h2 className="govuk-heading-l" id="how-people-answered">
            How people answered
          </h2>
          <StackedBarChart
            id="outcome-by-stance"
            caption="How far people agreed with each question"
            segments={STANCE_SEGMENTS}
            rowHeader="Question"
            rows={stanceQuestions.map((q) => ({ label: q.question, values: q.stances }))}
          />
        </section>
      ) : null}

      <section aria-labelledby="equality-revisited">
        <h2 className="govuk-heading-l" id="equality-revisited">
          The equality impact, revisited
        </h2>
        <Markdown html={o.equalitySummaryHtml} />
        {o.equality.length === 0 ? (
          <p className="govuk-body">No rating in the equality impact assessment changed.</p>
        ) : (
          <div className="app-table-scroll" role="region" aria-labelledby="equality-changes-caption" tabIndex={0}>
            <table className="govuk-table app-table--reflow" data-testid="equality-before-after">
              <caption className="govuk-table__caption govuk-table__caption--m" id="equality-changes-caption">
                Ratings that changed because of what people told us
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Characteristic
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Before the consultation
                  </th>
                  <th scope="col" className="govuk-table__header">
                    After the consultation
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {o.equality.map((r) => (
                  <tr key={r.characteristic} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">
                      {r.label}
                    </th>
                    <td className="govuk-table__cell" data-label="Before the consultation">
                      <RatingTag rating={r.before.rating} />
                      <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">{r.before.evidence}</p>
                    </td>
                    <td className="govuk-table__cell" data-label="After the consultation">
                      <RatingTag rating={r.after.rating} />
                      <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">{r.after.evidence}</p>
                      {r.after.justification ? (
                        <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                          <strong>Why the council considers this justified:</strong> {r.after.justification}
                        </p>
                      ) : null}
                      {r.after.evidenceAction ? (
                        <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                          <strong>How the council will find out:</strong> {r.after.evidenceAction}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="what-happens-next">
        <h2 className="govuk-heading-l" id="what-happens-next">
          What happens next
        </h2>
        <Markdown html={o.whatHappensNextHtml} />
      </section>

      {answersHref ? (
        <section aria-labelledby="published-answers">
          <h2 className="govuk-heading-l" id="published-answers">
            Answers published with the respondents’ agreement
          </h2>
          {o.publishedAnswers === 0 ? (
            <p className="govuk-body">No respondent asked for their answers to be published.</p>
          ) : (
            <p className="govuk-body">
              <Link className="govuk-link" to={answersHref}>
                Read the {n(o.publishedAnswers)} {o.publishedAnswers === 1 ? "response" : "responses"} published with their authors’ agreement
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
