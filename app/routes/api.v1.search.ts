/** GET /api/v1/search?q=: the public search as JSON (the same results as /search). */
import { apiAction, apiJson, apiLoader, urlFor } from "~/open-data/http.server";
import { searchJson } from "~/search/json.server";

export const loader = apiLoader(({ request }, url) => apiJson(request, searchJson(url, urlFor(request))));

export const action = apiAction;
