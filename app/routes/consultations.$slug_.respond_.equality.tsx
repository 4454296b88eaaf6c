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
import { useErrorTitle } from "~/components/SectionForm";
import { hadFormError, markFormError } from "~/proposals/sections/route.server";
import { answersToCount, monitoringSchema } from "~/reach/monitoring";
import { hasAnsweredMonitoring, recordMonitoringForm } from "~/reach/monitoring.server";
import { MonitoringFields, monitoringErrors } from "~/reach/MonitoringFields";
import { publishedConsultationFor } from "~/reach/public.server";
import { consultationPath } from "~/reach/paths";
import { loadMyResponse } from "~/responses/answers.server";
import { requireReadyRespondent } from "~/responses/respondents.server";

const T = {
  title: "Help us check we are hearing from everyone",
  caption: "Optional questions about you",
  intro: "The council must think about how its decisions affect different groups of people. These questions help us see who has responded and who we still need to hear from.",
  private: "Every question is optional. Your answers are not linked to you or to your response: we only count how many people gave each answer, and we never publish a number smaller than 5.",
  send: "Send these answers",
  skip: "Skip these questions",
  done: "You have already answered these questions for this consultation. Thank you.",
  back: "Back to your response",
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { proposal } = await publishedConsultationFor(request, params.slug);
  const base = consultationPath(proposal.slug);
  const respondent = await requireReadyRespondent(request, `${base}/respond`);
  if (!loadMyResponse(proposal.id, respondent.id)) throw redirect(`${base}/respond`);
  return { base, title: proposal.title, answered: hasAnsweredMonitoring(proposal.id, respondent.id), formError: hadFormError(context) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { proposal } = await publishedConsultationFor(request, params.slug);
  const base = consultationPath(proposal.slug);
  const respondent = await requireReadyRespondent(request, `${base}/respond`);
  const submission = parseWithZod(await request.formData(), { schema: monitoringSchema() });
  if (submission.status !== "success") {
    markFormError(context);
    return data(submission.reply(), { status: 400 });
  }
  const result = recordMonitoringForm(proposal.id, answersToCount(submission.value), { respondentId: respondent.id });
  if (!result.ok && result.status === 404) throw redirect(`${base}/respond`);
  // Answered already: the confirmation page says so; nothing is counted twice.
  return redirect(`${base}/respond/confirmation?monitoring=${result.ok ? "thanks" : "already"}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, T.title, { error: data?.formError }) }];

export default function EqualityMonitoring() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const errors = monitoringErrors(reply?.error ?? undefined);
  useErrorTitle(errors.length > 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`${d.base}/respond/confirmation`} className="govuk-back-link">
          {T.back}
        </Link>
        <ErrorSummary errors={errors} focusKey={reply} />
        <span className="govuk-caption-l">{T.caption}</span>
        <h1 className="govuk-heading-l">{T.title}</h1>
        {d.answered ? (
          <p className="govuk-body">{T.done}</p>
        ) : (
          <>
            <p className="govuk-body">{T.intro}</p>
            <p className="govuk-body">{T.private}</p>
            <Form method="post" noValidate>
              <MonitoringFields values={reply?.initialValue as Record<string, unknown> | undefined} errors={reply?.error ?? undefined} />
              <div className="govuk-button-group">
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  {T.send}
                </button>
                <Link className="govuk-link" to={`${d.base}/respond/confirmation`}>
                  {T.skip}
                </Link>
              </div>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
