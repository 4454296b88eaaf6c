/**
 * GET /api/v1/{dataset}.csv: one CSV file per dataset, for every published consultation or for
 * one (`?consultation=slug`), streamed. Any other name under /api/v1/ is a JSON 404.
 */
import { ApiError, apiAction, apiLoader, urlFor } from "~/open-data/http.server";
import { csvResponse } from "~/open-data/export.server";

export const loader = apiLoader(({ request, params, context }) => {
  const file = params.file ?? "";
  if (!file.endsWith(".csv")) throw new ApiError(404, "There is nothing at this address. The API is described at /api/v1/openapi.json.");
  return csvResponse(request, file.slice(0, -".csv".length), urlFor(request), context);
});

export const action = apiAction;
