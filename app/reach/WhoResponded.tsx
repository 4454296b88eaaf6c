/**
 * Who responded: the equality monitoring report, one table per question, respondents beside the
 * borough's population, small numbers suppressed. Shown on the staff response view and in the
 * outcome report.
 */
import { formatNumber } from "~/components/format";
import { useContentLang, useTranslation } from "~/i18n/react";
import type { MonitoringReport, RowReport } from "./monitoring";
import { percent } from "./monitoring";
import { NOT_KNOWN } from "./monitoring-questions";

type T = (key: string, values?: Record<string, unknown>) => string;

function countText(t: T, row: RowReport, threshold: number): string {
  if (row.count === "small") return t(`${K}.fewerThan`, { threshold });
  if (row.count === "complementary") return t(`${K}.notShown`);
  return formatNumber(row.count);
}

function shareText(t: T, share: number | null): string {
  if (share != null && share > 0 && share < 0.005) return t(`${K}.under1`);
  return percent(share);
}

const K = "consultationPages.whoResponded";

export function WhoResponded({ report, headingLevel = 2, heading }: { report: MonitoringReport; headingLevel?: 2 | 3; heading?: string }) {
  const { t: translate } = useTranslation();
  const t = translate as unknown as T;
  const contentLang = useContentLang();
  const q = (key: string, field: "question" | "heading") => t(`consultationPages.monitoring.questions.${key}.${field}`);
  const label = (question: string, row: RowReport) => (row.key === NOT_KNOWN ? t("consultationPages.monitoring.notKnown") : t(`consultationPages.monitoring.questions.${question}.answers.${row.key}`));
  const H = headingLevel === 2 ? "h2" : "h3";
  const Q = headingLevel === 2 ? "h3" : "h4";
  const hasPopulation = report.populationSource != null;
  return (
    <section aria-labelledby="who-responded-heading" data-testid="who-responded">
      <H className="govuk-heading-m" id="who-responded-heading">
        {heading ?? t(`${K}.heading`)}
      </H>
      {report.questions == null ? (
        <p className="govuk-body">{t(`${K}.tooFew`, { threshold: report.threshold })}</p>
      ) : (
        <>
          <p className="govuk-body">{t(`${K}.intro`, { forms: report.forms })}</p>
          <p className="govuk-body">{t(`${K}.how`, { threshold: report.threshold })}</p>
          {report.populationSource ? (
            <p className="govuk-body">
              {t(`${K}.populationLabel`)} <span lang={contentLang}>{report.populationSource}</span>
              {t("consultationPages.outcome.end")}
            </p>
          ) : null}
        </>
      )}
      {report.waiting > 0 ? <p className="govuk-body">{t(`${K}.waiting`, { n: report.waiting, threshold: report.threshold })}</p> : null}
      {report.questions?.map((qr) => (
        <div key={qr.key}>
          <Q className="govuk-heading-s" id={`monitoring-${qr.key}`}>
            {q(qr.key, "heading")}
          </Q>
          {qr.rows == null ? (
            <p className="govuk-body">{t(`${K}.withheld`, { threshold: report.threshold })}</p>
          ) : (
            <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={`monitoring-${qr.key}`}>
              <table className="govuk-table govuk-table--small-text-until-tablet app-table--reflow">
                <caption className="govuk-table__caption govuk-visually-hidden">{q(qr.key, "question")}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      {t(`${K}.answer`)}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t(`${K}.count`)}
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      {t(`${K}.share`)}
                    </th>
                    {hasPopulation ? (
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                        {t(`${K}.residents`)}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {qr.rows.map((row) => (
                    <tr key={row.key} className="govuk-table__row">
                      <th scope="row" className="govuk-table__header">
                        {label(qr.key, row)}
                        {row.representation ? <span className="app-monitoring-note">{row.representation === "fewer" ? t(`${K}.fewer`) : t(`${K}.more`)}</span> : null}
                      </th>
                      <td className="govuk-table__cell govuk-table__cell--numeric" data-label={t(`${K}.count`)}>{countText(t, row, report.threshold)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric" data-label={t(`${K}.share`)}>{shareText(t, row.share)}</td>
                      {hasPopulation ? <td className="govuk-table__cell govuk-table__cell--numeric" data-label={t(`${K}.residents`)}>{shareText(t, row.population)}</td> : null}
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
