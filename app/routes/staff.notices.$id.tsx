/**
 * One proposal's union notice, for officers: the notice period and the s.188 clock, which reps
 * were sent it, viewed and acknowledged it, and each union's confidential feedback with a form
 * to answer every item. The consultation opens only once all of it is answered.
 */
import { useEffect } from "react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { formatDate, formatDateTime, plural } from "~/components/format";
import { Textarea } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { StateTag } from "~/components/StateTag";
import { SummaryList, type SummaryListRow } from "~/components/SummaryList";
import { now } from "~/lib/clock";
import { confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { FeedbackThread } from "~/notifications/FeedbackThread";
import { staffNoticePage } from "~/notifications/notice-page.server";
import { answerFeedback, resendNoticeLink } from "~/notifications/notices.server";
import { notFound, requireVisibleProposalById } from "~/proposals/proposals.server";
import { canSeeAllFeedback, visibilityFacts } from "~/proposals/visibility";
import { SuccessBanner } from "~/components/SuccessBanner";

export const headers = confidentialHeaders;

const idParam = z.coerce.number().int().positive();
const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("answer"), feedbackId: z.coerce.number().int().positive(), body: z.string().max(100_000).optional() }),
  z.object({ intent: z.literal("resend"), userId: z.coerce.number().int().positive() }),
]);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Union notice: ${data.proposal.title} – Staff area` : "Union notice – Staff area") }];

async function requireProposal(request: Request, id: string | undefined) {
  const viewer = await requirePermission(request, "proposal:view-staff");
  const parsed = idParam.safeParse(id);
  if (!parsed.success) throw notFound();
  const proposal = requireVisibleProposalById(viewer, parsed.data);
  // Every union's confidential feedback: only staff with the need to know (visibility.ts).
  if (!canSeeAllFeedback(viewer, visibilityFacts(proposal))) throw notFound();
  return { viewer, proposal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, proposal } = await requireProposal(request, params.id);
  if (!proposal.approvedAt || !proposal.unions.length) throw notFound();
  return staffNoticePage(viewer, proposal, now());
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal } = await requireProposal(request, params.id);
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ field: "feedback", feedbackId: null, message: "Choose what to do" }, { status: 400 });
  const back = `/staff/notices/${proposal.id}`;
  if (parsed.data.intent === "resend") {
    if (!resendNoticeLink(viewer, proposal, parsed.data.userId, now())) throw new Response("You cannot send a link for this notice", { status: 403 });
    return redirect(`${back}?done=resent`);
  }
  const { feedbackId, body } = parsed.data;
  const result = answerFeedback(viewer, proposal, feedbackId, body ?? "", now());
  if (!result.ok) return data({ field: `answer-${feedbackId}`, feedbackId, message: result.message }, { status: 400 });
  return redirect(`${back}?done=answered#feedback-${feedbackId}`);
}

const DONE: Record<string, string> = {
  answered: "Your answer has been added, and the union's representatives have been emailed a link to read it.",
  resent: "A new personal link has been emailed to the representative.",
};

export default function StaffNotice() {
  const page = useLoaderData<typeof loader>();
  const error = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  useEffect(() => {
    if (!error) return;
    const base = document.title;
    if (!base.startsWith("Error: ")) document.title = `Error: ${base}`;
    return () => {
      document.title = base;
    };
  }, [error]);

  const { proposal: p, period, clock } = page;
  const rows: SummaryListRow[] = [{ key: "Status", value: <StateTag state={p.state} /> }];
  if (!period) rows.push({ key: "Notice given", value: "Not yet delivered to a representative of every union: the notice period starts when it is" });
  if (period) {
    rows.push({ key: "Notice given", value: formatDate(period.sentOn) });
    rows.push({ key: "Notice period", value: `${plural(period.givenWorkingDays, "working day")} of ${period.requiredWorkingDays} given` });
    rows.push({ key: "Can open from", value: formatDate(period.earliestOpening) });
  }
  if (p.opensOn) rows.push({ key: "Planned opening", value: formatDate(p.opensOn) });
  rows.push({ key: "Feedback to answer", value: page.unanswered === 0 ? "None" : plural(page.unanswered, "item") });

  return (
    <>
      <Link to="/staff/notices" className="govuk-back-link">
        All union notices
      </Link>
      <ErrorSummary errors={error ? [{ field: error.field, message: error.message }] : []} focusKey={error} />
      {done && DONE[done] ? (
        <SuccessBanner>{DONE[done]}</SuccessBanner>
      ) : null}
      <span className="govuk-caption-l">Union notice: {p.serviceName}</span>
      <h1 className="govuk-heading-l">{p.title}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/staff/proposals/${p.id}`}>
          Go to the proposal
        </Link>
      </p>
      <SummaryList rows={rows} />

      {period?.openingTooEarly && p.state === "union_notice" ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The planned opening date is before the notice period ends. The consultation will not open before {formatDate(period.earliestOpening)}.
          </strong>
        </div>
      ) : null}
      {page.unanswered > 0 && p.state === "union_notice" ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The consultation cannot open until every feedback item from the unions is answered.
          </strong>
        </div>
      ) : null}

      {page.collective ? (
        <>
          <h2 className="govuk-heading-m">Collective consultation (section 188)</h2>
          {clock ? (
            <p className="govuk-body" data-testid="s188-clock">
              {plural(p.postsAffected ?? 0, "post")} at risk: consultation must run for at least {clock.days} days before any dismissal takes effect. Day {clock.elapsedDays} of {clock.days}
              {clock.daysLeft > 0 ? `, ${plural(clock.daysLeft, "day")} left` : ", complete"}. No dismissal can take effect before {formatDate(clock.earliestDismissal)}.
            </p>
          ) : null}
          {!page.s188Complete ? <p className="govuk-body">The section 188 disclosure is incomplete.</p> : null}
        </>
      ) : null}

      {page.unreachableGroups.length ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            These staff groups have no email address, so they will not be told when the consultation opens: {page.unreachableGroups.join(", ")}. An admin can add one.
          </strong>
        </div>
      ) : null}

      {page.unions.map((u) => (
        <section key={u.id} className="app-section" aria-labelledby={`union-${u.id}`}>
          <h2 className="govuk-heading-l" id={`union-${u.id}`}>
            {u.name}
          </h2>
          {u.reps.length === 0 ? (
            <p className="govuk-body">This union has no representatives in the directory, so nobody has been sent the notice. An admin can add one, and they will be sent it.</p>
          ) : (
            <table className="govuk-table app-table--reflow">
              <caption className="govuk-table__caption govuk-table__caption--m">Representatives</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Name
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Sent
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Last viewed
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Acknowledged
                  </th>
                  {page.mayAnswer ? (
                    <th scope="col" className="govuk-table__header">
                      <span className="govuk-visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {u.reps.map((r) => (
                  <tr className="govuk-table__row" key={r.userId}>
                    <td className="govuk-table__cell" data-label="Name">{r.name}</td>
                    <td className="govuk-table__cell" data-label="Sent">{r.sentAt ? formatDate(r.sentAt) : "Not sent"}</td>
                    <td className="govuk-table__cell" data-label="Last viewed">{r.lastViewedAt ? `${formatDateTime(r.lastViewedAt)} (${plural(r.views, "view")})` : "Not viewed"}</td>
                    <td className="govuk-table__cell" data-label="Acknowledged">{r.acknowledgedAt ? formatDateTime(r.acknowledgedAt) : "Not yet"}</td>
                    {page.mayAnswer ? (
                      <td className="govuk-table__cell">
                        <Form method="post">
                          <input type="hidden" name="intent" value="resend" />
                          <input type="hidden" name="userId" value={r.userId} />
                          <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                            Send a new link<span className="govuk-visually-hidden"> to {r.name}</span>
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 className="govuk-heading-m">Confidential feedback</h3>
          <FeedbackThread
            items={u.thread}
            emptyText="This union has not sent any feedback."
            answerSlot={(item) =>
              page.mayAnswer && !item.answers.length ? (
                <Form method="post" className="govuk-!-margin-left-6">
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="feedbackId" value={item.id} />
                  <Textarea
                    id={`answer-${item.id}`}
                    name="body"
                    label={<>Answer this feedback<span className="govuk-visually-hidden"> from {item.author}</span></>}
                    labelSize="s"
                    rows={4}
                    error={error?.feedbackId === item.id ? error.message : undefined}
                  />
                  <button type="submit" className="govuk-button" data-module="govuk-button">
                    Send answer
                  </button>
                </Form>
              ) : null
            }
          />
        </section>
      ))}
    </>
  );
}
