/** GET /api/v1/consultations/:slug: everything public about one consultation. Hidden and missing answer the same 404. */
import { apiAction, apiJson, apiLoader, urlFor } from "~/open-data/http.server";
import { consultationDetail, requirePublicConsultation } from "~/open-data/consultations.server";
import { checkParameters } from "~/open-data/params";

export const loader = apiLoader(({ request, params }, url) => {
  const proposal = requirePublicConsultation(params.slug ?? "");
  checkParameters(url.searchParams, []);
  const detail = consultationDetail(proposal, urlFor(request));
  return apiJson(request, detail.body, { lastModified: detail.lastModified });
});

export const action = apiAction;
