/**
 * A proposal's page in the staff area: its task list while it can be changed (statuses from the
 * gate), the gate's result, what changed since the last review, and what this person may do
 * now: submit, approve, return or withdraw. The action is the lifecycle's door: every
 * transition goes through applyTransition, which checks the rules again.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireStaff } from "~/auth/session.server";
import { can, type SignedInViewer } from "~/auth/permissions";
import { now } from "~/lib/clock";
import { daysText, outcomeClock } from "~/outcomes/overdue";
import { loadOutcome } from "~/outcomes/read.server";
import { canReadResponses, canSeeAllFeedback, seesInternalDetail, visibilityFacts } from "~/proposals/visibility";
import type { Proposal } from "~/proposals/types";
import { AuditTrail } from "~/components/AuditTrail";
import { StateTag } from "~/components/StateTag";
import { ErrorSummary } from "~/components/ErrorSummary";
import { loadSettings } from "~/lib/settings.server";
import { pageTitle } from "~/components/page-title";
import { SectionChanges } from "~/components/WordDiff";
import { TaskList } from "~/components/TaskList";
import { approvalConflict, canEditProposal, editingMode } from "~/proposals/lifecycle";
import { applyTransition, editorsSinceLastReturn } from "~/proposals/lifecycle.server";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import { CHECKLIST_FIELD } from "~/proposals/review-checklist";
import { decideReview, reviewPath } from "~/proposals/review.server";
import { readiness, sectionStatus } from "~/proposals/readiness";
import { checkAnswersPath, sectionPath, TASK_TITLES, titlePath, translationsPath, unmetHref } from "~/proposals/sections/pages";
import { translationLanguage } from "~/proposals/translation";
import { SECTIONS, type Unmet } from "~/proposals/types";
import { auditTrail } from "~/proposals/staff.server";
import { changesSinceLastReview } from "~/proposals/versions.server";
import { SuccessBanner } from "~/components/SuccessBanner";
import { PeriodPanel } from "~/components/PeriodPanel";
import { periodPanel } from "~/proposals/period.server";
import { challengeSummary } from "~/challenges/challenges.server";

const idParam = z.coerce.number().int().positive();

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${data.proposal.title} – Staff area` : "Proposal – Staff area") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireStaff(request);
  const id = idParam.safeParse(params.id);
  if (!id.success) throw new Response("Not Found", { status: 404 });
  const proposal = requireVisibleProposalById(viewer, id.data);
  const settings = loadSettings();
  const unmet = readiness(proposal, settings);
  const editable = canEditProposal(viewer, proposal) && editingMode(proposal) != null;
  const approver = can(viewer, "proposal:approve");
  // Staff without the need to know (a moderator, an officer of another service) reach this page
  // only for a published consultation, and then see none of its internal parts (visibility.ts).
  const facts = visibilityFacts(proposal);
  const internal = seesInternalDetail(viewer, facts);
  return {
    proposal: {
      id: proposal.id,
      slug: proposal.slug,
      title: proposal.title,
      state: proposal.state,
      serviceName: proposal.serviceName,
      leadOfficer: proposal.leadOfficer,
      returnedReason: internal ? proposal.returnedReason : null,
      opensOn: proposal.opensOn,
      closesOn: proposal.closesOn,
      approvedAt: proposal.approvedAt,
    },
    internal,
    noticeLink: proposal.approvedAt != null && proposal.unions.length > 0 && canSeeAllFeedback(viewer, facts),
    unmet: unmet.map((u) => ({ ...u, href: editable ? unmetHref(proposal.id, u) : null })),
    // Statuses come from the gate each time: nothing about progress is stored.
    tasks: editable
      ? SECTIONS.map(({ key }) => ({ key, title: TASK_TITLES[key], href: sectionPath(proposal.id, key), status: sectionStatus(proposal, settings, key, unmet) }))
      : null,
    isPublicEdit: editable && editingMode(proposal) === "public",
    /** the languages the summary has been translated into, for the link under the task list */
    translations: (proposal.translations ?? []).map((tr) => translationLanguage(tr.language)?.name ?? tr.language),
    sinceLastReview: proposal.state === "in_review" && (approver || canEditProposal(viewer, proposal)) ? changesSinceLastReview(proposal, settings) : null,
    may: {
      submit: proposal.state === "draft" && canEditProposal(viewer, proposal),
      review: proposal.state === "in_review" && can(viewer, "proposal:approve"),
      /** why this person may not approve it (they drafted or changed it), or null */
      approvalConflict: proposal.state === "in_review" ? approvalConflict(viewer.id, proposal, editorsSinceLastReturn(proposal.id)) : null,
      withdraw: !["decided", "withdrawn"].includes(proposal.state) && can(viewer, "proposal:withdraw") && (canEditProposal(viewer, proposal) || can(viewer, "proposal:approve")),
    },
    trail: internal ? auditTrail(proposal.id) : [],
    period: periodPanel(proposal),
    challenges: challengeSummary(proposal.id),
    canEdit: canEditProposal(viewer, proposal),
    after: afterClosing(viewer, proposal),
  };
}

/** What this person can open after the consultation opens: the responses, the outcome report, the decision. */
function afterClosing(viewer: SignedInViewer, proposal: Proposal) {
  const readResponses = canReadResponses(viewer, visibilityFacts(proposal));
  const closed = ["closed", "outcome_published", "decided"].includes(proposal.state);
  const status = loadOutcome(proposal.id)?.status ?? null;
  const clock = outcomeClock(proposal, now(), loadSettings().council.timeZone);
  return {
    readResponses,
    overdue: clock.overdue ? daysText(clock.daysOverdue) : null,
    outcome: readResponses && closed ? (status === "published" ? "The published outcome report" : canEditProposal(viewer, proposal) && status !== "submitted" ? "Write the outcome report" : "The outcome report") : null,
    decision: proposal.state !== "closed" && closed && can(viewer, "decision:record") ? (proposal.state === "decided" ? "The decision" : "Confirm reading and record the decision") : null,
  };
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit") }),
  z.object({ intent: z.literal("withdraw"), reason: z.string().trim().max(5000).optional() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request);
  const id = idParam.safeParse(params.id);
  if (!id.success) throw new Response("Not Found", { status: 404 });
  // Seeing the proposal is the first check; the transition rule is the second.
  requireVisibleProposalById(viewer, id.data);
  const form = await request.formData();
  // Approve and return have one door, the review's: approval needs the approver's checklist.
  if (form.get("intent") === "approve" || form.get("intent") === "reject") {
    const decision = decideReview(viewer, id.data, form);
    if (!decision.ok) return data({ message: decision.message, unmet: decision.unmet, field: decision.field === CHECKLIST_FIELD ? "review-link" : decision.field }, { status: decision.status });
    return redirect(`${reviewPath(id.data)}?done=${decision.done}`);
  }
  const parsed = intentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ message: "Choose what to do with this proposal", unmet: [] as Unmet[], field: "intent" }, { status: 400 });
  const input = parsed.data;
  const result = applyTransition(input.intent, id.data, { kind: "person", viewer }, { reason: "reason" in input ? input.reason : undefined });
  if (!result.ok) {
    const field = input.intent === "withdraw" ? "withdraw-reason" : undefined;
    return data({ message: result.message, unmet: result.unmet ?? [], field }, { status: result.status === 422 ? 400 : result.status });
  }
  return redirect(`/staff/proposals/${id.data}?done=${input.intent}`);
}

const DONE_MESSAGES: Record<string, string> = {
  submit: "Submitted for review. An approver will look at it next.",
  withdraw: "Withdrawn. The reason will be published.",
};

export default function StaffProposal() {
  const { proposal, internal, noticeLink, unmet, tasks, isPublicEdit, translations, sinceLastReview, may, trail, period, challenges, canEdit, after } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const saved = searchParams.get("saved");
  const bySection = SECTIONS.map((s) => ({ ...s, items: unmet.filter((u) => u.section === s.key) })).filter((s) => s.items.length > 0);
  const completed = tasks?.filter((t) => t.status === "completed").length ?? 0;
  // The error summary links to an item by its code; ids must be unique, so only the first has one.
  const firstOfCode = new Set(unmet.filter((u, i) => unmet.findIndex((v) => v.code === u.code) === i));

  return (
    <>
      <Link to="/staff" className="govuk-back-link">
        Back to your proposals
      </Link>
      <div>
        {result ? (
          <ErrorSummary
            errors={[
              { field: result.field ?? "actions", message: result.message },
              ...result.unmet.map((u) => ({ field: `unmet-${u.code}`, message: u.message })),
            ]}
          />
        ) : null}
        {saved && !done ? (
          <SuccessBanner>Your changes have been saved. You can come back to them at any time.</SuccessBanner>
        ) : null}
        {done && DONE_MESSAGES[done] ? (
          <SuccessBanner>{DONE_MESSAGES[done]}</SuccessBanner>
        ) : null}
        <span className="govuk-caption-l">{proposal.serviceName}</span>
        <h1 className="govuk-heading-l">{proposal.title}</h1>
        <p className="govuk-body">
          <StateTag state={proposal.state} /> Lead officer: {proposal.leadOfficer}
          {tasks ? (
            <>
              {" "}
              <Link className="govuk-link" to={titlePath(proposal.id)}>
                Change the title or lead officer
              </Link>
            </>
          ) : null}
        </p>
        {proposal.returnedReason && proposal.state === "draft" ? (
          <div className="govuk-inset-text">
            <h2 className="govuk-heading-s">Returned by the approver</h2>
            <p className="govuk-body">{proposal.returnedReason}</p>
          </div>
        ) : null}

        <PeriodPanel panel={period} />
        {challenges.open || challenges.pending || challenges.answered ? (
          <p className="govuk-body" data-testid="challenge-summary">
            <Link className="govuk-link" to="/staff/challenges">
              Challenges to the facts
            </Link>
            : {challenges.open} waiting for the council&apos;s answer{challenges.overdue ? `, ${challenges.overdue} overdue` : ""}
            {challenges.pending ? `, ${challenges.pending} held for moderation` : ""}, {challenges.answered} answered.
          </p>
        ) : null}

        {tasks ? (
          <>
            <h2 className="govuk-heading-m">{isPublicEdit ? "Change the proposal" : "Prepare the proposal"}</h2>
            {isPublicEdit ? (
              <p className="govuk-body">The consultation is open. Each change you save is published as a new version, with a note saying what changed and why.</p>
            ) : (
              <p className="govuk-body" data-testid="task-count">
                You have completed {completed} of {tasks.length} sections.
              </p>
            )}
            <TaskList tasks={tasks} />
            <p className="govuk-body" data-testid="translations-link">
              <Link className="govuk-link" to={translationsPath(proposal.id)}>
                Translations of the summary and questions
              </Link>{" "}
              (optional): {translations.length ? translations.join(", ") : "none yet"}
            </p>
            {isPublicEdit ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/consultations/${proposal.slug}/history`}>
                  See the published versions and what changed
                </Link>
              </p>
            ) : (
              <p className="govuk-body">
                <Link className="govuk-button" draggable={false} data-module="govuk-button" to={checkAnswersPath(proposal.id)}>
                  Check your answers
                </Link>
              </p>
            )}
          </>
        ) : null}

        {sinceLastReview ? (
          <>
            <h2 className="govuk-heading-m">What changed since the last review</h2>
            {sinceLastReview.changes.length === 0 ? (
              <p className="govuk-body">Nothing has changed since it was last submitted.</p>
            ) : (
              <div data-testid="changes-since-review">
                <SectionChanges changes={sinceLastReview.changes} />
              </div>
            )}
          </>
        ) : null}

        <h2 className="govuk-heading-m">Publication check</h2>
        {unmet.length === 0 ? (
          <p className="govuk-body" data-testid="gate-clear">
            This proposal carries everything the council requires before publication.
          </p>
        ) : (
          <>
            <p className="govuk-body" data-testid="gate-unmet">
              {unmet.length} {unmet.length === 1 ? "requirement is" : "requirements are"} not met yet.
            </p>
            {/* Beside the task list the items are a second way in, so they start folded away. */}
            <details className="govuk-details" open={!tasks || !!result}>
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">What the proposal still needs</span>
              </summary>
              <div className="govuk-details__text">
                {bySection.map((s) => (
                  <div key={s.key}>
                    <h3 className="govuk-heading-s">{s.title}</h3>
                    <ul className="govuk-list govuk-list--bullet">
                      {s.items.map((u) => (
                        <li key={u.code + (u.field ?? "")} id={firstOfCode.has(u) ? `unmet-${u.code}` : undefined}>
                          {u.href ? (
                            <Link className="govuk-link" to={u.href}>
                              {u.message}
                            </Link>
                          ) : (
                            u.message
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </details>
          </>
        )}

        <h2 className="govuk-heading-m" id="actions">
          What you can do
        </h2>
        {may.submit ? (
          <Form method="post">
            <input type="hidden" name="intent" value="submit" />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Submit for review
            </button>
          </Form>
        ) : null}
        {may.review ? (
          <>
            {may.approvalConflict ? (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  {may.approvalConflict}.
                </strong>
              </div>
            ) : null}
            <p className="govuk-body">Read the whole proposal as the public will see it, with its internal parts, and confirm the approver&apos;s checks before you approve it or return it.</p>
            <p className="govuk-body">
              <Link className="govuk-button" id="review-link" draggable={false} to={`/staff/proposals/${proposal.id}/review`}>
                Review the proposal
              </Link>
            </p>
          </>
        ) : null}
        {may.withdraw ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Withdraw this proposal</span>
            </summary>
            <div className="govuk-details__text">
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <div className="govuk-form-group">
                  <label className="govuk-label" htmlFor="withdraw-reason">
                    Why it is being withdrawn (this will be published)
                  </label>
                  <textarea className="govuk-textarea" id="withdraw-reason" name="reason" rows={3} />
                </div>
                <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                  Withdraw proposal
                </button>
              </Form>
            </div>
          </details>
        ) : null}
        {!may.submit && !may.review && !may.withdraw ? <p className="govuk-body">There is nothing for you to do on this proposal now.</p> : null}
        {noticeLink ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/staff/notices/${proposal.id}`}>
              Union notice: who was told, acknowledgements and confidential feedback
            </Link>
          </p>
        ) : null}
        {after.readResponses ? (
          <>
            <h2 className="govuk-heading-m">Responses and outcome</h2>
            {after.overdue ? (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  The outcome is {after.overdue} overdue.
                </strong>
              </div>
            ) : null}
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to={`/staff/proposals/${proposal.id}/responses`}>
                  Read the responses
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`/staff/proposals/${proposal.id}/themes`}>
                  Themes
                </Link>
              </li>
              {after.outcome ? (
                <li>
                  <Link className="govuk-link" to={`/staff/proposals/${proposal.id}/outcome`}>
                    {after.outcome}
                  </Link>
                </li>
              ) : null}
              {after.decision ? (
                <li>
                  <Link className="govuk-link" to={`/staff/proposals/${proposal.id}/decision`}>
                    {after.decision}
                  </Link>
                </li>
              ) : null}
            </ul>
          </>
        ) : null}
        {["open", "closed", "outcome_published", "decided"].includes(proposal.state) ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/consultations/${proposal.slug}`}>
              View the public page
            </Link>
          </p>
        ) : null}
        {proposal.approvedAt && canEdit ? (
          <ul className="govuk-list" aria-label="Paper copies and other formats">
            <li>
              <Link className="govuk-link" to={`/staff/proposals/${proposal.id}/paper-packs`}>
                Paper packs: print them and record where they were sent
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/staff/formats">
                Requests for other formats
              </Link>
            </li>
          </ul>
        ) : null}

        {!internal ? null : <h2 className="govuk-heading-m">History</h2>}
        {!internal ? null : trail.length === 0 ? (
          <p className="govuk-body">Nothing has happened to this proposal yet.</p>
        ) : (
          <AuditTrail entries={trail} captionId="history-caption" />
        )}
      </div>
    </>
  );
}
