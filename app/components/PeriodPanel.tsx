/**
 * On a proposal's staff page: when an approved proposal will open and close (keeping the
 * approved length) and what it is waiting for, and the HR1 reminder where s.193 applies.
 */
import type { PeriodPanel as Panel } from "~/proposals/period.server";
import { formatDate } from "./format";
import { WarningText } from "./WarningText";

export function PeriodPanel({ panel }: { panel: Panel }) {
  const { forecast, hr1 } = panel;
  if (!forecast && !hr1) return null;
  return (
    <>
      {forecast ? (
        <section aria-labelledby="opening-heading" data-testid="opening-forecast">
          <h2 className="govuk-heading-m" id="opening-heading">
            Opening
          </h2>
          <p className="govuk-body">
            It was approved to run for {forecast.length}. As things stand it will open on {formatDate(forecast.opensOn)} and close on {formatDate(forecast.closesOn)}.
            {forecast.moved ? " The closing date has moved with the opening date, so that the consultation still runs for the length approved; the public page will say so." : ""}
          </p>
          {forecast.waitingFor.length ? (
            <>
              <p className="govuk-body">It is waiting for:</p>
              <ul className="govuk-list govuk-list--bullet">
                {forecast.waitingFor.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {hr1 ? <WarningText testId="hr1-reminder">{hr1}</WarningText> : null}
    </>
  );
}
