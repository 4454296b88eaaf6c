/** Any other address under /api/v1: a JSON 404 (a developer's client expects JSON, not the site's HTML page). */
import { ApiError, apiAction, apiLoader } from "~/open-data/http.server";

export const loader = apiLoader(() => {
  throw new ApiError(404, "There is nothing at this address. The API is described at /api/v1/openapi.json.");
});

export const action = apiAction;
