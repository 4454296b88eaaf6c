/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the open data. */
import { apiAction, apiJson, apiLoader } from "~/open-data/http.server";
import { openApiDocument } from "~/open-data/openapi";

export const loader = apiLoader(({ request }, url) => apiJson(request, openApiDocument(url.origin)));

export const action = apiAction;
