/**
 * The outcome report in the staff area: its parts as a task list (statuses from its gate), what
 * the gate still asks, the report exactly as it will be published, and what this person may do:
 * send it for sign-off (its drafters), or publish it or return it with a reason (an approver who
 * wrote none of it). Publishing is the lifecycle's publish_outcome transition.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Textarea } from "~/components/form-fields";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { StateTag } from "~/components/StateTag";
import { SuccessBanner } from "~/components/SuccessBanner";
import { TaskList } from "~/components/TaskList";
import { now } from "~/lib/clock";
import { OUTCOME_PARTS, outcomePartStatus, outcomeReadiness } from "~/outcomes/gate";
import { outcomeContributors, outcomeDraft, publishOutcome, returnOutcome, submitOutcome } from "~/outcomes/outcome.server";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { OutcomeView } from "~/outcomes/OutcomeView";
import { daysText, outcomeClock } from "~/outcomes/overdue";
import { councilTimeZone } from "~/lib/settings.server";
import { requireOutcomePage } from "~/outcomes/pages.server";
import { outcomePath, outcomeUnmetHref } from "~/outcomes/paths";
import { previewOutcomeView } from "~/outcomes/view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

const PART_TITLES = {
  summary: "Who responded and how",
  themes: "Each theme: what the council did",
  equality: "The equality impact, revisited",
  next: "What happens next",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await requireOutcomePage(request, params);
  const { viewer, proposal, outcome, settings, canDraft } = page;
  const draft = outcomeDraft(proposal, settings);
  const unmet = outcomeReadiness(draft, settings.gate.evidenceMinWords);
  const contributors = outcomeContributors(proposal.id);
  const afterClosing = ["closed", "outcome_published", "decided"].includes(proposal.state);
  return {
    proposal: { id: proposal.id, slug: proposal.slug, title: proposal.title, state: proposal.state },
    status: outcome?.status ?? null,
    revision: outcome?.revision ?? 1,
    returnedReason: outcome?.status === "draft" ? (outcome.returnedReason ?? null) : null,
    submittedAt: outcome?.submittedAt ?? null,
    publishedAt: outcome?.publishedAt ?? null,
    clock: outcomeClock(proposal, now(), councilTimeZone()),
    afterClosing,
    tasks: afterClosing
      ? OUTCOME_PARTS.map((part) => ({ key: part, title: PART_TITLES[part], href: outcomePath(proposal.id, part), status: outcomePartStatus(draft, part, unmet) }))
      : [],
    themeTasks: draft.themes.map((t) => ({
      key: `theme-${t.id}`,
      title: t.name,
      href: outcomePath(proposal.id, `themes/${t.id}`),
      status: unmet.some((u) => u.themeId === t.id) ? (t.councilResponse ? ("in_progress" as const) : ("not_started" as const)) : ("completed" as const),
    })),
    unmet: unmet.map((u) => ({ code: u.code, message: u.message, href: canDraft ? outcomeUnmetHref(proposal.id, u) : null })),
    preview: outcome ? previewOutcomeView(proposal, settings) : null,
    may: {
      draft: canDraft,
      submit: canDraft && unmet.length === 0,
      approve: outcome?.status === "submitted" && proposal.state === "closed" && can(viewer, "outcome:approve") && !contributors.includes(viewer.id),
      ownReport: outcome?.status === "submitted" && can(viewer, "outcome:approve") && contributors.includes(viewer.id),
      decide: proposal.state === "outcome_published" && can(viewer, "decision:record"),
    },
  };
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("submit"), revision: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("return"), reason: z.string().max(5000).optional() }),
]);

type ActionError = { message: string; field: string; unmet: { code: string; message: string }[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal } = await requireOutcomePage(request, params);
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  const fail = (e: Partial<ActionError> & { message: string }, status: number) => data<ActionError>({ field: "actions", unmet: [], ...e }, { status });
  if (!parsed.success) return fail({ message: "Choose what to do with the outcome report" }, 400);
  const input = parsed.data;
  if (input.intent === "submit") {
    const result = submitOutcome(viewer, proposal.id, input.revision);
    if (!result.ok) return fail({ message: result.message, unmet: "unmet" in result ? (result.unmet ?? []).map((u) => ({ code: u.code, message: u.message })) : [] }, result.status);
    return redirect(`${outcomePath(proposal.id)}?done=submitted`);
  }
  if (input.intent === "publish") {
    const result = publishOutcome(viewer, proposal.id);
    if (!result.ok) return fail({ message: result.message, unmet: (result.outcomeUnmet ?? []).map((u) => ({ code: u.code, message: u.message })) }, result.status === 422 ? 400 : result.status);
    return redirect(`${outcomePath(proposal.id)}?done=published`);
  }
  const result = returnOutcome(viewer, proposal.id, input.reason ?? "");
  if (!result.ok) return fail({ message: result.message, field: result.field === "reason" ? "return-reason" : "actions" }, result.status);
  return redirect(`${outcomePath(proposal.id)}?done=returned`);
}

const DONE: Record<string, string> = {
  submitted: "Sent for sign-off. An approver who did not write any of it will publish it or return it to you.",
  published: "Published. The outcome is on the consultation’s public page, and subscribers and respondents who asked have been emailed.",
  returned: "Returned to the drafters with your reasons.",
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Outcome report – ${data.proposal.title} – Staff area` : "Outcome report") }];

export default function OutcomeReport() {
  const d = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const staffBase = `/staff/proposals/${d.proposal.id}`;
  return (
    <>
      <Link to={staffBase} className="govuk-back-link">
        Back to the proposal
      </Link>
      <ErrorSummary errors={error ? [{ field: error.field, message: error.message }, ...error.unmet.map((u) => ({ field: `unmet-${u.code}`, message: u.message }))] : []} focusKey={error} />
      {done && DONE[done] ? <SuccessBanner>{DONE[done]}</SuccessBanner> : null}
      {params.get("saved") && !done ? <SuccessBanner>Your changes to the outcome report have been saved.</SuccessBanner> : null}
      <span className="govuk-caption-l">{d.proposal.title}</span>
      <h1 className="govuk-heading-l">Outcome report</h1>
      <p className="govuk-body">
        <StateTag state={d.proposal.state} />{" "}
        {d.status === "submitted" ? "Sent for sign-off." : d.status === "published" && d.publishedAt ? `Published ${formatDate(d.publishedAt)}.` : d.afterClosing ? "Being drafted." : null}
      </p>

      {!d.afterClosing ? <p className="govuk-body">The outcome report is written after the consultation closes. Until then, read the responses and code them into themes.</p> : null}

      {d.clock.overdue ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The outcome is {daysText(d.clock.daysOverdue)} overdue: it was due by {formatDate(d.clock.dueOn)}. The public page says so until it is published.
          </strong>
        </div>
      ) : d.proposal.state === "closed" && d.clock.dueOn ? (
        <p className="govuk-body">Due by {formatDate(d.clock.dueOn)}, 12 weeks after the consultation closed.</p>
      ) : null}

      {d.returnedReason ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">Returned by the approver</h2>
          <p className="govuk-body">{d.returnedReason}</p>
        </div>
      ) : null}

      {d.afterClosing ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">{d.may.draft ? "Write the outcome report" : "The parts of the report"}</h2>
            <TaskList tasks={d.tasks} linked={d.may.draft} />
            {d.themeTasks.length ? (
              <>
                <h3 className="govuk-heading-s">Themes</h3>
                <TaskList tasks={d.themeTasks} linked={d.may.draft} />
              </>
            ) : null}
            <p className="govuk-body">
              <Link className="govuk-link" to={`${staffBase}/responses`}>
                Read the responses
              </Link>{" "}
              ·{" "}
              <Link className="govuk-link" to={`${staffBase}/themes`}>
                Themes and their counts
              </Link>
            </p>

            <h2 className="govuk-heading-m">Outcome check</h2>
            {d.unmet.length === 0 ? (
              <p className="govuk-body" data-testid="outcome-gate-clear">
                The report answers every theme and carries everything the council requires before publication.
              </p>
            ) : (
              <>
                <p className="govuk-body" data-testid="outcome-gate-unmet">
                  {d.unmet.length} {d.unmet.length === 1 ? "requirement is" : "requirements are"} not met yet.
                </p>
                <ul className="govuk-list govuk-list--bullet">
                  {d.unmet.map((u, i) => (
                    <li key={`${u.code}-${i}`} id={d.unmet.findIndex((x) => x.code === u.code) === i ? `unmet-${u.code}` : undefined}>
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
              </>
            )}

            <h2 className="govuk-heading-m" id="actions" tabIndex={-1}>
              What you can do
            </h2>
            {d.may.submit ? (
              <Form method="post">
                <input type="hidden" name="intent" value="submit" />
                <input type="hidden" name="revision" value={d.revision} />
                <button type="submit" className="govuk-button" data-module="govuk-button">
                  Send for sign-off
                </button>
              </Form>
            ) : null}
            {d.may.ownReport ? (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  You wrote part of this report, so another approver must sign it off.
                </strong>
              </div>
            ) : null}
            {d.may.approve ? (
              <>
                <p className="govuk-body">Read the report below before you publish it. Publishing it puts it on the public page and emails subscribers and the respondents who asked.</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="publish" />
                  <button type="submit" className="govuk-button" data-module="govuk-button">
                    Publish the outcome
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="return" />
                  <Textarea id="return-reason" name="reason" label="Or return it to the drafters: what needs to change" labelSize="s" rows={4} error={error?.field === "return-reason" ? error.message : undefined} />
                  <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                    Return to the drafters
                  </button>
                </Form>
              </>
            ) : null}
            {d.may.decide ? (
              <p className="govuk-body">
                <Link className="govuk-button" draggable={false} data-module="govuk-button" to={`${staffBase}/decision`}>
                  Confirm reading and record the decision
                </Link>
              </p>
            ) : null}
            {!d.may.submit && !d.may.approve && !d.may.decide ? (
              <p className="govuk-body">
                {d.may.draft ? "Complete every part of the report, then send it for sign-off." : d.status === "submitted" ? "The report is waiting for an approver’s sign-off." : "There is nothing for you to do on the report now."}
              </p>
            ) : null}
            {d.status === "published" ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/consultations/${d.proposal.slug}/outcome`}>
                  View the published outcome
                </Link>
              </p>
            ) : null}
          </div>
        </div>
      ) : null}

      {d.preview ? (
        <>
          <h2 className="govuk-heading-l govuk-!-margin-top-6">{d.status === "published" ? "The published report" : "The report as it will be published"}</h2>
          <div className="govuk-inset-text">
            <OutcomeView outcome={d.preview} answersHref={null} />
          </div>
        </>
      ) : null}
    </>
  );
}
