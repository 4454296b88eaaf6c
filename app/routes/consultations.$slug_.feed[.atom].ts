/** GET /consultations/:slug/feed.atom: what happens to one consultation (Atom). Hidden and missing are the same 404. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { conditionalResponse } from "~/lib/conditional-get.server";
import { CORS_HEADERS, urlFor } from "~/open-data/http.server";
import { consultationFeed } from "~/open-data/feeds.server";
import { notFound, publicProposalBySlug } from "~/proposals/proposals.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = publicProposalBySlug(params.slug ?? "");
  if (!proposal) throw notFound();
  const feed = consultationFeed(proposal, urlFor(request));
  return conditionalResponse(request, feed.xml, { contentType: "application/atom+xml; charset=utf-8", lastModified: feed.updated, headers: { ...CORS_HEADERS, "Cache-Control": "public, no-cache" } });
}
