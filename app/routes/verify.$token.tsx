/**
 * Where a sign-in link lands. Following the link shows a button; pressing it uses the link.
 * Email scanners open links to check them, and a link used on GET would be spent before the
 * resident ever saw it.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LinkGone } from "~/components/LinkGone";
import { pageTitle } from "~/components/page-title";
import { translator } from "~/i18n/i18n";
import { languageOfRequest, languageOfUrl, withLanguage } from "~/i18n/languages";
import { useLocalHref, useTranslation } from "~/i18n/react";
import { linkIsUsable, sessionCookieHeader, redeemSignInLink } from "~/responses/respondents.server";

export async function loader({ params }: LoaderFunctionArgs) {
  // A used or expired link: 410 Gone, with a page saying how to get a new one.
  return linkIsUsable(params.token ?? "") ? { usable: true } : data({ usable: false }, { status: 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const used = redeemSignInLink(params.token ?? "");
  if (!used.ok) throw redirect(withLanguage(`/verify/${encodeURIComponent(params.token ?? "")}`, languageOfRequest(request)));
  // The next page (the respond page, or the step before it) decides what is still to do.
  throw redirect(used.redirectTo, { headers: { "Set-Cookie": await sessionCookieHeader(used.sessionToken) } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => [
  { title: pageTitle(matches, data?.usable ? translator(languageOfUrl(`${location.pathname}${location.search}`))("signIn.title") : translator(languageOfUrl(`${location.pathname}${location.search}`))("sitePages.linkGone.title")) },
];

export default function Verify() {
  const { usable } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const href = useLocalHref();
  if (!usable) {
    return (
      <LinkGone>
        <p className="govuk-body">{t("sitePages.linkGone.signInOnce")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={href("/respondents/sign-in")}>
            {t("verify.newLink")}
          </Link>
        </p>
      </LinkGone>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("signIn.title")}</h1>
        <p className="govuk-body">{t("verify.intro")}</p>
        <Form method="post">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("common.continue")}
          </button>
        </Form>
      </div>
    </div>
  );
}
