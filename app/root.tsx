/**
 * The document and the council's frame around every page. Layout renders the frame for pages
 * and error pages alike; it reads the root loader's data defensively, because an error page
 * may render when that loader never ran (or itself failed).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useNonce } from "~/components/nonce";
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLocation, useMatches, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getViewer } from "~/auth/session.server";
import { isStaff } from "~/auth/permissions";
import { headerColour } from "~/components/colour";
import { pageNeedsScripts } from "~/components/hydration";
import { DemoBanner, FALLBACK_FRAME, SiteFooter, SiteHeader, SkipLink, StaffNavigation, type FrameData } from "~/components/Frame";
import { pageTitle } from "~/components/page-title";
import { env } from "~/lib/env.server";
import { loadSettings } from "~/lib/settings.server";
import styles from "~/styles/main.scss?url";
import { translator } from "~/i18n/i18n";
import { LANGUAGE_CODES, isEnglishOnlyPath, languageInfo, languageOfRequest, languageOfUrl, withLanguage, type LanguageCode } from "~/i18n/languages";
import { LanguageProvider, useLocalHref, useTranslation } from "~/i18n/react";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs): Promise<FrameData> {
  const settings = loadSettings();
  const viewer = await getViewer(request);
  return {
    council: {
      name: settings.council.name,
      serviceName: settings.council.serviceName,
      // White text on the header must reach 4.5:1 (WCAG 2.2 SC 1.4.3), whatever was configured.
      brandColour: headerColour(settings.council.brandColour),
    },
    demo: env().PLAINSIGHT_DEMO,
    // Only what the header needs: never the email address or ids.
    viewer: viewer ? { name: viewer.name, roles: viewer.roles, isStaff: isStaff(viewer) } : null,
    lang: languageOfRequest(request),
  };
}

type ErrorKind = "notFound" | "forbidden" | "problem";

function errorKind(error: unknown): ErrorKind {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return "notFound";
    if (error.status === 403) return "forbidden";
  }
  return "problem";
}

const ERROR_TITLE_KEYS = { notFound: "errors.notFoundTitle", forbidden: "errors.forbiddenTitle", problem: "errors.problemTitle" } as const;

export const meta: MetaFunction<typeof loader> = ({ matches, error, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, error ? t(ERROR_TITLE_KEYS[errorKind(error)]) : null) }];
};

/** The page's language: the root loader's word for it, or the address's when that loader did not run. */
function usePageLanguage(frameLang: LanguageCode | undefined): LanguageCode {
  const location = useLocation();
  return frameLang ?? languageOfUrl(`${location.pathname}${location.search}`);
}

/** The same page in each other language, for browsers and search engines (hreflang). */
function LanguageAlternates({ lang }: { lang: LanguageCode }) {
  const { pathname, search } = useLocation();
  if (isEnglishOnlyPath(pathname)) return null;
  return (
    <>
      {LANGUAGE_CODES.filter((code) => code !== lang).map((code) => (
        <link key={code} rel="alternate" hrefLang={languageInfo(code).htmlLang} href={withLanguage(`${pathname}${search}`, code)} />
      ))}
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const frame = useRouteLoaderData<typeof loader>("root") ?? FALLBACK_FRAME;
  const lang = usePageLanguage(frame.lang);
  const language = languageInfo(lang);
  const t = translator(lang);
  const nonce = useNonce();
  // Pages that need no script get none: no bundle, no module preloads, no hydration payload
  // (~/components/hydration.ts). In the browser this only renders after a page that had its
  // scripts, so it keeps them rather than take them out of the page mid-visit.
  const matches = useMatches();
  const scripts = typeof document !== "undefined" || pageNeedsScripts(matches);
  return (
    <html lang={language.htmlLang} dir={language.dir} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content={frame.council.brandColour} />
        <Meta />
        <Links />
        {/* Every page offers the site's feed to browsers and feed readers. */}
        <link rel="alternate" type="application/atom+xml" href="/feeds/consultations.atom" title={t("layout.feedTitle")} />
        <LanguageAlternates lang={lang} />
      </head>
      <body className="govuk-template__body govuk-frontend-supported">
        <LanguageProvider lang={lang}>
        <SkipLink />
        <SiteHeader council={frame.council} viewer={frame.viewer} />
        <StaffNavigation viewer={frame.viewer} />
        {frame.demo ? <DemoBanner /> : null}
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper app-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
        <SiteFooter council={frame.council} />
        </LanguageProvider>
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const kind = errorKind(error);
  const { t } = useTranslation();
  const href = useLocalHref();

  if (kind === "notFound") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("errors.notFoundTitle")}</h1>
          <p className="govuk-body">{t("errors.notFoundTyped")}</p>
          <p className="govuk-body">{t("errors.notFoundPasted")}</p>
          <p className="govuk-body">
            {t("errors.notFoundMoved")}{" "}
            <Link className="govuk-link" to={href("/consultations")}>
              {t("errors.seeAll")}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  if (kind === "forbidden") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("errors.forbiddenTitle")}</h1>
          <p className="govuk-body">{t("errors.forbiddenBody")}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={href("/")}>
              {t("errors.goHome")}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  // Details only while developing: production pages never show a message or a stack trace.
  const detail = import.meta.env.DEV && error instanceof Error ? `${error.message}\n\n${error.stack ?? ""}` : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("errors.problemTitle")}</h1>
        <p className="govuk-body">{t("errors.tryLater")}</p>
        <p className="govuk-body">{t("errors.notSaved")}</p>
        {detail ? <pre className="app-error-detail">{detail}</pre> : null}
      </div>
    </div>
  );
}
