/** GET /api/v1/consultations/:slug/comments: its published comments, oldest first, a page at a time. */
import { apiAction, apiJson, apiLoader, urlFor } from "~/open-data/http.server";
import { consultationComments, requirePublicConsultation } from "~/open-data/consultations.server";
import { checkParameters, decodeCursor, parseLimit } from "~/open-data/params";

export const loader = apiLoader(({ request, params }, url) => {
  const proposal = requirePublicConsultation(params.slug ?? "");
  checkParameters(url.searchParams, ["limit", "cursor"]);
  const page = consultationComments(proposal, { afterId: decodeCursor(url.searchParams.get("cursor")), limit: parseLimit(url.searchParams.get("limit"), 500, 100) }, urlFor(request), url.toString());
  return apiJson(request, page.body, { lastModified: page.lastModified, headers: page.next ? { Link: `<${page.next}>; rel="next"` } : {} });
});

export const action = apiAction;
