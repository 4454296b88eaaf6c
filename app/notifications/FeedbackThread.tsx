/**
 * A union's confidential feedback and the council's answers, oldest first. Plain text (React
 * escapes it), line breaks kept. `answerSlot` lets the officers' page put a form under each item.
 */
import type { ReactNode } from "react";
import { formatDateTime } from "~/components/format";
import type { ThreadItem } from "./notices.server";

const textStyle = { whiteSpace: "pre-wrap" as const, overflowWrap: "anywhere" as const };

export function FeedbackThread({ items, answerSlot, emptyText }: { items: ThreadItem[]; answerSlot?: (item: ThreadItem) => ReactNode; emptyText: string }) {
  if (!items.length) return <p className="govuk-body">{emptyText}</p>;
  return (
    <ol className="govuk-list" data-testid="feedback-thread">
      {items.map((item) => (
        <li key={item.id} className="govuk-!-margin-bottom-6" id={`feedback-${item.id}`}>
          <div className="govuk-inset-text govuk-!-margin-top-0 govuk-!-margin-bottom-2">
            <p className="govuk-body-s govuk-!-margin-bottom-1">
              <strong>{item.author}</strong>, {formatDateTime(item.at)}
            </p>
            <p className="govuk-body govuk-!-margin-bottom-0" style={textStyle}>
              {item.body}
            </p>
          </div>
          {item.answers.map((a) => (
            <div key={a.id} className="govuk-!-margin-left-6 govuk-!-margin-bottom-2" data-testid="feedback-answer">
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                <strong className="govuk-tag govuk-tag--green govuk-!-margin-right-1">Council answer</strong> {a.author}, {formatDateTime(a.at)}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-0" style={textStyle}>
                {a.body}
              </p>
            </div>
          ))}
          {!item.answers.length ? (
            <p className="govuk-body-s govuk-!-margin-left-6">
              <strong className="govuk-tag govuk-tag--yellow">Waiting for an answer</strong>
            </p>
          ) : null}
          {answerSlot ? answerSlot(item) : null}
        </li>
      ))}
    </ol>
  );
}
