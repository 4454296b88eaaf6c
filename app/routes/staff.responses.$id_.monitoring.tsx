/**
 * An officer enters an equality monitoring form that came on paper (the last page of the paper
 * pack, sent back separately). It is counted like an online one: counts only, nothing linking it
 * to a person or a response, no audit entry (app/reach/monitoring.server.ts).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { pageTitle } from "~/components/page-title";
import { canEditProposal } from "~/proposals/lifecycle";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import { hadFormError, idFrom, markFormError } from "~/proposals/sections/route.server";
import { answersToCount, monitoringSchema } from "~/reach/monitoring";
import { recordMonitoringForm } from "~/reach/monitoring.server";
import { MonitoringFields, monitoringErrors } from "~/reach/MonitoringFields";

const T = {
  title: "Enter an equality monitoring form",
  back: "Back to the responses",
  intro: "Copy the ticks from one paper form. Leave a question blank if it was not answered. Do not note anything that could identify the person: these answers are only ever counted.",
  save: "Count this form",
};

async function requireEntry(request: Request, id: string | undefined) {
  const viewer = await requirePermission(request, "proposal:edit");
  const proposal = requireVisibleProposalById(viewer, idFrom(id));
  if (!canEditProposal(viewer, proposal)) throw new Response("Only officers of the service running this consultation can enter its forms", { status: 403 });
  if (proposal.state !== "open" && proposal.state !== "closed") throw new Response("Forms can be entered while the consultation is open and until its outcome is published", { status: 409 });
  return proposal;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const proposal = await requireEntry(request, params.id);
  return { id: proposal.id, title: proposal.title, formError: hadFormError(context) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const proposal = await requireEntry(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: monitoringSchema() });
  if (submission.status !== "success") {
    markFormError(context);
    return data(submission.reply(), { status: 400 });
  }
  recordMonitoringForm(proposal.id, answersToCount(submission.value), null);
  return redirect(`/staff/responses/${proposal.id}?monitoring=saved`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${T.title} – ${data.title} – Staff area` : null, { error: data?.formError }) }];

export default function EnterMonitoringForm() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as SubmissionResult<string[]> | undefined;
  const errors = monitoringErrors(reply?.error ?? undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/responses/${d.id}`} className="govuk-back-link">
          {T.back}
        </Link>
        <ErrorSummary errors={errors} focusKey={reply} />
        <span className="govuk-caption-l">{d.title}</span>
        <h1 className="govuk-heading-l">{T.title}</h1>
        <p className="govuk-body">{T.intro}</p>
        <Form method="post" noValidate>
          <MonitoringFields values={reply?.initialValue as Record<string, unknown> | undefined} errors={reply?.error ?? undefined} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {T.save}
          </button>
        </Form>
      </div>
    </div>
  );
}
