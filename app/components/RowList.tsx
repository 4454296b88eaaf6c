/**
 * A section made of rows (options, risks, dependencies, mitigations, questions): each row as a
 * summary card with a Change link, then "Add another" and "Continue" (GOV.UK "add another").
 */
import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { SectionNeeds } from "./SectionForm";
import { SummaryCard, SummaryList, type SummaryListRow } from "./SummaryList";

export type RowCard = { key: string | number; title: string; rows: SummaryListRow[]; changeHref: string; changeLabel: string };

export function RowListPage({
  caption,
  heading,
  intro,
  cards,
  emptyText,
  addHref,
  addText,
  continueHref,
  backHref,
  needs,
}: {
  caption: string;
  heading: string;
  intro?: ReactNode;
  cards: RowCard[];
  emptyText: string;
  addHref: string | null;
  addText: string;
  continueHref: string;
  backHref: string;
  needs: { message: string; href: string }[];
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={backHref} className="govuk-back-link">
          Back to the task list
        </Link>
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{heading}</h1>
        {intro}
        <SectionNeeds items={needs} />
        {cards.length === 0 ? <p className="govuk-body">{emptyText}</p> : null}
        {cards.map((card) => (
          <SummaryCard key={card.key} title={card.title} changeHref={card.changeHref} changeLabel={card.changeLabel}>
            <SummaryList rows={card.rows} />
          </SummaryCard>
        ))}
        <div className="govuk-button-group">
          {addHref ? (
            <Link to={addHref} draggable={false} className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {addText}
            </Link>
          ) : null}
          <Link to={continueHref} draggable={false} className="govuk-button" data-module="govuk-button">
            Continue
          </Link>
        </div>
      </div>
    </div>
  );
}
