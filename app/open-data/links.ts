/** `<link rel="alternate">` descriptors: a page's data as JSON, CSV and Atom. Pure, for route meta. */
import { consultationPaths } from "./record";

export function alternateLinks(slug: string) {
  const paths = consultationPaths(slug);
  return [
    { tagName: "link", rel: "alternate", type: "application/json", href: paths.api, title: "This consultation as JSON" },
    { tagName: "link", rel: "alternate", type: "application/atom+xml", href: paths.feed, title: "Updates to this consultation" },
  ] as const;
}

export const LIST_ALTERNATES = [
  { tagName: "link", rel: "alternate", type: "application/json", href: "/api/v1/consultations", title: "Consultations as JSON" },
  { tagName: "link", rel: "alternate", type: "text/csv", href: "/api/v1/consultations.csv", title: "Consultations as CSV" },
] as const;
