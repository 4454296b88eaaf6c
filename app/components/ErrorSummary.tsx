/**
 * GOV.UK error summary: above the page heading, titled "There is a problem", one link per
 * error to the field that needs fixing. It takes focus when it appears so that screen reader
 * and keyboard users learn straight away that the form was not accepted.
 */
import { useEffect, useRef, type MouseEvent } from "react";

export type ErrorSummaryItem = {
  /** id of the input to link to, without "#" (radios, checkboxes, dates: the first input) */
  field: string;
  message: string;
};

export function ErrorSummary({
  errors,
  focusKey,
  title = "There is a problem",
}: {
  errors: ErrorSummaryItem[];
  /** change this (for example, to each new submission result) to move focus here again
   * while the summary is already showing */
  focusKey?: unknown;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;

  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, focusKey]);

  if (!shown) return null;

  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                <a href={`#${e.field}`} onClick={focusField}>
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * Following a fragment link scrolls but does not focus the input, and can hide its label
 * under the top of the window; focus the input and bring its label or legend into view.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const id = decodeURIComponent(event.currentTarget.hash.slice(1));
  const input = id ? document.getElementById(id) : null;
  if (!input) return;
  event.preventDefault();
  const legend = input.closest("fieldset")?.querySelector("legend");
  const label = legend ?? Array.from(document.querySelectorAll("label")).find((l) => l.htmlFor === id);
  (label ?? input).scrollIntoView?.();
  input.focus({ preventScroll: true });
}
