/**
 * /open-data: for people. What is published, the licence, each dataset with its columns and a
 * download link, and how to use the API and the feeds. The words live in content/open-data.md;
 * the list of datasets comes from the catalogue the exporter uses, so they cannot disagree.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadContentPage } from "~/components/content-page.server";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { languageOfRequest, languageOfUrl } from "~/i18n/languages";
import { useContentLang, useTranslation } from "~/i18n/react";
import { Content, useRichTranslation } from "~/i18n/rich";
import { loadSettings } from "~/lib/settings.server";
import { DATASETS } from "~/open-data/datasets";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

const MARKER = "<p>{{datasets}}</p>";

export async function loader({ request }: LoaderFunctionArgs) {
  const { council } = loadSettings();
  const baseUrl = new URL(request.url).origin;
  const page = await loadContentPage(
    "open-data.md",
    { title: "Open data", markdown: `Everything on the consultation pages is published under the Open Government Licence v3.0.\n\n{{datasets}}` },
    { "council.name": council.name, "council.contactEmail": council.contactEmail, baseUrl },
    languageOfRequest(request),
  );
  const [before, after = ""] = page.html.split(MARKER);
  return {
    title: page.title,
    lang: page.lang,
    before,
    after,
    datasets: DATASETS.map((d) => ({ name: d.name, title: d.title, row: d.row, columns: d.columns.map((c) => ({ ...c })) })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => [
  { title: pageTitle(matches, data?.lang ? translator(languageOfUrl(location.pathname + location.search))("layout.footer.openData") : (data?.title ?? "Open data")) },
  { tagName: "link", rel: "alternate", type: "application/json", href: "/api/v1/openapi.json", title: "OpenAPI description of the open data" },
];

export default function OpenData() {
  const { title, lang, before, after, datasets } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const rt = useRichTranslation();
  // The datasets' names and columns are described in English (the data's own documentation).
  const contentLang = useContentLang();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl" lang={lang}>
          {title}
        </h1>
        <Markdown html={before} lang={lang} />
        <ul className="govuk-list app-datasets" data-testid="datasets">
          {datasets.map((d) => (
            <li key={d.name} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1" lang={contentLang}>
                {d.title}
              </h3>
              <p className="govuk-body govuk-!-margin-bottom-1">{rt("sitePages.openData.row", { row: <Content>{d.row}</Content> })}</p>
              <p className="govuk-body govuk-!-margin-bottom-1">
                <a className="govuk-link" href={`/api/v1/${d.name}.csv`} download={`${d.name}.csv`}>
                  {rt("sitePages.openData.download", { title: <Content>{d.title.toLowerCase()}</Content> })}
                </a>
              </p>
              <details className="govuk-details govuk-!-margin-bottom-0">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">
                    {t("sitePages.openData.columns")}
                    <span className="govuk-visually-hidden">
                      {rt("sitePages.openData.columnsOf", { title: <Content>{d.title.toLowerCase()}</Content> })}
                    </span>
                  </span>
                </summary>
                <div className="govuk-details__text">
                  <dl className="govuk-summary-list govuk-summary-list--no-border">
                    {d.columns.map((c) => (
                      <div key={c.name} className="govuk-summary-list__row">
                        <dt className="govuk-summary-list__key">
                          <code>{c.name}</code>
                        </dt>
                        <dd className="govuk-summary-list__value" lang={contentLang}>
                          {c.description}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </div>
              </details>
            </li>
          ))}
        </ul>
        <Markdown html={after} lang={lang} />
      </div>
    </div>
  );
}
