/**
 * GOV.UK pagination for a list split over pages: "Previous" and "Next" with numbered pages
 * between, the current one marked with aria-current, gaps shown as an ellipsis.
 * Renders nothing when there is only one page.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** Page numbers to show: first, last, the current one and its neighbours; null marks a gap. */
export function pageItems(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const items: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1] > 1) items.push(n - sorted[i - 1] === 2 ? n - 1 : null);
    items.push(n);
  });
  return items;
}

export function Pagination({ page, pages, hrefFor, label = "Pages" }: { page: number; pages: number; hrefFor: (page: number) => string; label?: string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <svg className="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z" />
            </svg>
            <span className="govuk-pagination__link-title">
              {t("pagination.previous")}<span className="govuk-visually-hidden">{t("pagination.pageSuffix")}</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageItems(page, pages).map((n, i) =>
          n == null ? (
            <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              &ctdot;
            </li>
          ) : (
            <li key={n} className={`govuk-pagination__item${n === page ? " govuk-pagination__item--current" : ""}`}>
              <Link className="govuk-link govuk-pagination__link" to={hrefFor(n)} aria-label={t("pagination.page", { n })} aria-current={n === page ? "page" : undefined}>
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              {t("pagination.next")}<span className="govuk-visually-hidden">{t("pagination.pageSuffix")}</span>
            </span>
            <svg className="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
              <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z" />
            </svg>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
