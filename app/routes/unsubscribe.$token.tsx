/**
 * Unsubscribing, without signing in: the token in the link is the permission.
 *
 * RFC 8058 one-click: every email carries `List-Unsubscribe: <this address>` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, and a mail client POSTs
 * "List-Unsubscribe=One-Click" here with no cookies; any POST unsubscribes. A GET (a person
 * following the link, or a scanner fetching it) only shows the button, and changes nothing.
 * Unsubscribe links never expire; one we do not know (not copied whole) gets 410 Gone and a page
 * saying where else to stop the emails.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { LinkGone } from "~/components/LinkGone";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { languageOfUrl } from "~/i18n/languages";
import { useTranslation } from "~/i18n/react";
import { now } from "~/lib/clock";
import { peekUnsubscribe, unsubscribe } from "~/notifications/subscriptions.server";
import { TopicSentence } from "~/notifications/TopicSentence";

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, data && "what" in data ? t("consultationPages.unsubscribe.title") : t("consultationPages.unsubscribe.gone")) }, { name: "robots", content: "noindex" }];
};

const gone = () => data({ gone: true as const }, { status: 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  return peekUnsubscribe(params.token) ?? gone();
}

export async function action({ params }: ActionFunctionArgs) {
  const done = unsubscribe(params.token, now());
  if (!done) return gone();
  return { unsubscribed: true as const };
}

export default function Unsubscribe() {
  const found = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!("what" in found) || (result && "gone" in result)) {
    return (
      <LinkGone heading={t("consultationPages.unsubscribe.gone")}>
        <p className="govuk-body">{t("consultationPages.unsubscribe.goneBody")}</p>
      </LinkGone>
    );
  }
  const { what, done } = found;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {done || (result && "unsubscribed" in result) ? (
          <>
            <h1 className="govuk-heading-l">{t("consultationPages.unsubscribe.done")}</h1>
            <p className="govuk-body">
              <TopicSentence sentence="consultationPages.unsubscribe.doneBody" topic={what} />
            </p>
          </>
        ) : (
          <>
            <h1 className="govuk-heading-l">{t("consultationPages.unsubscribe.title")}</h1>
            <p className="govuk-body">
              <TopicSentence sentence="consultationPages.unsubscribe.body" topic={what} />
            </p>
            <Form method="post">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                {t("consultationPages.unsubscribe.button")}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
