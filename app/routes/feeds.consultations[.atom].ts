/** GET /feeds/consultations.atom: new and updated consultations (Atom). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { conditionalResponse } from "~/lib/conditional-get.server";
import { CORS_HEADERS } from "~/open-data/http.server";
import { siteFeed } from "~/open-data/feeds.server";
import { urlFor } from "~/open-data/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const feed = siteFeed(urlFor(request));
  return conditionalResponse(request, feed.xml, { contentType: "application/atom+xml; charset=utf-8", lastModified: feed.updated, headers: { ...CORS_HEADERS, "Cache-Control": "public, no-cache" } });
}
