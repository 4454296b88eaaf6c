/**
 * The council's frame around every page: skip link, header, demo banner and footer.
 * Rendered by root.tsx's Layout for pages and error pages alike, so it takes plain data and
 * works with the fallback when the root loader's data is missing (an error before it ran).
 *
 * No GOV.UK brand: the header is the council's own (name, service, brand colour), not the
 * GOV.UK header component, and the footer has no crest.
 */
import { staffSections } from "~/auth/navigation";
import type { CSSProperties } from "react";
import { Form, Link, useLocation } from "@remix-run/react";
import type { Role } from "#db/schema";
import { FALLBACK_BRAND_COLOUR } from "./colour";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { Content, useRichTranslation } from "~/i18n/rich";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, LANGUAGE_PARAM, isEnglishOnlyPath, languageInfo, type LanguageCode } from "~/i18n/languages";

export type FrameViewer = { name: string; roles: Role[]; isStaff: boolean };

/** What the root loader returns; pageTitle() and the frame read it. */
export type FrameData = {
  council: { name: string; serviceName: string; brandColour: string };
  demo: boolean;
  viewer: FrameViewer | null;
  /** the page's interface language (from its address) */
  lang: LanguageCode;
  /** set by entry.server.tsx when a form posted without JavaScript was refused: the title starts "Error: " */
  formError?: boolean;
};

/** Used only if the root loader did not run (its own failure): neutral words, default colour. */
export const FALLBACK_FRAME: FrameData = {
  council: { name: "Council consultations", serviceName: "Consultations", brandColour: FALLBACK_BRAND_COLOUR },
  demo: false,
  viewer: null,
  lang: DEFAULT_LANGUAGE,
};


const OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

function brandStyle(colour: string): CSSProperties {
  return { "--app-brand-colour": colour } as CSSProperties;
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main-content" className="govuk-skip-link">
      {t("layout.skipLink")}
    </a>
  );
}

/** aria-current: "page" on the page itself, "true" within its section (GOV.UK service navigation). */
function currentFor(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  return pathname.startsWith(`${href}/`) ? "true" : undefined;
}

function NavItem({ href, text, pathname }: { href: string; text: string; pathname: string }) {
  const localHref = useLocalHref();
  return (
    <li className="app-header__item">
      <Link to={localHref(href)} className="app-header__link" aria-current={currentFor(pathname, href)}>
        {text}
      </Link>
    </li>
  );
}

/** The sections of the staff area this person can use, under the header once signed in. */
export function StaffNavigation({ viewer }: Pick<FrameData, "viewer">) {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  // The staff area is English only: on a page in another language its sections' names are
  // marked English; a rep's own section (key) is in the page's language.
  const contentLang = useContentLang();
  const sections = viewer ? staffSections(viewer.roles) : [];
  if (sections.length === 0) return null;
  return (
    <nav className="app-staff-nav" aria-label={t("repPages.nav.label")}>
      <div className="govuk-width-container">
        <ul className="app-staff-nav__list">
          {sections.map((s) => (
            <li key={s.href} className="app-staff-nav__item">
              <Link to={s.href} className="govuk-link govuk-link--no-visited-state app-staff-nav__link" aria-current={s.href === "/staff" ? (pathname === "/staff" || pathname.startsWith("/staff/proposals") ? "page" : undefined) : currentFor(pathname, s.href)}>
                {s.key ? t(s.key) : <span lang={contentLang}>{s.text}</span>}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/**
 * English / বাংলা: plain links (they work without scripts) to /language/:code, which remembers
 * the choice and comes back to this page in that language. The current language is marked,
 * not linked. Not on staff pages, which are English only.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  const { pathname, search } = useLocation();
  if (isEnglishOnlyPath(pathname)) return null;
  const params = new URLSearchParams(search);
  params.delete(LANGUAGE_PARAM);
  const rest = params.toString();
  const back = `${pathname}${rest ? `?${rest}` : ""}`;
  return (
    <nav className="app-language-switch" aria-label={t("layout.language")}>
      <ul className="app-language-switch__list">
        {LANGUAGE_CODES.map((code) => {
          const info = languageInfo(code);
          return (
            <li key={code} className="app-language-switch__item">
              {code === current ? (
                <span className="app-language-switch__current" aria-current="true" lang={info.htmlLang}>
                  {info.name}
                </span>
              ) : (
                <a className="app-language-switch__link" href={`/language/${code}?back=${encodeURIComponent(back)}`} hrefLang={info.htmlLang} lang={info.htmlLang}>
                  {info.name}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function SiteHeader({ council, viewer }: Pick<FrameData, "council" | "viewer">) {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  const href = useLocalHref();
  // The council's name and its service's name are its own, in English (language of parts).
  const contentLang = useContentLang();
  return (
    <header className="app-header" style={brandStyle(council.brandColour)}>
      <div className="govuk-width-container app-header__container">
        <Link to={href("/")} className="app-header__home">
          <span className="app-header__council" lang={contentLang}>
            {council.name}
          </span>
          <span className="app-header__service" lang={contentLang}>
            {council.serviceName}
          </span>
        </Link>
        <LanguageSwitch />
        <nav className="app-header__nav" aria-label={t("layout.menu")}>
          <ul className="app-header__list">
            <NavItem href="/consultations" text={t("layout.consultations")} pathname={pathname} />
            {viewer ? (
              <li className="app-header__item">
                <Form method="post" action="/staff/sign-out" className="app-header__form">
                  <button type="submit" className="app-header__button">
                    {t("layout.signOut")}
                  </button>
                </Form>
              </li>
            ) : (
              <NavItem href="/staff/sign-in" text={t("layout.staffSignIn")} pathname={pathname} />
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** Shown on every page in demo mode, so nobody mistakes the demo council for a real one. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <section className="app-demo-banner" aria-label={t("layout.demoLabel")}>
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-tag--yellow govuk-phase-banner__content__tag">{t("layout.demoTag")}</strong>
            <span className="govuk-phase-banner__text">{t("layout.demoNotice")}</span>
          </p>
        </div>
      </div>
    </section>
  );
}

export type FooterLink = { href: string; text: string };

const FOOTER_KEYS = [
  { href: "/accessibility", key: "accessibility" },
  { href: "/privacy", key: "privacy" },
  { href: "/house-rules", key: "houseRules" },
  { href: "/moderation-log", key: "moderationLog" },
  { href: "/open-data", key: "openData" },
] as const;

export function SiteFooter({ council, links }: Pick<FrameData, "council"> & { links?: FooterLink[] }) {
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const href = useLocalHref();
  const shown = links ?? FOOTER_KEYS.map((l) => ({ href: href(l.href), text: t(`layout.footer.${l.key}`) }));
  return (
    <footer className="govuk-footer app-footer" style={brandStyle(council.brandColour)}>
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t("layout.supportLinks")}</h2>
            <ul className="govuk-footer__inline-list">
              {shown.map((link) => (
                <li key={link.href} className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href={link.href}>
                    {link.text}
                  </a>
                </li>
              ))}
            </ul>
            <div className="govuk-footer__meta-custom">
              {rt("layout.runBy", { service: <Content>{council.serviceName}</Content>, council: <Content>{council.name}</Content> })}
            </div>
            <svg aria-hidden="true" focusable="false" className="govuk-footer__licence-logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 483.2 195.7" height="17" width="41">
              <path
                fill="currentColor"
                d="M421.5 142.8V.1l-50.7 32.3v161.1h112.4v-50.7zm-122.3-9.6A47.12 47.12 0 0 1 221 97.8c0-26 21.1-47.1 47.1-47.1 16.7 0 31.4 8.7 39.7 21.8l42.7-27.2A97.63 97.63 0 0 0 268.1 0c-36.5 0-68.3 20.1-85.1 49.7A98 98 0 0 0 97.8 0C43.9 0 0 43.9 0 97.8s43.9 97.8 97.8 97.8c36.5 0 68.3-20.1 85.1-49.7a97.76 97.76 0 0 0 149.6 25.4l19.4 22.2h3v-87.8h-80l24.3 27.5zM97.8 145c-26 0-47.1-21.1-47.1-47.1s21.1-47.1 47.1-47.1 47.2 21 47.2 47S123.8 145 97.8 145"
              />
            </svg>
            <span className="govuk-footer__licence-description">
              {t("layout.licenceBefore")}{" "}
              <a className="govuk-footer__link" href={OGL_URL} rel="license">
                {t("layout.licenceLink")}
              </a>
              {t("layout.licenceAfter")}
            </span>
          </div>
          <div className="govuk-footer__meta-item">
            © <Content>{council.name}</Content>
          </div>
        </div>
      </div>
    </footer>
  );
}
