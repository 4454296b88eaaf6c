/**
 * Check your answers: the proposal exactly as the public will see it (the public page's own
 * ProposalView), a Change link per section, and what the gate still asks for, each item linking
 * to its field. "Submit for review" goes through the lifecycle, which checks the gate again.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckAnswersView, UnmetList } from "~/components/CheckAnswers";
import { ErrorSummary } from "~/components/ErrorSummary";
import { pageTitle } from "~/components/page-title";
import { buildProposalView } from "~/components/proposal-view-model";
import { now } from "~/lib/clock";
import { renderMarkdown } from "~/lib/markdown.server";
import { applyTransition } from "~/proposals/lifecycle.server";
import { readiness } from "~/proposals/readiness";
import { proposalPath, sectionPath, TASK_TITLES, unmetHref } from "~/proposals/sections/pages";
import { hadFormError, idFrom, markFormError, requireEditing, requireEditingToSave } from "~/proposals/sections/route.server";
import { can } from "~/auth/permissions";
import { requireStaff } from "~/auth/session.server";
import { canEditProposal } from "~/proposals/lifecycle";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import { reviewPath } from "~/proposals/review.server";
import type { SectionKey } from "~/proposals/types";
import { canDownloadDocument, visibilityFacts } from "~/proposals/visibility";

const TITLE = "Check your answers before submitting the proposal";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Check your answers – ${data.title}` : "Check your answers", { error: data?.formError }) }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // An approver cannot change the proposal, so reads it on the review page instead of a 403.
  const viewer = await requireStaff(request);
  const proposal = requireVisibleProposalById(viewer, idFrom(params.id));
  if (!canEditProposal(viewer, proposal) && can(viewer, "proposal:approve")) throw redirect(reviewPath(proposal.id));
  const e = await requireEditing(request, params);
  const p = e.proposal;
  const facts = visibilityFacts(p);
  return {
    id: p.id,
    title: p.title,
    canSubmit: e.mode === "draft",
    formError: hadFormError(context),
    unmet: readiness(p, e.settings).map((u) => ({ section: u.section, code: u.code, message: u.message, href: unmetHref(p.id, u) })),
    view: buildProposalView(p, e.settings, {
      render: (markdown, options) => renderMarkdown(markdown, "officer", options),
      documentHref: (doc) => (canDownloadDocument(e.viewer, facts, doc) ? `/consultations/${encodeURIComponent(p.slug)}/documents/${doc.id}` : null),
      now: now(),
    }),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const e = await requireEditingToSave(request, params);
  const result = applyTransition("submit", e.proposal.id, { kind: "person", viewer: e.viewer });
  if (!result.ok) {
    markFormError(context);
    return data(
      { message: result.message, unmet: (result.unmet ?? []).map((u) => ({ section: u.section, code: u.code, message: u.message, href: unmetHref(e.proposal.id, u) })) },
      { status: result.status === 422 ? 400 : result.status },
    );
  }
  return redirect(`${proposalPath(e.proposal.id)}?done=submit`);
}

export default function CheckAnswers() {
  const { id, title, canSubmit, unmet: loaded, view } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const unmet = refused?.unmet.length ? refused.unmet : loaded;
  return (
    <>
      <Link to={proposalPath(id)} className="govuk-back-link">
        Back to the task list
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={refused ? [{ field: "still-needed", message: refused.message }] : []} focusKey={refused} />
          <span className="govuk-caption-l">{title}</span>
          <h1 className="govuk-heading-l">{TITLE}</h1>
          <h2 className="govuk-heading-m" id="still-needed" tabIndex={-1}>
            {unmet.length ? "What the proposal still needs" : "The proposal is ready to submit"}
          </h2>
          {unmet.length ? (
            <>
              <p className="govuk-body" data-testid="gate-unmet">
                {unmet.length} {unmet.length === 1 ? "requirement is" : "requirements are"} not met yet. Each one links to the answer to change.
              </p>
              <UnmetList unmet={unmet} sectionTitles={TASK_TITLES} />
            </>
          ) : (
            <p className="govuk-body" data-testid="gate-clear">
              It carries everything the council requires before publication.
            </p>
          )}
        </div>
      </div>
      <h2 className="govuk-heading-l govuk-!-margin-top-6">The proposal as the public will see it</h2>
      <CheckAnswersView proposal={view} changeHref={(key: SectionKey) => sectionPath(id, key)} sectionTitles={TASK_TITLES} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {canSubmit ? (
            <>
              <h2 className="govuk-heading-m">Submit the proposal for review</h2>
              <p className="govuk-body">An approver who did not draft it will check it and either approve it for publication or return it to you with reasons. You cannot change it while it is in review.</p>
              <Form method="post">
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Submit for review
                </button>
              </Form>
            </>
          ) : (
            <p className="govuk-body">
              <Link className="govuk-link" to={proposalPath(id)}>
                Back to the proposal
              </Link>
            </p>
          )}
        </div>
      </div>
    </>
  );
}
