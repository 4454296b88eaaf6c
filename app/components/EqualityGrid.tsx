/**
 * The equality impact assessment as a grid: one row per protected characteristic (the nine
 * statutory ones and the council's local ones), each with its rating in words, the evidence,
 * and what the council will do: the mitigation that addresses it, the justification for a
 * negative impact it accepts, or how it will gather the evidence it lacks.
 */
import type { EqualityRating } from "#db/schema";
import { EQUALITY_RATING_LABELS } from "~/proposals/labels";
import type { EqualityRowView } from "./proposal-view-model";

/** The form's own words for each rating (proposals/labels.ts), with the tag's colour. */
export const RATING_TAGS: Record<EqualityRating, { label: string; colour: string }> = EQUALITY_RATING_LABELS;

export function RatingTag({ rating }: { rating: EqualityRating | null }) {
  if (!rating) return <strong className="govuk-tag govuk-tag--grey">Not assessed</strong>;
  const tag = RATING_TAGS[rating];
  return <strong className={`govuk-tag govuk-tag--${tag.colour}`}>{tag.label}</strong>;
}

export function EqualityGrid({ rows, caption = "Impact on each protected characteristic", id }: { rows: EqualityRowView[]; caption?: string; id?: string }) {
  if (rows.length === 0) return <p className="govuk-body app-not-provided">The equality impact has not been assessed.</p>;
  const captionId = `${id ?? "equality-grid"}-caption`;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="govuk-table app-equality-grid app-table--reflow" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--s" id={captionId}>
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Characteristic
            </th>
            <th scope="col" className="govuk-table__header">
              Impact
            </th>
            <th scope="col" className="govuk-table__header">
              Evidence
            </th>
            <th scope="col" className="govuk-table__header">
              What the council will do
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr key={row.id} id={row.anchor} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                {row.label}
              </th>
              <td className="govuk-table__cell govuk-table__cell--rating" data-label="Impact">
                <RatingTag rating={row.rating} />
              </td>
              <td className="govuk-table__cell" data-label="Evidence">{row.evidence || <span className="app-not-provided">No evidence given</span>}</td>
              <td className="govuk-table__cell" data-label="What the council will do">
                <EqualityResponse row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EqualityResponse({ row }: { row: EqualityRowView }) {
  const parts = [];
  if (row.mitigations.length > 0) {
    parts.push(
      <p key="m" className="govuk-body govuk-!-margin-bottom-1">
        {row.mitigations.map((m, i) => (
          <span key={m.ref}>
            {i > 0 ? ", " : null}
            <a className="govuk-link" href={`#${m.anchor}`}>
              {m.text}
            </a>
          </span>
        ))}
      </p>,
    );
  }
  if (row.justification) {
    parts.push(
      <p key="j" className="govuk-body govuk-!-margin-bottom-1">
        <strong>Why the council considers this justified:</strong> {row.justification}
      </p>,
    );
  }
  if (row.evidenceAction) {
    parts.push(
      <p key="e" className="govuk-body govuk-!-margin-bottom-1">
        <strong>How the council will find out:</strong> {row.evidenceAction}
      </p>,
    );
  }
  if (parts.length === 0) {
    const none = row.rating === "negative" || row.rating === "unknown" || row.rating == null ? "Nothing recorded" : "No action needed";
    parts.push(
      <span key="n" className="app-not-provided">
        {none}
      </span>,
    );
  }
  return <>{parts}</>;
}
