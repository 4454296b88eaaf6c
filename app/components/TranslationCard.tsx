/**
 * One translation as staff check it (issue 14, item 2): a GOV.UK summary card with the
 * translator, the date, who entered it, the summary and the questions in the language (marked
 * with `lang` and `dir`), and those left in English. On the translations page each row has its
 * Change link and the card a Remove link; on the approver's review it is read only.
 */
import { Link } from "@remix-run/react";
import type { TranslationCardData } from "~/proposals/translations.server";
import { formatDate } from "./format";
import { Markdown } from "./Markdown";
import { SummaryList, type SummaryListAction } from "./SummaryList";

export function TranslationCard({ tr, changeHref, removeHref }: { tr: TranslationCardData; changeHref?: (part: "translator" | "date" | "summary" | "questions") => string; removeHref?: string }) {
  const change = (part: "translator" | "date" | "summary" | "questions", what: string): SummaryListAction[] | undefined =>
    changeHref ? [{ href: changeHref(part), text: "Change", visuallyHiddenText: what }] : undefined;
  return (
    <div className="govuk-summary-card" data-testid={`translation-${tr.language}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{tr.label}</h2>
        {removeHref ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={removeHref}>
                Remove<span className="govuk-visually-hidden"> the {tr.name} translation</span>
              </Link>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList
          rows={[
            { key: "Translated by", value: tr.translatorName, actions: change("translator", `who translated the ${tr.name}`) },
            { key: "Date translated", value: formatDate(tr.translatedOn), actions: change("date", `the date of the ${tr.name} translation`) },
            { key: "Entered by", value: tr.enteredAt ? `${tr.enteredBy}, ${formatDate(tr.enteredAt)}` : tr.enteredBy },
            {
              key: "Summary",
              value: (
                <div lang={tr.language} dir={tr.dir}>
                  <Markdown html={tr.summaryHtml} />
                </div>
              ),
              actions: change("summary", `the ${tr.name} summary`),
            },
            {
              key: "Questions",
              value: (
                <>
                  <p className="govuk-body">
                    {tr.covers.questions} of {tr.covers.ofQuestions} translated
                  </p>
                  <ol className="govuk-list govuk-list--number">
                    {tr.questions.map((q) => (
                      <li key={q.number}>
                        {q.translated ? (
                          <span lang={tr.language} dir={tr.dir}>
                            {q.translated}
                          </span>
                        ) : (
                          <>
                            {q.english} <strong className="govuk-tag govuk-tag--grey">In English</strong>
                          </>
                        )}
                      </li>
                    ))}
                  </ol>
                </>
              ),
              actions: change("questions", `the ${tr.name} questions`),
            },
          ]}
        />
      </div>
    </div>
  );
}
