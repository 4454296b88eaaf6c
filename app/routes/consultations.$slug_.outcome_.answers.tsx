/**
 * The answers respondents agreed to publish, under the name they chose, a page at a time.
 * Published with the outcome; answers to questions marked personal are never here.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/Pagination";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { outcomeIsPublished, publishedAnswers } from "~/outcomes/read.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { isPublic } from "~/proposals/visibility";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useContentLang, useLocalHref, useTranslation } from "~/i18n/react";
import { parsePage } from "~/responses/thread-page.server";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = requireVisibleProposal(await getViewer(request), params.slug ?? "");
  if (!isPublic(proposal) || !outcomeIsPublished(proposal)) throw notFound();
  const page = publishedAnswers(proposal, parsePage(new URL(request.url).searchParams.get("page")));
  return { slug: proposal.slug, title: proposal.title, ...page };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  const title = !data
    ? t("consultationPages.answers.title")
    : data.pages > 1
      ? t("consultationPages.answers.titlePaged", { page: data.page, pages: data.pages, title: data.title })
      : t("consultationPages.answers.titleWith", { title: data.title });
  return [{ title: pageTitle(matches, title) }];
};

export default function PublishedAnswers() {
  const d = useLoaderData<typeof loader>();
  const base = `/consultations/${encodeURIComponent(d.slug)}`;
  const { t } = useTranslation();
  const href = useLocalHref();
  const contentLang = useContentLang();
  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: t("common.home") },
          { href: "/consultations", text: t("layout.consultations") },
          { href: base, text: d.title, lang: contentLang },
          { href: `${base}/outcome`, text: t("consultationPages.outcome.title") },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l" lang={contentLang}>
            {d.title}
          </span>
          <h1 className="govuk-heading-xl">{t("consultationPages.answers.heading")}</h1>
          <p className="govuk-body">{t("consultationPages.answers.intro", { count: d.total })}</p>
          {d.items.map((r) => (
            <section key={r.responseId} className="app-coding__item" aria-labelledby={`response-${r.responseId}`}>
              <h2 className="govuk-heading-s" id={`response-${r.responseId}`}>
                <span data-as-written="">{r.name}</span>
                {r.capacity ? (
                  <span className="govuk-!-font-weight-regular">
                    , <span data-as-written="">{r.capacity}</span>
                  </span>
                ) : null}
                <span className="govuk-!-font-weight-regular"> ({t(`charts.channels.${r.channel}`).toLowerCase()})</span>
              </h2>
              <dl className="govuk-summary-list">
                {r.answers.map((a) => (
                  <div key={a.questionId} className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key" lang={contentLang}>
                      {a.question}
                    </dt>
                    <dd className="govuk-summary-list__value">
                      {a.stance ? <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{t(`stances.${a.stance}`)}</p> : null}
                      {a.text ? <p className="govuk-body govuk-!-margin-bottom-0 app-answer-text" data-as-written="">
                          {a.text}
                        </p> : null}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <Pagination page={d.page} pages={d.pages} hrefFor={(n) => href(`${base}/outcome/answers${n > 1 ? `?page=${n}` : ""}`)} label={t("consultationPages.answers.pagesLabel")} />
          <p className="govuk-body">
            <Link className="govuk-link" to={href(`${base}/outcome`)}>
              {t("consultationPages.answers.back")}
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
