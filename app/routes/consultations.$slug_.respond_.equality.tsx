/**
 * Equality monitoring (issue 14, item 6): optional questions a resident may answer after their
 * response is sent, asked separately from it. Only counts are kept, with nothing that could join
 * them back to the person (app/reach/monitoring.server.ts), and the response records only that
 * the questions were answered, so they are not asked twice.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { ErrorSummary } from "~/components/ErrorSummary";
import { pageTitle } from "~/components/page-title";
import { hadFormError, markFormError } from "~/proposals/sections/route.server";
import { answersToCount, monitoringSchema } from "~/reach/monitoring";
import { hasAnsweredMonitoring, recordMonitoringForm } from "~/reach/monitoring.server";
import { MonitoringFields, monitoringErrors } from "~/reach/MonitoringFields";
import { publishedConsultationFor } from "~/reach/public.server";
import { consultationPath } from "~/reach/paths";
import { loadMyResponse } from "~/responses/answers.server";
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfRequest, languageOfUrl, withLanguage } from "~/i18n/languages";
import { useLocalHref, useTranslation } from "~/i18n/react";
import { requireReadyRespondent } from "~/responses/respondents.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { proposal } = await publishedConsultationFor(request, params.slug);
  const base = consultationPath(proposal.slug);
  const lang = languageOfRequest(request);
  const respondent = await requireReadyRespondent(request, withLanguage(`${base}/respond`, lang));
  if (!loadMyResponse(proposal.id, respondent.id)) throw redirect(withLanguage(`${base}/respond`, lang));
  return { base, title: proposal.title, answered: hasAnsweredMonitoring(proposal.id, respondent.id), formError: hadFormError(context) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { proposal } = await publishedConsultationFor(request, params.slug);
  const base = consultationPath(proposal.slug);
  const { lang, t } = translatorFor(request);
  const respondent = await requireReadyRespondent(request, withLanguage(`${base}/respond`, lang));
  const submission = parseWithZod(await request.formData(), { schema: monitoringSchema(t("consultationPages.equality.invalid")) });
  if (submission.status !== "success") {
    markFormError(context);
    return data(submission.reply(), { status: 400 });
  }
  const result = recordMonitoringForm(proposal.id, answersToCount(submission.value), { respondentId: respondent.id });
  if (!result.ok && result.status === 404) throw redirect(withLanguage(`${base}/respond`, lang));
  // Answered already: the confirmation page says so; nothing is counted twice.
  return redirect(withLanguage(`${base}/respond/confirmation?monitoring=${result.ok ? "thanks" : "already"}`, lang));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => [
  { title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("consultationPages.equality.title"), { error: data?.formError }) },
];

export default function EqualityMonitoring() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const errors = monitoringErrors(reply?.error ?? undefined);
  const { t } = useTranslation();
  const href = useLocalHref();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={href(`${d.base}/respond/confirmation`)} className="govuk-back-link">
          {t("consultationPages.equality.back")}
        </Link>
        <ErrorSummary title={t("consultationPages.common.errorSummary")} errors={errors} focusKey={reply} />
        <span className="govuk-caption-l">{t("consultationPages.equality.caption")}</span>
        <h1 className="govuk-heading-l">{t("consultationPages.equality.title")}</h1>
        {d.answered ? (
          <p className="govuk-body">{t("consultationPages.equality.done")}</p>
        ) : (
          <>
            <p className="govuk-body">{t("consultationPages.equality.intro")}</p>
            <p className="govuk-body">{t("consultationPages.equality.private")}</p>
            <Form method="post" noValidate>
              <MonitoringFields values={reply?.initialValue as Record<string, unknown> | undefined} errors={reply?.error ?? undefined} />
              <div className="govuk-button-group">
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  {t("consultationPages.equality.send")}
                </button>
                <Link className="govuk-link" to={href(`${d.base}/respond/confirmation`)}>
                  {t("consultationPages.equality.skip")}
                </Link>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
