/** GET /api/v1/consultations: published consultations, filtered, a page at a time (keyset, with a `next` link). */
import { apiAction, apiJson, apiLoader, urlFor } from "~/open-data/http.server";
import { listConsultations } from "~/open-data/consultations.server";
import { parseListParameters } from "~/open-data/params";

export const loader = apiLoader(({ request }, url) => {
  const params = parseListParameters(url.searchParams);
  const page = listConsultations(params, urlFor(request), url.toString());
  return apiJson(request, page.body, { lastModified: page.lastModified, headers: page.next ? { Link: `<${page.next}>; rel="next"` } : {} });
});

export const action = apiAction;
