/**
 * GOV.UK error summary: above the page heading, titled "There is a problem", one link per
 * error to the field that needs fixing. It takes focus when it appears so that screen reader
 * and keyboard users learn straight away that the form was not accepted, and while it shows
 * the page's title starts "Error: " (in the page's language).
 */
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

export type ErrorSummaryItem = {
  /** id of the input to link to, without "#" (radios, checkboxes, dates: the first input);
   * none when the problem is not with a field (the item is then plain text) */
  field?: string;
  message: string;
};

/**
 * GOV.UK: a page showing errors has a title starting "Error: ". Without JavaScript the server
 * sends it (entry.server.tsx marks a refused post, pageTitle() writes it); with JavaScript a
 * refused form is a data request, or never leaves the browser, and meta() cannot see either,
 * so the title is corrected here. The error summary calls it; call it directly only for
 * errors shown without a summary.
 */
export function useErrorTitle(hasErrors: boolean) {
  const { t } = useTranslation();
  const prefix = `${t("errors.errorPrefix")} `;
  useEffect(() => {
    if (!hasErrors || document.title.startsWith(prefix)) return;
    const base = document.title;
    const marked = `${prefix}${base}`;
    document.title = marked;
    return () => {
      // Only undo our own change: after a navigation the title is already the next page's.
      if (document.title === marked) document.title = base;
    };
  }, [hasErrors, prefix]);
}

export function ErrorSummary({
  errors,
  focusKey,
  title = "There is a problem",
  children,
}: {
  errors: ErrorSummaryItem[];
  /** change this (for example, to each new submission result) to move focus here again
   * while the summary is already showing */
  focusKey?: unknown;
  title?: string;
  /** more to say below the list, such as what to do next */
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0;
  useErrorTitle(shown);

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
              <li key={`${e.field ?? ""}:${e.message}`}>
                {e.field ? (
                  <a href={`#${e.field}`} onClick={focusField}>
                    {e.message}
                  </a>
                ) : (
                  e.message
                )}
              </li>
            ))}
          </ul>
          {children}
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
