/**
 * Who responded: the equality monitoring report, one table per question, respondents beside the
 * borough's population, small numbers suppressed. Shown on the staff response view and in the
 * outcome report.
 */
import type { MonitoringReport, RowReport } from "./monitoring";
import { percent } from "./monitoring";

const T = {
  heading: "Who responded",
  intro: (forms: number) => `${forms.toLocaleString("en-GB")} ${forms === 1 ? "person" : "people"} answered the optional equality monitoring questions.`,
  tooFew: (threshold: number) => `Fewer than ${threshold} people have answered the optional equality monitoring questions, so no figures are shown.`,
  waiting: (n: number, threshold: number) => `${n} more ${n === 1 ? "form is" : "forms are"} not in these figures yet: they are added once there are ${threshold}, so that the figures never change by one person’s answers.`,
  how: (threshold: number) =>
    `A number under ${threshold}, including none, is shown as “fewer than ${threshold}”. Where one is, another number is also not shown, so that it cannot be worked out from the total.`,
  population: (source: string) => `Residents: ${source}.`,
  withheld: (threshold: number) => `Not shown: too few answers to show without revealing numbers under ${threshold}.`,
  columns: { answer: "Answer", count: "Respondents", share: "Share of those who answered", population: "Share of residents" },
  fewerThan: (threshold: number) => `fewer than ${threshold}`,
  notShown: "not shown",
  fewer: "fewer respondents than residents",
  more: "more respondents than residents",
};

function countText(row: RowReport, threshold: number): string {
  if (row.count === "small") return T.fewerThan(threshold);
  if (row.count === "complementary") return T.notShown;
  return row.count.toLocaleString("en-GB");
}

export function WhoResponded({ report, headingLevel = 2, heading = T.heading }: { report: MonitoringReport; headingLevel?: 2 | 3; heading?: string }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Q = headingLevel === 2 ? "h3" : "h4";
  const hasPopulation = report.populationSource != null;
  return (
    <section aria-labelledby="who-responded-heading" data-testid="who-responded">
      <H className="govuk-heading-m" id="who-responded-heading">
        {heading}
      </H>
      {report.questions == null ? (
        <p className="govuk-body">{T.tooFew(report.threshold)}</p>
      ) : (
        <>
          <p className="govuk-body">{T.intro(report.forms)}</p>
          <p className="govuk-body">{T.how(report.threshold)}</p>
          {report.populationSource ? <p className="govuk-body">{T.population(report.populationSource)}</p> : null}
        </>
      )}
      {report.waiting > 0 ? <p className="govuk-body">{T.waiting(report.waiting, report.threshold)}</p> : null}
      {report.questions?.map((q) => (
        <div key={q.key}>
          <Q className="govuk-heading-s" id={`monitoring-${q.key}`}>
            {q.heading}
          </Q>
          {q.rows == null ? (
            <p className="govuk-body">{T.withheld(report.threshold)}</p>
          ) : (
            <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={`monitoring-${q.key}`}>
              <table className="govuk-table govuk-table--small-text-until-tablet app-table--reflow">
                <caption className="govuk-table__caption govuk-visually-hidden">{q.question}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      {T.columns.answer}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {T.columns.count}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {T.columns.share}
                    </th>
                    {hasPopulation ? (
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {T.columns.population}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {q.rows.map((row) => (
                    <tr key={row.key} className="govuk-table__row">
                      <th scope="row" className="govuk-table__header">
                        {row.label}
                        {row.representation ? <span className="app-monitoring-note">{row.representation === "fewer" ? T.fewer : T.more}</span> : null}
                      </th>
                      <td className="govuk-table__cell govuk-table__cell--numeric" data-label={T.columns.count}>{countText(row, report.threshold)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric" data-label={T.columns.share}>{percent(row.share)}</td>
                      {hasPopulation ? <td className="govuk-table__cell govuk-table__cell--numeric" data-label={T.columns.population}>{percent(row.population)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
