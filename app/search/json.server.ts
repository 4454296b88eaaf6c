/** The public search as open data: the same results as the /search page, in JSON. */
import { ApiError, checkParameters, parseStatuses } from "~/open-data/params";
import { LICENCE, type UrlFor } from "~/open-data/record";
import { snippetHtml, snippetText } from "./query";
import { MAX_PAGE, searchPublic, servicesWithPublicConsultations } from "./search.server";

export const SEARCH_PARAMETERS = ["q", "status", "service", "page"] as const;

export function searchJson(url: URL, urlFor: UrlFor) {
  const params = url.searchParams;
  checkParameters(params, SEARCH_PARAMETERS, ["status"]);
  const q = params.get("q");
  if (q == null || !q.trim()) throw new ApiError(400, `Give the words to search for as "q", for example ?q=waiting+times.`);
  const states = parseStatuses(params.getAll("status"));
  const service = params.get("service") ?? undefined;
  if (service != null && !servicesWithPublicConsultations().some((s) => s.slug === service)) {
    throw new ApiError(400, `Unknown service "${service.slice(0, 40)}". Services are: ${servicesWithPublicConsultations().map((s) => s.slug).join(", ")}.`);
  }
  const page = params.get("page");
  if (page != null && (!/^\d{1,3}$/.test(page) || Number(page) < 1 || Number(page) > MAX_PAGE)) throw new ApiError(400, `"page" must be a whole number from 1 to ${MAX_PAGE}.`);
  const results = searchPublic({ q, filters: { states, serviceSlug: service }, page: page ? Number(page) : 1 });
  const next = results.comments.page < results.comments.pages ? new URL(url) : null;
  next?.searchParams.set("page", String(results.comments.page + 1));
  return {
    query: { q: q.slice(0, 200), terms: results.terms, matched: results.matched, status: states ?? null, service: service ?? null },
    consultations: results.consultations.map((c) => ({
      slug: c.slug,
      title: c.title,
      status: c.state,
      service: { slug: c.serviceSlug, name: c.serviceName },
      snippet: snippetText(c.snippet),
      snippetHtml: snippetHtml(c.snippet),
      links: { html: urlFor(c.href), self: urlFor(`/api/v1/consultations/${encodeURIComponent(c.slug)}`) },
    })),
    comments: {
      total: results.comments.total,
      page: results.comments.page,
      pages: results.comments.pages,
      data: results.comments.hits.map((c) => ({
        id: c.id,
        consultation: c.consultation,
        author: c.author,
        official: c.official,
        createdAt: c.createdAt,
        snippet: snippetText(c.snippet),
        snippetHtml: snippetHtml(c.snippet),
        links: { html: urlFor(c.href) },
      })),
    },
    links: { self: url.toString(), next: next ? urlFor(next.pathname + next.search) : null, html: urlFor(`/search${url.search}`) },
    licence: LICENCE,
  };
}
