/**
 * /search: one box across published consultations and published comments, ranked, with the
 * matched words highlighted, filtered by status and service. The same results are at
 * /api/v1/search as JSON. Bad filters are ignored here (a person typed them); the JSON refuses them.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/format";
import { languageOfUrl } from "~/i18n/languages";
import { translator } from "~/i18n/i18n";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { AsWritten, Content, useRichTranslation } from "~/i18n/rich";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/Pagination";
import { ConsultationHits, SEARCHABLE_STATES, SearchForm, Snippet } from "~/search/SearchForm";
import { searchPublic, servicesWithPublicConsultations } from "~/search/search.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 200);
  const statusParam = url.searchParams.get("status") ?? "";
  const status = (SEARCHABLE_STATES as readonly string[]).includes(statusParam) ? statusParam : "";
  const services = servicesWithPublicConsultations();
  const serviceParam = url.searchParams.get("service") ?? "";
  const service = services.some((s) => s.slug === serviceParam) ? serviceParam : "";
  const pageParam = url.searchParams.get("page");
  const page = pageParam && /^\d{1,3}$/.test(pageParam) ? Number(pageParam) : 1;
  const results = q.trim() ? searchPublic({ q, filters: { states: status ? [status as (typeof SEARCHABLE_STATES)[number]] : undefined, serviceSlug: service || undefined }, page }) : null;
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (status) query.set("status", status);
  if (service) query.set("service", service);
  return { q, status, service, services, results, query: query.toString(), lang: languageOfUrl(url) };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(data?.lang ?? "en");
  const title = data?.q ? t("sitePages.search.resultsFor", { q: data.q }) : t("sitePages.search.heading");
  const tags: ReturnType<MetaFunction> = [{ title: pageTitle(matches, title) }];
  if (data?.q) tags.push({ tagName: "link", rel: "alternate", type: "application/json", href: `/api/v1/search?${data.query}`, title: t("sitePages.search.json") });
  return tags;
};

export default function Search() {
  const { q, status, service, services, results, query } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  const localHref = useLocalHref();
  const contentLang = useContentLang();
  const hrefFor = (page: number) => localHref(`/search?${query}${page > 1 ? `&page=${page}` : ""}`);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("sitePages.search.heading")}</h1>
        <SearchForm q={q} filters={{ status, service, services }} />
        {results ? (
          <>
            <p className="govuk-body" role="status">
              {results.terms.length === 0
                ? t("sitePages.search.typeWords")
                : results.matched === "any"
                  ? t("sitePages.search.foundSome", { consultations: results.consultations.length, comments: results.comments.total })
                  : t("sitePages.search.found", { consultations: results.consultations.length, comments: results.comments.total })}
            </p>
            {results.consultations.length > 0 ? (
              <>
                <h2 className="govuk-heading-l">{t("sitePages.search.consultations")}</h2>
                <ConsultationHits hits={results.consultations.map((c) => ({ ...c, key: c.slug }))} testId="consultation-results" />
              </>
            ) : null}
            {results.comments.hits.length > 0 ? (
              <>
                <h2 className="govuk-heading-l">{t("sitePages.search.comments")}</h2>
                <ul className="app-consultation-list" data-testid="comment-results">
                  {results.comments.hits.map((c) => (
                    <li key={c.id} className="app-consultation-list__item">
                      <h3 className="govuk-heading-s app-consultation-list__title">
                        <Link className="govuk-link" to={localHref(c.href)}>
                          {rt(c.official ? "sitePages.search.officialBy" : "sitePages.search.commentBy", {
                            name: (
                              <AsWritten>
                                {c.author.name}
                                {c.author.capacity && !c.official ? ` (${c.author.capacity})` : ""}
                              </AsWritten>
                            ),
                            date: formatDate(c.createdAt, lang),
                          })}
                        </Link>
                      </h3>
                      <p className="govuk-body-s govuk-!-margin-bottom-1">{rt("sitePages.search.on", { title: <Content>{c.consultation.title}</Content> })}</p>
                      <Snippet parts={c.snippet} asWritten />
                    </li>
                  ))}
                </ul>
                <Pagination page={results.comments.page} pages={results.comments.pages} hrefFor={hrefFor} label={t("sitePages.search.pages")} />
              </>
            ) : null}
            {results.terms.length > 0 ? (
              <p className="govuk-body">
                <a className="govuk-link" href={`/api/v1/search?${query}`}>
                  {t("sitePages.search.json")}
                </a>{" "}
                {rt("sitePages.search.see", {
                  link: (
                    <Link className="govuk-link" to={localHref("/open-data")}>
                      {t("sitePages.search.openData")}
                    </Link>
                  ),
                })}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
