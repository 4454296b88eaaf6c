/**
 * React side of the translation layer: the provider root.tsx wraps every page in, and the hooks
 * for the page's language (links that keep it, dates in it).
 */
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "~/components/format";
import { i18nFor } from "./i18n";
import { DEFAULT_LANGUAGE, isLanguage, withLanguage, type LanguageCode } from "./languages";

export function LanguageProvider({ lang, children }: { lang: LanguageCode; children: ReactNode }) {
  return <I18nextProvider i18n={i18nFor(lang)}>{children}</I18nextProvider>;
}

/** The page's language. */
export function useLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** `href` in the page's language (for links to other pages of the site). */
export function useLocalHref(): (href: string) => string {
  const lang = useLanguage();
  return (href) => withLanguage(href, lang);
}

export { useTranslation };

/** Dates in the page's language (~/components/format). */
export function useFormat() {
  const lang = useLanguage();
  return {
    date: (value: string | null | undefined) => formatDate(value, lang),
    dateTime: (value: string | null | undefined) => formatDateTime(value, lang),
  };
}

/**
 * The `lang` for the council's own content (a proposal's text, the council's name, content/
 * pages not yet translated) on this page: "en-GB" when the page is in another language, so a
 * screen reader reads it in English (WCAG 3.1.2, language of parts); nothing on English pages.
 * Text people wrote (comments, answers, names) is shown as written in whatever language it is
 * in: mark it `data-as-written` instead, claiming no language.
 */
export function useContentLang(): "en-GB" | undefined {
  return useLanguage() === DEFAULT_LANGUAGE ? undefined : "en-GB";
}
