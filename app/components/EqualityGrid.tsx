/**
 * The equality impact assessment as a grid: one row per protected characteristic (the nine
 * statutory ones and the council's local ones), each with its rating in words, the evidence,
 * and what the council will do: the mitigation that addresses it, the justification for a
 * negative impact it accepts, or how it will gather the evidence it lacks.
 */
import type { EqualityRating } from "#db/schema";
import { EQUALITY_RATING_LABELS } from "~/proposals/labels";
import type { EqualityRowView } from "./proposal-view-model";
import { useTranslation } from "~/i18n/react";
import { Content } from "~/i18n/rich";
import { CharacteristicName } from "./content-words";

/** The form's own words for each rating (proposals/labels.ts), with the tag's colour. */
export const RATING_TAGS: Record<EqualityRating, { label: string; colour: string }> = EQUALITY_RATING_LABELS;

/** A rating's word in the page's language (the form's own words in English). */
export function useRatingLabel(): (rating: EqualityRating | null | "none") => string {
  const { t } = useTranslation();
  return (rating) => (rating && rating !== "none" ? t(`sitePages.equality.ratings.${rating}`) : t("sitePages.equality.notAssessed"));
}

export function RatingTag({ rating }: { rating: EqualityRating | null }) {
  const label = useRatingLabel();
  if (!rating) return <strong className="govuk-tag govuk-tag--grey">{label(null)}</strong>;
  const tag = RATING_TAGS[rating];
  return <strong className={`govuk-tag govuk-tag--${tag.colour}`}>{label(rating)}</strong>;
}

export function EqualityGrid({ rows, caption, id }: { rows: EqualityRowView[]; caption?: string; id?: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="govuk-body app-not-provided">{t("sitePages.equality.none")}</p>;
  const captionId = `${id ?? "equality-grid"}-caption`;
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="govuk-table app-equality-grid app-table--reflow" id={id}>
        <caption className="govuk-table__caption govuk-table__caption--s" id={captionId}>
          {caption ?? t("sitePages.equality.caption")}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {t("sitePages.equality.characteristic")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sitePages.equality.impact")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sitePages.equality.evidence")}
            </th>
            <th scope="col" className="govuk-table__header">
              {t("sitePages.equality.councilWillDo")}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr key={row.id} id={row.anchor} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                <CharacteristicName characteristic={row.key} label={row.label} />
              </th>
              <td className="govuk-table__cell govuk-table__cell--rating" data-label={t("sitePages.equality.impact")}>
                <RatingTag rating={row.rating} />
              </td>
              <td className="govuk-table__cell" data-label={t("sitePages.equality.evidence")}>
                {row.evidence ? <Content>{row.evidence}</Content> : <span className="app-not-provided">{t("sitePages.equality.noEvidence")}</span>}
              </td>
              <td className="govuk-table__cell" data-label={t("sitePages.equality.councilWillDo")}>
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
  const { t } = useTranslation();
  const parts = [];
  if (row.mitigations.length > 0) {
    parts.push(
      <p key="m" className="govuk-body govuk-!-margin-bottom-1">
        {row.mitigations.map((m, i) => (
          <span key={m.ref}>
            {i > 0 ? ", " : null}
            <a className="govuk-link" href={`#${m.anchor}`}>
              {t("sitePages.risks.mitigationRef", { ref: m.ref })}
            </a>
          </span>
        ))}
      </p>,
    );
  }
  if (row.justification) {
    parts.push(
      <p key="j" className="govuk-body govuk-!-margin-bottom-1">
        <strong>{t("sitePages.equality.justified")}</strong> <Content>{row.justification}</Content>
      </p>,
    );
  }
  if (row.evidenceAction) {
    parts.push(
      <p key="e" className="govuk-body govuk-!-margin-bottom-1">
        <strong>{t("sitePages.equality.findOut")}</strong> <Content>{row.evidenceAction}</Content>
      </p>,
    );
  }
  if (parts.length === 0) {
    const none = row.rating === "negative" || row.rating === "unknown" || row.rating == null ? t("sitePages.equality.nothingRecorded") : t("sitePages.equality.noAction");
    parts.push(
      <span key="n" className="app-not-provided">
        {none}
      </span>,
    );
  }
  return <>{parts}</>;
}
