/**
 * The easy read summary (issue 14, item 3): on its own page, in large, widely spaced text, with
 * how to have your say. Where there is none yet, the page says so and offers to ask for one.
 * Visible exactly as the consultation page is; otherwise the site's 404.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useContentLang, useFormat, useLocalHref, useTranslation } from "~/i18n/react";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { renderMarkdown } from "~/lib/markdown.server";
import { consultationFor } from "~/reach/public.server";
import { consultationPath } from "~/reach/paths";
import reachCss from "~/reach/reach.css?url";
import { acceptingResponses } from "~/responses/rules";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reachCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, isPublic } = await consultationFor(request, params.slug);
  const settings = loadSettings();
  return {
    slug: proposal.slug,
    title: proposal.title,
    isPublic,
    html: proposal.easyReadSummary?.trim() ? renderMarkdown(proposal.easyReadSummary, "officer", { headingOffset: 1 }) : "",
    closesOn: proposal.state === "open" ? proposal.closesOn : null,
    accepting: isPublic && acceptingResponses(proposal, now(), settings.council.timeZone),
    phone: settings.paperPacks.phone ?? null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, data ? t("consultationPages.easyRead.titleWith", { title: data.title }) : t("consultationPages.easyRead.title")) }];
};

export default function EasyRead() {
  const d = useLoaderData<typeof loader>();
  const base = consultationPath(d.slug);
  const { t } = useTranslation();
  const href = useLocalHref();
  const format = useFormat();
  const contentLang = useContentLang();
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: t("common.home") },
          { href: "/consultations", text: t("layout.consultations") },
          { href: base, text: d.title, lang: contentLang },
        ]}
      />
      <div className="govuk-grid-row app-easy-read">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{t("consultationPages.easyRead.title")}</span>
          <h1 className="govuk-heading-xl" lang={contentLang}>
            {d.title}
          </h1>
          {d.html ? (
            <Markdown html={d.html} lang={contentLang} />
          ) : (
            <>
              <p className="govuk-body-l">{t("consultationPages.easyRead.none")}</p>
              {d.isPublic ? (
                <p className="govuk-body-l">
                  <Link className="govuk-link" to={href(`${base}/formats?format=easy_read`)}>
                    {t("consultationPages.easyRead.ask")}
                  </Link>
                </p>
              ) : null}
            </>
          )}
          <h2 className="govuk-heading-l">{t("consultationPages.easyRead.haveYourSay")}</h2>
          {d.closesOn ? <p className="govuk-body-l">{t("consultationPages.easyRead.closes", { date: format.date(d.closesOn) })}</p> : null}
          <ul className="govuk-list govuk-list--spaced govuk-body-l">
            {d.accepting ? (
              <li>
                <Link className="govuk-link" to={href(`${base}/respond`)}>
                  {t("consultationPages.easyRead.respond")}
                </Link>
              </li>
            ) : null}
            {d.accepting && d.phone ? <li>{t("consultationPages.easyRead.phone", { phone: d.phone })}</li> : null}
            <li>
              <Link className="govuk-link" to={href(`${base}/print`)}>
                {t("consultationPages.easyRead.paper")}
              </Link>
            </li>
            {d.isPublic ? (
              <li>
                <Link className="govuk-link" to={href(`${base}/formats`)}>
                  {t("consultationPages.easyRead.other")}
                </Link>
              </li>
            ) : null}
            <li>
              <Link className="govuk-link" to={href(base)}>
                {t("consultationPages.easyRead.full")}
              </Link>
            </li>
          </ul>
        </div>
      </div>
    </>
  );
}
