/** GOV.UK breadcrumbs and back link. Use one or the other on a page, not both. */
import { Link } from "@remix-run/react";
import { useLocalHref, useTranslation } from "~/i18n/react";

/** `lang`: the council's own words (a consultation's title) on a page in another language. */
export type Crumb = { href: string; text: string; lang?: string };

export function Breadcrumbs({ items, className }: { items: Crumb[]; className?: string }) {
  const { t } = useTranslation();
  const localHref = useLocalHref();
  return (
    <nav className={`govuk-breadcrumbs${className ? ` ${className}` : ""}`} aria-label={t("common.breadcrumb")}>
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li key={item.href} className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to={localHref(item.href)} lang={item.lang}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function BackLink({ href, text }: { href: string; text?: string }) {
  const { t } = useTranslation();
  const localHref = useLocalHref();
  return (
    <Link to={localHref(href)} className="govuk-back-link">
      {text ?? t("common.back")}
    </Link>
  );
}
