/**
 * The approver's review of one proposal: the whole proposal as the public will see it (the
 * public page's own ProposalView), its internal parts marked as not published, what changed
 * since the last review, the gate's verdict, and the checklist of what the gate cannot judge,
 * every item confirmed before Approve is accepted. Return and Approve land back here with a
 * success message. The decision goes through review.server.ts, then the lifecycle.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireStaff } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Checkboxes, Textarea } from "~/components/form-fields";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { ProposalView } from "~/components/ProposalView";
import { TranslationCard } from "~/components/TranslationCard";
import { renderMarkdown } from "~/lib/markdown.server";
import { translationCards } from "~/proposals/translations.server";
import { AuditTrail } from "~/components/AuditTrail";
import { StateTag } from "~/components/StateTag";
import { SuccessBanner } from "~/components/SuccessBanner";
import { WarningText } from "~/components/WarningText";
import { SectionChanges } from "~/components/WordDiff";
import { now } from "~/lib/clock";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import { CHECKLIST_FIELD } from "~/proposals/review-checklist";
import { decideReview, reviewPage, reviewPath } from "~/proposals/review.server";
import { idFrom } from "~/proposals/sections/route.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Review: ${data.proposal.title} – Staff area` : "Review – Staff area") }];

async function requireReviewer(request: Request, id: string | undefined) {
  const viewer = await requireStaff(request);
  const proposal = requireVisibleProposalById(viewer, idFrom(id));
  if (!can(viewer, "proposal:approve")) throw new Response("Only approvers review proposals", { status: 403 });
  return { viewer, proposal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, proposal } = await requireReviewer(request, params.id);
  // Translations go out with the proposal, so the approver reads them too (issue 14).
  return { ...reviewPage(viewer, proposal, now()), translations: translationCards(proposal, (markdown) => renderMarkdown(markdown, "officer")) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal } = await requireReviewer(request, params.id);
  const decision = decideReview(viewer, proposal.id, await request.formData());
  if (!decision.ok) {
    const { status, ...error } = decision;
    return data(error, { status });
  }
  return redirect(`${reviewPath(proposal.id)}?done=${decision.done}`);
}

const DONE: Record<string, string> = {
  approve: "Approved. The proposal is now under union notice, or scheduled if no staff are affected, and its drafter has been told.",
  reject: "Returned to the drafter with your reasons. They have been emailed, and it comes back to the approvers when it is submitted again.",
};

export default function Review() {
  const { proposal, view, unmet, sinceLastReview, internal, checklist, may, translations } = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const errors = error ? [{ field: error.field, message: error.message }, ...error.unmet.map((u) => ({ field: "gate", message: u.message }))] : [];

  return (
    <>
      <Link to={`/staff/proposals/${proposal.id}`} className="govuk-back-link">
        Back to the proposal
      </Link>
      <ErrorSummary errors={errors} focusKey={error} />
      {done && DONE[done] ? <SuccessBanner>{DONE[done]}</SuccessBanner> : null}
      <span className="govuk-caption-l">Review: {proposal.serviceName}</span>
      <h1 className="govuk-heading-l">{proposal.title}</h1>
      <p className="govuk-body">
        <StateTag state={proposal.state} /> Lead officer: {proposal.leadOfficer}
      </p>
      {proposal.state !== "in_review" ? (
        <p className="govuk-body" data-testid="not-in-review">
          This proposal is not waiting for review, so there is nothing to approve or return now.
        </p>
      ) : (
        <p className="govuk-body">
          Read the whole proposal below as the public will see it, and the parts marked as not published, then confirm the checks at the end before you approve it or return it to
          the drafter.
        </p>
      )}

      <h2 className="govuk-heading-m" id="gate">
        Publication check
      </h2>
      {unmet.length === 0 ? (
        <p className="govuk-body" data-testid="gate-clear">
          The publication check finds everything the council requires before publication. It cannot judge whether what is written is true: that is what your checks below are for.
        </p>
      ) : (
        <>
          <p className="govuk-body" data-testid="gate-unmet">
            {unmet.length} {unmet.length === 1 ? "requirement is" : "requirements are"} not met, so it cannot be approved:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {unmet.map((u, i) => (
              <li key={`${u.code}-${i}`}>
                {u.section}: {u.message}
              </li>
            ))}
          </ul>
        </>
      )}

      {proposal.state === "in_review" ? (
        <>
          <h2 className="govuk-heading-m">What changed since the last review</h2>
          {!sinceLastReview ? (
            <p className="govuk-body">This is its first submission for review.</p>
          ) : sinceLastReview.changes.length === 0 ? (
            <p className="govuk-body">Nothing has changed since it was last submitted.</p>
          ) : (
            <div data-testid="changes-since-review">
              <SectionChanges changes={sinceLastReview.changes} />
            </div>
          )}
        </>
      ) : null}

      <section className="govuk-inset-text" aria-labelledby="internal-heading" data-testid="not-published">
        <h2 className="govuk-heading-m" id="internal-heading">
          <strong className="govuk-tag govuk-tag--grey">Not published</strong> For staff only
        </h2>
        <p className="govuk-body">The public never sees what follows. Judge it all the same.</p>
        {proposal.returnedReason && proposal.state === "draft" ? (
          <>
            <h3 className="govuk-heading-s">Why it was returned</h3>
            <p className="govuk-body">{proposal.returnedReason}</p>
          </>
        ) : null}
        {internal.withheldDocuments.length ? (
          <>
            <h3 className="govuk-heading-s">Documents withheld in full</h3>
            <p className="govuk-body">The public sees their titles and the reasons they are withheld, not the files.</p>
            <ul className="govuk-list govuk-list--bullet">
              {internal.withheldDocuments.map((d) => (
                <li key={d.id}>
                  {d.href ? (
                    <a className="govuk-link" href={d.href}>
                      {d.title}
                    </a>
                  ) : (
                    d.title
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {internal.s188 ? (
          <>
            <h3 className="govuk-heading-s">Told to the unions in confidence: collective consultation (section 188)</h3>
            <p className="govuk-body">{internal.s188.total}.</p>
            <ConfidentialItems items={internal.s188.items} />
          </>
        ) : null}
        {internal.tupe ? (
          <>
            <h3 className="govuk-heading-s">Told to the unions in confidence: transfer of staff (TUPE regulation 13)</h3>
            <p className="govuk-body">Staff would transfer: {internal.tupe.kind}.</p>
            <ConfidentialItems items={internal.tupe.items} />
          </>
        ) : null}
        <h3 className="govuk-heading-s">History</h3>
        {internal.trail.length === 0 ? <p className="govuk-body">Nothing is recorded for this proposal yet.</p> : null}
        {internal.trail.length === 0 ? null : <AuditTrail entries={internal.trail} captionId="history-caption" />}
      </section>

      <h2 className="govuk-heading-l govuk-!-margin-top-6" data-testid="as-published">
        The proposal as the public will see it
      </h2>
      <div data-testid="public-view">
        <ProposalView proposal={view} showContents={false} />
      </div>
      {translations.length ? (
        <section aria-labelledby="translations-heading" data-testid="review-translations">
          <h2 className="govuk-heading-l govuk-!-margin-top-6" id="translations-heading">
            Translations
          </h2>
          <p className="govuk-body">Published with the proposal, for people who read the consultation in these languages. Everything not translated is shown in English.</p>
          {translations.map((tr) => (
            <TranslationCard key={tr.language} tr={tr} />
          ))}
        </section>
      ) : null}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-l" id="decision" tabIndex={-1}>
            Your decision
          </h2>
          {may.conflict ? <WarningText>{may.conflict}.</WarningText> : null}
          {may.approve ? (
            <Form method="post">
              <input type="hidden" name="intent" value="approve" />
              <Checkboxes
                id={CHECKLIST_FIELD}
                name={CHECKLIST_FIELD}
                legend="Before you approve it, confirm what the publication check cannot judge"
                legendSize="m"
                hint="Select every check you have made. The approval records what you confirmed."
                options={checklist}
                defaultValue={error?.ticked ?? []}
                error={error?.field === CHECKLIST_FIELD ? error.message : undefined}
              />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Approve for publication
              </button>
            </Form>
          ) : null}
          {may.return ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reject" />
              <Textarea
                id="reject-reason"
                name="reason"
                label="Return it to the drafter: what needs to change"
                labelSize="m"
                hint="The drafter is emailed this. Say what to change and why."
                rows={5}
                error={error?.field === "reject-reason" ? error.message : undefined}
              />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Return to drafter
              </button>
            </Form>
          ) : null}
          {!may.approve && !may.return ? <p className="govuk-body">There is nothing for you to decide on this proposal now.</p> : null}
        </div>
      </div>
    </>
  );
}

/** The section 188 and TUPE details told to the unions in confidence, one heading per item. */
function ConfidentialItems({ items }: { items: { label: string; html: string | null }[] }) {
  return (
    <>
      {items.map((item) => (
        <div key={item.label}>
          <h4 className="govuk-heading-s">{item.label}</h4>
          <Markdown html={item.html} fallback={<p className="govuk-body">Not provided.</p>} />
        </div>
      ))}
    </>
  );
}
