/** A union rep's notices: proposals their unions were given advance notice of. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { pageTitle } from "~/components/page-title";
import { StateTag } from "~/components/StateTag";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useContentLang, useFormat, useLocalHref, useTranslation } from "~/i18n/react";
import { ConfidentialBanner, confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { noticesForRep } from "~/notifications/notices.server";

export const headers = confidentialHeaders;

export const meta: MetaFunction = ({ matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, t("repPages.list.title")) }, { name: "robots", content: "noindex" }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "notice:view");
  return { repName: viewer.name, notices: noticesForRep(viewer) };
}

export default function Notices() {
  const { repName, notices } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const format = useFormat();
  const href = useLocalHref();
  const contentLang = useContentLang();
  return (
    <>
      <ConfidentialBanner repName={repName} />
      <h1 className="govuk-heading-l">{t("repPages.list.heading")}</h1>
      {notices.length === 0 ? (
        <p className="govuk-body">{t("repPages.list.none")}</p>
      ) : (
        <table className="govuk-table app-table--reflow">
          <caption className="govuk-table__caption govuk-visually-hidden">{t("repPages.list.caption")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                {t("repPages.list.proposal")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("repPages.list.noticeGiven")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("repPages.list.status")}
              </th>
              <th scope="col" className="govuk-table__header">
                {t("repPages.list.acknowledged")}
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {notices.map((n) => (
              <tr className="govuk-table__row" key={n.slug}>
                <td className="govuk-table__cell" data-label={t("repPages.list.proposal")}>
                  <Link className="govuk-link" to={href(`/notices/${encodeURIComponent(n.slug)}`)} lang={contentLang}>
                    {n.title}
                  </Link>
                </td>
                <td className="govuk-table__cell" data-label={t("repPages.list.noticeGiven")}>
                  {n.noticeSentAt ? format.date(n.noticeSentAt) : t("repPages.list.beingDelivered")}
                </td>
                <td className="govuk-table__cell" data-label={t("repPages.list.status")}>
                  <StateTag state={n.state} />
                </td>
                <td className="govuk-table__cell" data-label={t("repPages.list.acknowledged")}>
                  {n.acknowledged ? t("repPages.list.yes") : t("repPages.list.notYet")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
