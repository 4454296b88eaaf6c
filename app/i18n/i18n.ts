/**
 * The translation layer (issue 14, item 1; decision 028): one i18next instance per language,
 * made once, synchronously, from catalogues bundled with the code (no loading, no suspense),
 * with ICU MessageFormat (i18next-icu) for values and plurals. The same instances serve
 * loaders, actions and emails on the server (`translator`) and React on both sides
 * (`<LanguageProvider>` in root.tsx, then `useTranslation()` from react-i18next).
 */
import i18next, { type i18n as I18n, type TFunction } from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import { CATALOGUES, type Catalogue, type LanguageCode } from "./catalogues";
import { DEFAULT_LANGUAGE, languageOfRequest } from "./languages";
import { joinBengaliPossessives } from "./possessive";

/** Per language, what a message needs once its values are in (Bengali: "বাসিন্দা-এর" is "বাসিন্দার"). */
const AFTER_VALUES: Partial<Record<LanguageCode, (text: string) => string>> = { bn: joinBengaliPossessives };

const instances = new Map<LanguageCode, I18n>();

export function i18nFor(lang: LanguageCode): I18n {
  const existing = instances.get(lang);
  if (existing) return existing;
  const instance = i18next.createInstance();
  instance.use(new ICU());
  // English is react-i18next's default too: a component rendered outside the provider (a
  // component test) reads English rather than bare keys.
  if (lang === DEFAULT_LANGUAGE) instance.use(initReactI18next);
  const after = AFTER_VALUES[lang];
  if (after) instance.use({ type: "postProcessor", name: "afterValues", process: (value: string) => after(value) });
  void instance.init({
    lng: lang,
    fallbackLng: false,
    ...(after ? { postProcess: ["afterValues"] } : {}),
    resources: { [lang]: { translation: CATALOGUES[lang] } },
    initAsync: false,
    // Keys are never shown for a missing translation silently: the catalogue test fails instead.
    returnNull: false,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    showSupportNotice: false,
    // Numbers and plural forms in messages by the catalogue's format locale (Bengali rules, Latin digits).
    i18nFormat: { parseLngForICU: (code: string) => (CATALOGUES as Record<string, Catalogue>)[code]?.meta.formatLocale ?? code },
  } as Parameters<I18n["init"]>[0]);
  instances.set(lang, instance);
  return instance;
}

export type Translate = TFunction;

/** The translate function for a language (loaders, actions, emails). */
export function translator(lang: LanguageCode): Translate {
  return i18nFor(lang).t;
}

/** The language of a request (its address) and its translate function. */
export function translatorFor(request: Request): { lang: LanguageCode; t: Translate } {
  const lang = languageOfRequest(request);
  return { lang, t: translator(lang) };
}

// Made at load, so the global default exists before any component renders.
i18nFor(DEFAULT_LANGUAGE);
