/**
 * Any address no other route matches: the site's own 404 page (root ErrorBoundary), in the
 * council's frame. The component is never rendered; it exists so that this is a page route
 * (whose thrown 404 renders the error page) rather than a resource route (which would answer
 * with a bare "Not Found").
 */
import { notFound } from "~/proposals/proposals.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export async function loader() {
  throw notFound();
}

export async function action() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
