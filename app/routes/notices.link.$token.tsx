/**
 * A rep's personal link from a notice email. Opening it shows a button; pressing it uses the
 * link once and signs the rep in. A GET never uses it up, so a mail scanner that follows
 * links cannot spend it. A used, expired, replaced or unknown link gets 410 Gone and a page
 * saying what to do, which names neither the rep nor the proposal.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { createUserSession } from "~/auth/session.server";
import { LinkGone } from "~/components/LinkGone";
import { pageTitle } from "~/components/page-title";
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import { useLocalHref, useTranslation } from "~/i18n/react";
import { AsWritten, Content, useRichTranslation } from "~/i18n/rich";
import { now } from "~/lib/clock";
import { ConfidentialBanner, confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { consumeNoticeLink, peekNoticeLink } from "~/notifications/notices.server";

export const headers = confidentialHeaders;

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, data && "repName" in data ? t("repPages.link.title") : t("sitePages.linkGone.title")) }, { name: "robots", content: "noindex" }];
};

const gone = () => data({ gone: true as const }, { status: 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  return peekNoticeLink(params.token, now()) ?? gone();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const used = consumeNoticeLink(params.token, now());
  if (!used) return gone();
  // On to the notice in the language the link's page was read in.
  return createUserSession(used.userId, withLanguage(`/notices/${encodeURIComponent(used.slug)}`, translatorFor(request).lang));
}

export default function NoticeLink() {
  const link = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const rt = useRichTranslation();
  const href = useLocalHref();
  if (!("repName" in link) || answer) {
    return (
      <LinkGone>
        <p className="govuk-body">{t("repPages.link.goneWhy")}</p>
        <p className="govuk-body">
          {rt("repPages.link.goneWhat", {
            link: (
              <Link className="govuk-link" to={href("/notices")}>
                {t("repPages.link.goneLink")}
              </Link>
            ),
          })}
        </p>
      </LinkGone>
    );
  }
  const { repName, title } = link;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ConfidentialBanner repName={repName} />
        <h1 className="govuk-heading-l">{t("repPages.link.heading")}</h1>
        <p className="govuk-body">
          <Content>{title}</Content>
        </p>
        <p className="govuk-body">{rt("repPages.link.personal", { name: <AsWritten>{repName}</AsWritten> })}</p>
        <Form method="post">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("repPages.link.continue")}
          </button>
        </Form>
      </div>
    </div>
  );
}
