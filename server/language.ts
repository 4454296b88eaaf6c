/**
 * A remembered language (issue 14, item 1; decision 028). The language of a page is in its
 * address (`?lang=bn`); a reader who chose Bengali with the switch and then follows a link
 * without it (from an email, a bookmark, a page that redirects after a form) is sent to the
 * same address with it. Before the HTTP cache: the redirect depends on the cookie, so it is
 * private, and every page stays keyed by its address alone.
 *
 * Remix's own data requests (`.data`, while a page with scripts navigates) are not redirected,
 * which it would not follow: they are answered in the remembered language as if the address
 * carried it, which the render cache then keys under that address.
 */
import type express from "express";
import { rememberedLanguageTarget } from "~/i18n/languages";
import { PRIVATE_CACHE_CONTROL } from "./http-rules";

export function rememberedLanguage(): express.RequestHandler {
  return (req, res, next) => {
    const target = rememberedLanguageTarget({ method: req.method, url: req.originalUrl, cookie: req.headers.cookie });
    if (!target) return next();
    if (req.path.endsWith(".data")) {
      req.url = target;
      req.originalUrl = target;
      return next();
    }
    res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
    res.setHeader("Vary", "Cookie");
    res.redirect(302, target);
  };
}
