/**
 * Before their first response a resident reads the privacy notice: what is published, the
 * lawful basis, how long it is kept, their rights. The notice's words come from content/.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { loadContentPage, privacyNoticeValues } from "~/components/content-page.server";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { loadSettings } from "~/lib/settings.server";
import { acceptPrivacyNotice, requireRespondent, safeReturnPath } from "~/responses/respondents.server";
import { translator } from "~/i18n/i18n";
import { languageOfRequest, languageOfUrl, withLanguage } from "~/i18n/languages";
import { useTranslation } from "~/i18n/react";

function next(request: Request) {
  return safeReturnPath(new URL(request.url).searchParams.get("redirectTo"));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const respondent = await requireRespondent(request);
  // Already read: on to the next step still to do, or back where they were going.
  if (respondent.privacyAcceptedAt) {
    throw redirect(respondent.respondingAs ? next(request) : withLanguage(`/respondents/about-you?${new URLSearchParams({ redirectTo: next(request) })}`, languageOfRequest(request)));
  }
  const settings = loadSettings();
  const { council } = settings;
  const page = await loadContentPage(
    "privacy-notice.md",
    { title: "Privacy notice", markdown: `${council.name} uses your information to run this consultation, as a task in the public interest. We publish your comments with your name shown the way you choose, your answers only if you agree, and never your email address.` },
    privacyNoticeValues(settings),
    languageOfRequest(request),
  );
  return { html: page.html, noticeTitle: page.title, noticeLang: page.lang, redirectTo: next(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const respondent = await requireRespondent(request);
  acceptPrivacyNotice(respondent.id);
  throw redirect(withLanguage(`/respondents/about-you?${new URLSearchParams({ redirectTo: next(request) })}`, languageOfRequest(request)));
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => [{ title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("privacyStep.title")) }];

export default function RespondentPrivacy() {
  const { html, noticeTitle, noticeLang } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{t("aboutYou.caption")}</span>
        <h1 className="govuk-heading-l">{t("privacyStep.title")}</h1>
        <p className="govuk-body-l">{t("privacyStep.intro")}</p>
        <section aria-labelledby="notice-title" className="govuk-!-margin-bottom-6" lang={noticeLang}>
          <h2 className="govuk-heading-m" id="notice-title">
            {noticeTitle}
          </h2>
          <Markdown html={html} />
        </section>
        <Form method="post">
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("privacyStep.continue")}
          </button>
        </Form>
      </div>
    </div>
  );
}
