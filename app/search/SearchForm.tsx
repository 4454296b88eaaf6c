/**
 * The search box: a GET form to /search that works without JavaScript. On the list pages it is
 * the words alone; on the search page it also has the status and service filters.
 */
import { Link } from "@remix-run/react";
import type { ProposalState } from "#db/schema";
import { StateTag } from "~/components/StateTag";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";

export const SEARCHABLE_STATES = ["open", "closed", "outcome_published", "decided", "withdrawn"] as const satisfies readonly ProposalState[];

export function SearchForm({
  q = "",
  filters,
}: {
  q?: string;
  filters?: { status: string; service: string; services: { slug: string; name: string }[] };
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const contentLang = useContentLang();
  return (
    <form method="get" action="/search" role="search" className="app-search">
      {lang !== "en" ? <input type="hidden" name="lang" value={lang} /> : null}
      <div className="govuk-form-group govuk-!-margin-bottom-3">
        <label className="govuk-label govuk-label--s" htmlFor="search-q">
          {t("search.label")}
        </label>
        <div className="govuk-hint" id="search-q-hint">
          {t("search.hint")}
        </div>
        <input className="govuk-input govuk-!-width-two-thirds" id="search-q" name="q" type="search" defaultValue={q} maxLength={200} aria-describedby="search-q-hint" spellCheck={false} />
      </div>
      {filters ? (
        <div className="app-search__filters">
          <div className="govuk-form-group govuk-!-margin-bottom-3">
            <label className="govuk-label" htmlFor="search-status">
              {t("search.status")}
            </label>
            <select className="govuk-select" id="search-status" name="status" defaultValue={filters.status}>
              <option value="">{t("search.any")}</option>
              {SEARCHABLE_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`states.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-form-group govuk-!-margin-bottom-3">
            <label className="govuk-label" htmlFor="search-service">
              {t("search.service")}
            </label>
            <select className="govuk-select" id="search-service" name="service" defaultValue={filters.service}>
              <option value="">{t("search.any")}</option>
              {filters.services.map((s) => (
                <option key={s.slug} value={s.slug} lang={contentLang}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <button type="submit" className="govuk-button govuk-!-margin-bottom-6" data-module="govuk-button">
        {t("search.button")}
      </button>
    </form>
  );
}

/** A snippet with the matched words marked (text only: nothing here is HTML). */
/** `lang`: a consultation's own English on a page in another language; `asWritten`: a comment, shown as written. */
export function Snippet({ parts, lang, asWritten = false }: { parts: { text: string; match: boolean }[]; lang?: string; asWritten?: boolean }) {
  if (parts.length === 0) return null;
  return (
    <p className="govuk-body app-search__snippet" lang={lang} data-as-written={asWritten ? "" : undefined}>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

/** Consultations found: title, status, service and the best matching passage. */
export function ConsultationHits({
  hits,
  heading: Heading = "h3",
  testId,
}: {
  hits: { key: string | number; title: string; href: string; state: ProposalState; serviceName: string; snippet: { text: string; match: boolean }[] }[];
  heading?: "h2" | "h3";
  testId?: string;
}) {
  const localHref = useLocalHref();
  const contentLang = useContentLang();
  return (
    <ul className="app-consultation-list" data-testid={testId}>
      {hits.map((c) => (
        <li key={c.key} className="app-consultation-list__item">
          <Heading className="govuk-heading-m app-consultation-list__title">
            <Link className="govuk-link" to={localHref(c.href)} lang={contentLang}>
              {c.title}
            </Link>
          </Heading>
          <ul className="app-consultation-list__meta">
            <li>
              <StateTag state={c.state} />
            </li>
            <li lang={contentLang}>{c.serviceName}</li>
          </ul>
          <Snippet parts={c.snippet} lang={contentLang} />
        </li>
      ))}
    </ul>
  );
}
