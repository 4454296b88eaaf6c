/**
 * Which interface language a request is in, pure (issue 14, item 1; decision 028).
 *
 * The language lives in the address (`?lang=bn`), so a translated page can be linked, and the
 * render cache and any shared cache keep one copy per language under its own address and ETag.
 * A cookie remembers the reader's choice (set only by the switch, /language/:code) and sends a
 * visit to an address without `lang` to the same address with it (server/language.ts); the page
 * itself never reads the cookie, so what a page says depends on its address alone.
 * Anything that is not a language we have a catalogue for is English, never an error.
 */
import { CATALOGUES, type LanguageCode } from "./catalogues";

export type { LanguageCode };
export const DEFAULT_LANGUAGE: LanguageCode = "en";
export const LANGUAGE_PARAM = "lang";
/** Not one of the session cookies (`__plainsight…`): a language choice keeps pages public. */
export const LANGUAGE_COOKIE = "plainsight_lang";

export const LANGUAGE_CODES = Object.keys(CATALOGUES) as LanguageCode[];

export function isLanguage(code: unknown): code is LanguageCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(CATALOGUES, code);
}

/** The language a code names, else English (an unknown, empty or malformed code is not a fault). */
export function languageOrDefault(code: unknown): LanguageCode {
  return isLanguage(code) ? code : DEFAULT_LANGUAGE;
}

/** Staff pages stay English whatever the address says (issue 14: staff pages may stay English). */
export function isEnglishOnlyPath(pathname: string): boolean {
  return pathname === "/staff" || pathname.startsWith("/staff/");
}

/** The language of a page, from its address alone. */
export function languageOfUrl(url: URL | string): LanguageCode {
  const u = typeof url === "string" ? new URL(url, "http://plainsight.invalid") : url;
  if (isEnglishOnlyPath(u.pathname)) return DEFAULT_LANGUAGE;
  return languageOrDefault(u.searchParams.get(LANGUAGE_PARAM));
}

export function languageOfRequest(request: Request): LanguageCode {
  return languageOfUrl(request.url);
}

export type LanguageInfo = { code: LanguageCode; name: string; htmlLang: string; dir: "ltr" | "rtl" };

/** Name (in the language itself), `lang` attribute and text direction, all from the catalogue. */
export function languageInfo(code: LanguageCode): LanguageInfo {
  const meta = CATALOGUES[code].meta;
  return { code, name: meta.name, htmlLang: meta.htmlLang, dir: meta.dir === "rtl" ? "rtl" : "ltr" };
}

/**
 * A path on this site in a language: `lang` set for any language but English and removed for
 * English (English pages have one address). Other parameters and the fragment are kept.
 */
export function withLanguage(href: string, lang: LanguageCode): string {
  if (!href.startsWith("/") || href.startsWith("//")) return href;
  const url = new URL(href, "http://plainsight.invalid");
  if (isEnglishOnlyPath(url.pathname)) return href;
  if (lang === DEFAULT_LANGUAGE) url.searchParams.delete(LANGUAGE_PARAM);
  else url.searchParams.set(LANGUAGE_PARAM, lang);
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ""}${url.hash}`;
}

/** The value of our language cookie in a Cookie header, if it names a language we have. */
export function languageFromCookie(header: string | null | undefined): LanguageCode | null {
  if (!header) return null;
  for (const pair of header.split(";")) {
    const [name, ...rest] = pair.trim().split("=");
    if (name === LANGUAGE_COOKIE) {
      const value = rest.join("=").trim();
      return isLanguage(value) ? value : null;
    }
  }
  return null;
}

/** Pages (not files, feeds, the API or the staff area) that a remembered language applies to. */
export function followsRememberedLanguage(pathname: string): boolean {
  if (isEnglishOnlyPath(pathname)) return false;
  if (/^\/(api|assets|feeds|language|healthz)(\/|$)/.test(pathname)) return false;
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  // A file (robots.txt, sitemap.xml, an Atom feed) is the same in every language; `.data` is
  // Remix's data request for a page, which is in the page's language.
  return !last.includes(".") || last.endsWith(".data");
}

/**
 * Where a request for a page without `lang` goes when the reader chose another language: the
 * same address with `lang`, or null to answer it as it is.
 */
export function rememberedLanguageTarget(input: { method: string; url: string; cookie: string | null | undefined }): string | null {
  if (input.method !== "GET" && input.method !== "HEAD") return null;
  const chosen = languageFromCookie(input.cookie);
  if (!chosen || chosen === DEFAULT_LANGUAGE) return null;
  if (!input.url.startsWith("/") || input.url.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(input.url, "http://plainsight.invalid");
  } catch {
    return null;
  }
  if (url.searchParams.has(LANGUAGE_PARAM) || !followsRememberedLanguage(url.pathname)) return null;
  return withLanguage(`${url.pathname}${url.search}`, chosen);
}
