/** Addresses of a consultation's public pages. Pure, for pages and loaders alike. */
export function consultationPath(slug: string): string {
  return `/consultations/${encodeURIComponent(slug)}`;
}
