/**
 * /sitemap.xml (sitemaps.org 0.9) and /robots.txt: the public pages for search engines. Every
 * consultation in it comes through the visibility predicate; staff, notice, sign-in and
 * personal-link addresses are never listed and are kept out of crawling.
 */
import { db as defaultDb, type DB } from "#db/client.server";
import { newest } from "~/lib/conditional-get.server";
import { publishedOutcomeDates } from "~/outcomes/read.server";
import { eachPublicProposalBatch } from "~/proposals/proposals.server";
import { consultationPaths, type UrlFor } from "./record";

/** Public pages that are not about one consultation. */
export const STATIC_PUBLIC_PAGES = ["/", "/consultations", "/search", "/open-data", "/moderation-log", "/house-rules", "/subscribe", "/accessibility", "/privacy"];

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function sitemap(url: UrlFor, database: DB = defaultDb()): { xml: string; lastModified: string | null } {
  const entries: { loc: string; lastmod?: string }[] = STATIC_PUBLIC_PAGES.map((path) => ({ loc: url(path) }));
  const times: string[] = [];
  for (const batch of eachPublicProposalBatch({}, 100, database)) {
    const outcomes = publishedOutcomeDates(batch, database);
    for (const p of batch) {
      const paths = consultationPaths(p.slug);
      entries.push({ loc: url(paths.html), lastmod: p.updatedAt }, { loc: url(paths.history), lastmod: p.updatedAt });
      times.push(p.updatedAt);
      const outcome = outcomes.get(p.id);
      if (outcome) {
        entries.push({ loc: url(paths.outcome), lastmod: outcome.updatedAt });
        if (outcome.publishedAnswers > 0) entries.push({ loc: url(paths.publishedAnswers), lastmod: outcome.updatedAt });
      }
    }
  }
  const body = entries.map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ""}</url>`).join("\n");
  return {
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
    lastModified: newest(...times),
  };
}

/** Addresses that are personal, for staff, or one-time links: never to be crawled. */
export const NOT_FOR_CRAWLERS = ["/staff/", "/notices/", "/respondents/", "/verify/", "/subscribe/confirm/", "/unsubscribe/", "/consultations/*/respond"];

export function robotsTxt(url: UrlFor): string {
  return ["User-agent: *", ...NOT_FOR_CRAWLERS.map((path) => `Disallow: ${path}`), "Allow: /", "", `Sitemap: ${url("/sitemap.xml")}`, ""].join("\n");
}
