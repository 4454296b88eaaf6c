/**
 * A union's confidential feedback and the council's answers, oldest first. Plain text (React
 * escapes it), line breaks kept, shown as written in whatever language it was written in.
 * `answerSlot` lets the officers' page put a form under each item.
 */
import type { ReactNode } from "react";
import { useFormat, useTranslation } from "~/i18n/react";
import type { ThreadItem } from "./notices.server";

const textStyle = { whiteSpace: "pre-wrap" as const, overflowWrap: "anywhere" as const };

export function FeedbackThread({ items, answerSlot, emptyText }: { items: ThreadItem[]; answerSlot?: (item: ThreadItem) => ReactNode; emptyText: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!items.length) return <p className="govuk-body">{emptyText}</p>;
  return (
    <ol className="govuk-list" data-testid="feedback-thread">
      {items.map((item) => (
        <li key={item.id} className="govuk-!-margin-bottom-6" id={`feedback-${item.id}`}>
          <div className="govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-2">
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              <strong data-as-written="">{item.author}</strong>, {format.dateTime(item.at)}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-0" style={textStyle} data-as-written="">
              {item.body}
            </p>
          </div>
          {item.answers.map((a) => (
            <div key={a.id} className="govuk-!-margin-left-6 govuk-!-margin-bottom-2" data-testid="feedback-answer">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <strong className="govuk-tag govuk-tag--green govuk-!-margin-right-1">{t("repPages.feedback.councilAnswer")}</strong> <span data-as-written="">{a.author}</span>, {format.dateTime(a.at)}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-0" style={textStyle} data-as-written="">
                {a.body}
              </p>
            </div>
          ))}
          {!item.answers.length ? (
            <p className="govuk-body-s govuk-!-margin-left-6">
              <strong className="govuk-tag govuk-tag--yellow">{t("repPages.feedback.waiting")}</strong>
            </p>
          ) : null}
          {answerSlot ? answerSlot(item) : null}
        </li>
      ))}
    </ol>
  );
}
