/** GET /robots.txt: crawl the public site, not the staff, notice or personal-link pages; where the sitemap is. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { conditionalResponse } from "~/lib/conditional-get.server";
import { urlFor } from "~/open-data/http.server";
import { robotsTxt } from "~/open-data/sitemap.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return conditionalResponse(request, robotsTxt(urlFor(request)), { contentType: "text/plain; charset=utf-8", headers: { "Cache-Control": "public, max-age=3600" } });
}
