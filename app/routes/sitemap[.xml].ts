/** GET /sitemap.xml: the public pages, for search engines. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { conditionalResponse } from "~/lib/conditional-get.server";
import { urlFor } from "~/open-data/http.server";
import { sitemap } from "~/open-data/sitemap.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const map = sitemap(urlFor(request));
  return conditionalResponse(request, map.xml, { contentType: "application/xml; charset=utf-8", lastModified: map.lastModified, headers: { "Cache-Control": "public, no-cache" } });
}
