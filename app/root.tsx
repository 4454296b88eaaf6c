/**
 * The document and the council's frame around every page. Layout renders the frame for pages
 * and error pages alike; it reads the root loader's data defensively, because an error page
 * may render when that loader never ran (or itself failed).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useNonce } from "~/components/nonce";
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useMatches, useRouteError, useRouteLoaderData } from "@remix-run/react";
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

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  // Every page offers the site's feed to browsers and feed readers.
  { rel: "alternate", type: "application/atom+xml", href: "/feeds/consultations.atom", title: "New and updated consultations" },
];

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
  };
}

const NOT_FOUND_TITLE = "Page not found";
const PROBLEM_TITLE = "Sorry, there is a problem with the service";
const FORBIDDEN_TITLE = "You do not have permission to see this page";

function errorTitle(error: unknown): string {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return NOT_FOUND_TITLE;
    if (error.status === 403) return FORBIDDEN_TITLE;
  }
  return PROBLEM_TITLE;
}

export const meta: MetaFunction<typeof loader> = ({ matches, error }) => [{ title: pageTitle(matches, error ? errorTitle(error) : null) }];

export function Layout({ children }: { children: ReactNode }) {
  const frame = useRouteLoaderData<typeof loader>("root") ?? FALLBACK_FRAME;
  const nonce = useNonce();
  // Pages that need no script get none: no bundle, no module preloads, no hydration payload
  // (~/components/hydration.ts). In the browser this only renders after a page that had its
  // scripts, so it keeps them rather than take them out of the page mid-visit.
  const matches = useMatches();
  const scripts = typeof document !== "undefined" || pageNeedsScripts(matches);
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content={frame.council.brandColour} />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body govuk-frontend-supported">
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
  const title = errorTitle(error);

  if (title === NOT_FOUND_TITLE) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{NOT_FOUND_TITLE}</h1>
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
          <p className="govuk-body">
            If the web address is correct or you selected a link or button, the page may have moved or the consultation may not be published.{" "}
            <Link className="govuk-link" to="/consultations">
              See all consultations
            </Link>
            .
          </p>
        </div>
      </div>
    );
  }

  if (title === FORBIDDEN_TITLE) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{FORBIDDEN_TITLE}</h1>
          <p className="govuk-body">Your account does not give you access to this page.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/">
              Go to the home page
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
        <h1 className="govuk-heading-l">{PROBLEM_TITLE}</h1>
        <p className="govuk-body">Try again later.</p>
        <p className="govuk-body">Anything you entered may not have been saved.</p>
        {detail ? <pre className="app-error-detail">{detail}</pre> : null}
      </div>
    </div>
  );
}
