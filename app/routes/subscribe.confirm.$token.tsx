/**
 * Confirming an email subscription from the link in the confirmation email. Opening the link
 * shows a button; only pressing it confirms, so a mail scanner cannot confirm for someone. A link
 * that no longer works (the subscription was stopped, or the link is not whole) gets 410 Gone and
 * a page saying how to sign up again.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { LinkGone } from "~/components/LinkGone";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useLocalHref, useTranslation } from "~/i18n/react";
import { now } from "~/lib/clock";
import { confirmSubscription, peekConfirmation } from "~/notifications/subscriptions.server";
import { TopicSentence } from "~/notifications/TopicSentence";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, data && "what" in data ? t("consultationPages.subscribeConfirm.title") : t("consultationPages.subscribeConfirm.gone")) }, { name: "robots", content: "noindex" }];
};

const gone = () => data({ gone: true as const }, { status: 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  return peekConfirmation(params.token) ?? gone();
}

export async function action({ params }: ActionFunctionArgs) {
  const done = confirmSubscription(params.token, now());
  if (!done) return gone();
  return { confirmed: true as const };
}

export default function ConfirmSubscription() {
  const found = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const href = useLocalHref();
  if (!("what" in found) || (result && "gone" in result)) {
    return (
      <LinkGone heading={t("consultationPages.subscribeConfirm.gone")}>
        <p className="govuk-body">{t("consultationPages.subscribeConfirm.goneBody")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={href("/subscribe")}>
            {t("consultationPages.subscribeConfirm.again")}
          </Link>
          {t("consultationPages.subscribeConfirm.againEnd")}
        </p>
      </LinkGone>
    );
  }
  const { what, confirmed } = found;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {confirmed || (result && "confirmed" in result) ? (
          <>
            <h1 className="govuk-heading-l">{t("consultationPages.subscribeConfirm.subscribed")}</h1>
            <p className="govuk-body">
              <TopicSentence sentence="consultationPages.subscribeConfirm.body" topic={what} />
            </p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">{t("consultationPages.subscribeConfirm.title")}</h1>
            <p className="govuk-body">
              <TopicSentence sentence="consultationPages.subscribeConfirm.confirmBody" topic={what} />
            </p>
            <Form method="post">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("consultationPages.subscribeConfirm.button")}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
