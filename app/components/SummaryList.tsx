/**
 * GOV.UK summary list: key–value rows, optionally with actions ("Change" links on a
 * check-answers page). Each action's visually hidden text names what it changes, so that a
 * screen reader hears "Change summary", not a row of identical "Change" links.
 */
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";

export type SummaryListAction = { href: string; text: string; visuallyHiddenText?: string };

export type SummaryListRow = {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
};

export function SummaryList({ rows, noBorder = false, className }: { rows: SummaryListRow[]; noBorder?: boolean; className?: string }) {
  const anyActions = rows.some((r) => r.actions && r.actions.length > 0);
  const classes = ["govuk-summary-list", noBorder ? "govuk-summary-list--no-border" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <dl className={classes}>
      {rows.map((row, i) => {
        const actions = row.actions ?? [];
        return (
          <div key={i} className={`govuk-summary-list__row${anyActions && actions.length === 0 ? " govuk-summary-list__row--no-actions" : ""}`}>
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {actions.length === 1 ? (
              <dd className="govuk-summary-list__actions">
                <ActionLink action={actions[0]} />
              </dd>
            ) : actions.length > 1 ? (
              <dd className="govuk-summary-list__actions">
                <ul className="govuk-summary-list__actions-list">
                  {actions.map((action) => (
                    <li key={action.href} className="govuk-summary-list__actions-list-item">
                      <ActionLink action={action} />
                    </li>
                  ))}
                </ul>
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <Link className="govuk-link" to={action.href}>
      {action.text}
      {action.visuallyHiddenText ? <span className="govuk-visually-hidden"> {action.visuallyHiddenText}</span> : null}
    </Link>
  );
}

/** GOV.UK summary card: a titled box with a "Change" link, around a summary list or any content. */
export function SummaryCard({ title, changeHref, changeLabel, children }: { title: ReactNode; changeHref: string; changeLabel: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{title}</h2>
        <ul className="govuk-summary-card__actions">
          <li className="govuk-summary-card__action">
            <Link className="govuk-link" to={changeHref}>
              Change<span className="govuk-visually-hidden"> {changeLabel}</span>
            </Link>
          </li>
        </ul>
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </div>
  );
}
