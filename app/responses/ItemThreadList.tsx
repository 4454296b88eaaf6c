/**
 * Under a table of risks, services affected, mitigations or equality rows: each row's comment
 * thread and how many comments it has, so a resident can go straight to the discussion of the
 * one risk they care about. In the page's language; a service's or characteristic's own name
 * is the council's content.
 */
import { Link } from "@remix-run/react";
import { useContentLang, useLocalHref, useTranslation } from "~/i18n/react";
import { targetWords } from "./targets";
import type { ThreadLink } from "./types";

export function ItemThreadList({ heading, links, id }: { heading: string; links: ThreadLink[]; id: string }) {
  const { t } = useTranslation();
  const href = useLocalHref();
  const contentLang = useContentLang();
  if (links.length === 0) return null;
  return (
    <div className="app-thread-links">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2" id={id}>
        {heading}
      </h3>
      <ul className="govuk-list" aria-labelledby={id}>
        {links.map((l) => {
          const w = l.type ? targetWords(l.type, { title: l.label, code: l.code ?? undefined }, t) : { title: l.label, titleIsContent: true };
          return (
            <li key={l.id}>
              <Link className="govuk-link" to={href(l.href)}>
                <span className="govuk-visually-hidden">{t("commentPages.rowThreads.commentsOn")}</span> {w.titleIsContent && !l.labelTranslated ? <span lang={contentLang}>{w.title}</span> : w.title}
              </Link>{" "}
              <span className="app-thread-links__count">({t("commentPages.rowThreads.count", { count: l.count })})</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
