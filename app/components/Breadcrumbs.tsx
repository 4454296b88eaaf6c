/** GOV.UK breadcrumbs and back link. Use one or the other on a page, not both. */
import { Link } from "@remix-run/react";

export type Crumb = { href: string; text: string };

export function Breadcrumbs({ items, className }: { items: Crumb[]; className?: string }) {
  return (
    <nav className={`govuk-breadcrumbs${className ? ` ${className}` : ""}`} aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li key={item.href} className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to={item.href}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function BackLink({ href, text = "Back" }: { href: string; text?: string }) {
  return (
    <Link to={href} className="govuk-back-link">
      {text}
    </Link>
  );
}
