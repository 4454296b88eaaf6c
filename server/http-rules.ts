/**
 * HTTP rules, pure: which encoding a client accepts, whether a conditional request matches, and
 * what a page may be cached as. server/http-cache.ts applies them to responses.
 */

/** Every cookie this site sets starts so (staff and resident sessions). */
export const COOKIE_PREFIX = "__plainsight";

/** Areas whose pages are about the person asking, signed in or not. */
const PRIVATE_PREFIXES = ["/staff", "/notices", "/respondents", "/verify", "/subscribe/confirm", "/unsubscribe"];

/**
 * Anonymous public pages: anyone may keep them, but must ask again before reusing them
 * (max-age=0, must-revalidate), and a shared cache (a CDN, a reverse proxy) may serve them for
 * S_MAXAGE seconds without asking, so a page linked from the local paper costs the server one
 * render per half minute however many read it. A hidden comment can outlive its hiding by that
 * long in such a cache, never in this server's own (the render cache in server/http-cache.ts).
 */
export const S_MAXAGE = 30;
export const PUBLIC_CACHE_CONTROL = `public, max-age=0, must-revalidate, s-maxage=${S_MAXAGE}`;
export const PRIVATE_CACHE_CONTROL = "private, no-store";

export function carriesSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => pair.trim().startsWith(COOKIE_PREFIX));
}

export function isPrivatePath(path: string): boolean {
  return PRIVATE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}.`));
}

/**
 * The consultation a public address shows, by its slug, or null for a page that shows many
 * (the home page, lists, search, feeds of all consultations, open-data files). The render cache
 * keeps a consultation's pages by that proposal's generation, so a comment on one consultation
 * does not start the cache again for the others (decision 029).
 */
export function consultationSlugOf(path: string): string | null {
  const match = /^\/(?:api\/v1\/)?consultations\/([^/?#.]+)(?:[/?#.]|$)/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]).toLowerCase();
  } catch {
    return null;
  }
}

export type Encoding = "br" | "gzip" | "identity";

/**
 * The best encoding the client accepts (RFC 9110 §12.5.3): brotli, then gzip, else none.
 * q=0 refuses an encoding; "*" stands for any not named. Anything unreadable counts as absent.
 */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return "identity";
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [rawName, ...params] = part.trim().split(";");
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      if (!/^\s*q\s*=/i.test(p)) continue;
      const m = /^\s*q\s*=\s*([01](?:\.[0-9]{0,3})?)\s*$/i.exec(p);
      weight = m ? Number(m[1]) : NaN;
    }
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) continue;
    q.set(name === "x-gzip" ? "gzip" : name, weight);
  }
  const weightOf = (name: string) => q.get(name) ?? q.get("*") ?? 0;
  const br = weightOf("br");
  const gzip = weightOf("gzip");
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return "identity";
}

/** The opaque part of each entity tag in If-None-Match, or "*"; null when the header is unreadable. */
export function parseIfNoneMatch(header: string | undefined): string[] | "*" | null {
  if (header === undefined) return null;
  const value = header.trim();
  if (value === "*") return "*";
  const tags: string[] = [];
  const re = /\s*(?:W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < value.length && (m = re.exec(value))) tags.push(m[1]);
  // Any part that is not an entity tag makes the whole header unreadable: it is then ignored.
  return tags.length && re.lastIndex >= value.length ? tags : null;
}

/** The base of our entity tag without its encoding suffix ("abc-br" → "abc"). */
function baseTag(tag: string): string {
  return tag.replace(/-(br|gz)$/, "");
}

/**
 * Whether the client's copy is current: If-None-Match when it is present and readable
 * (weak comparison, any encoding of the same bytes), else If-Modified-Since when it is a date.
 */
export function isFresh(headers: { ifNoneMatch?: string; ifModifiedSince?: string }, current: { etag: string; lastModified: Date }): boolean {
  const tags = parseIfNoneMatch(headers.ifNoneMatch);
  if (tags === "*") return true;
  if (tags) return tags.some((t) => baseTag(t) === baseTag(current.etag));
  if (headers.ifModifiedSince === undefined || headers.ifNoneMatch !== undefined) return false;
  const since = parseHttpDate(headers.ifModifiedSince);
  if (since === null) return false;
  return Math.floor(current.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

/** An HTTP date (IMF-fixdate, or the two obsolete forms Date.parse reads), or null. */
export function parseHttpDate(value: string): number | null {
  if (value.length > 64 || !/^[A-Za-z]{3},? /.test(value.trim())) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Content types worth compressing. */
export function isCompressible(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(";")[0].trim().toLowerCase();
  return /^text\//.test(type) || /^application\/(json|javascript|xml|atom\+xml|rss\+xml|manifest\+json|ld\+json|x-ndjson)$/.test(type) || type === "image/svg+xml";
}

/** Add a name to a Vary header value once. */
export function withVary(current: string | undefined, ...names: string[]): string {
  const have = (current ?? "").split(",").map((v) => v.trim()).filter(Boolean);
  for (const name of names) if (!have.some((v) => v.toLowerCase() === name.toLowerCase() || v === "*")) have.push(name);
  return have.join(", ");
}
