/**
 * The public moderation log: every comment a moderator hid or restored, when, and under which
 * house rule. Never the words, the author or the moderator's note.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/page-title";
import { Pagination } from "~/components/Pagination";
import { ruleChoices, ruleTitle } from "~/responses/house-rules.server";
import { moderationLog } from "~/responses/moderation.server";
import { threadPath } from "~/responses/rules";
import { translator } from "~/i18n/i18n";
import { useRichTranslation } from "~/i18n/rich";
import { languageOfRequest, languageOfUrl } from "~/i18n/languages";
import { useContentLang, useLanguage, useLocalHref, useTranslation } from "~/i18n/react";
import { parsePage } from "~/responses/thread-page.server";
import commentsCss from "~/responses/comments.css?url";
import { formatWhen } from "~/responses/when";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

export async function loader({ request }: LoaderFunctionArgs) {
  const log = moderationLog(parsePage(new URL(request.url).searchParams.get("page")));
  const rules = ruleChoices(languageOfRequest(request));
  return {
    ...log,
    entries: log.entries.map((e) => ({
      id: e.id,
      action: e.action,
      at: e.at,
      rule: e.rule,
      ruleTitle: ruleTitle(e.rule, rules),
      who: e.official ? ("official" as const) : e.isReply ? ("reply" as const) : ("comment" as const),
      targetType: e.target.type,
      consultation: e.consultation,
      threadHref: e.consultation ? threadPath(e.consultation.slug, e.target) : null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [
    {
      title: pageTitle(
        matches,
        data && data.pages > 1 ? t("commentPages.titles.moderationLogPaged", { page: data.page, pages: data.pages }) : t("commentPages.titles.moderationLog"),
      ),
    },
  ];
};

export default function ModerationLog() {
  const { entries, page, pages, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const lang = useLanguage();
  const href = useLocalHref();
  const contentLang = useContentLang();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-xl">{t("commentPages.moderationLog.heading")}</h1>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body">
              {rt("commentPages.moderationLog.intro", {
                rule: (
                  <Link className="govuk-link" to={href("/house-rules")}>
                    {t("commentPages.moderationLog.houseRule")}
                  </Link>
                ),
              })}
            </p>
          </div>
        </div>
        {entries.length === 0 ? (
          <p className="govuk-body">{t("commentPages.moderationLog.none")}</p>
        ) : (
          <div className="app-table-scroll" role="region" aria-labelledby="log-caption" tabIndex={0}>
            <table className="govuk-table app-table--reflow">
              <caption className="govuk-table__caption govuk-table__caption--m" id="log-caption">
                {t("commentPages.moderationLog.caption", { count: total })}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    {t("commentPages.moderationLog.when")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("commentPages.moderationLog.what")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("commentPages.moderationLog.consultation")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("commentPages.moderationLog.decision")}
                  </th>
                  <th scope="col" className="govuk-table__header">
                    {t("commentPages.moderationLog.rule")}
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {entries.map((e) => {
                  const what = t("commentPages.moderationLog.whatOn", {
                    who: e.who,
                    target: e.targetType,
                  });
                  return (
                    <tr key={e.id} className="govuk-table__row">
                      <td className="govuk-table__cell" data-label={t("commentPages.moderationLog.when")}>
                        <time dateTime={e.at}>{formatWhen(e.at, lang)}</time>
                      </td>
                      <td className="govuk-table__cell" data-label={t("commentPages.moderationLog.what")}>
                        {e.threadHref ? (
                          <Link className="govuk-link" to={href(e.threadHref)}>
                            {what}
                          </Link>
                        ) : (
                          what
                        )}
                      </td>
                      <td className="govuk-table__cell" data-label={t("commentPages.moderationLog.consultation")}>
                        {e.consultation ? <span lang={contentLang}>{e.consultation.title}</span> : t("commentPages.moderationLog.notPublished")}
                      </td>
                      <td className="govuk-table__cell" data-label={t("commentPages.moderationLog.decision")}>
                        {e.action === "hide" ? t("commentPages.moderationLog.hidden") : t("commentPages.moderationLog.shownAgain")}
                      </td>
                      <td className="govuk-table__cell" data-label={t("commentPages.moderationLog.rule")}>
                        {e.rule ? (
                          <Link className="govuk-link" to={href(`/house-rules#${e.rule}`)}>
                            {e.ruleTitle}
                          </Link>
                        ) : (
                          <span className="app-not-provided">{t("commentPages.moderationLog.notApplicable")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pages={pages} hrefFor={(n) => href(n > 1 ? `/moderation-log?page=${n}` : "/moderation-log")} label={t("commentPages.moderationLog.pagesLabel")} />
      </div>
    </div>
  );
}
