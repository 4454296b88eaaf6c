/**
 * The language switch (issue 14, item 1; decision 028): remembers the reader's choice in a
 * cookie and sends them back to the page they were on, in that language. A link, so it works
 * without scripts; the pages themselves never set the cookie, so they stay publicly cacheable.
 * An unknown code is English; a `back` that is not a path on this site is the home page.
 */
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { cookiesAreSecure } from "~/auth/session.server";
import { LANGUAGE_COOKIE, languageOrDefault, withLanguage } from "~/i18n/languages";
import { safeRedirect } from "~/lib/redirects";

const ONE_YEAR = 365 * 24 * 60 * 60;

export function loader({ request, params }: LoaderFunctionArgs) {
  const lang = languageOrDefault(params.code);
  const back = safeRedirect(new URL(request.url).searchParams.get("back"), "/");
  const cookie = `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly${cookiesAreSecure() ? "; Secure" : ""}`;
  return redirect(withLanguage(back, lang), { status: 303, headers: { "Set-Cookie": cookie, "Cache-Control": "private, no-store" } });
}
