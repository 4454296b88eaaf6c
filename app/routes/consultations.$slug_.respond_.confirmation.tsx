/** After sending answers: what we have, how to change it, and what happens next. */
import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SummaryList } from "~/components/SummaryList";
import { getViewer } from "~/auth/session.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { isPublic } from "~/proposals/visibility";
import { now } from "~/lib/clock";
import { isSubscribedTo } from "~/notifications/subscriptions.server";
import { loadMyResponse } from "~/responses/answers.server";
import commentsCss from "~/responses/comments.css?url";
import { requireReadyRespondent } from "~/responses/respondents.server";
import { STANCE_LABELS, acceptingResponses } from "~/responses/rules";
import { formatWhen } from "~/responses/when";
import { councilTimeZone } from "~/lib/settings.server";
import { hasAnsweredMonitoring } from "~/reach/monitoring.server";
import { SuccessBanner } from "~/components/SuccessBanner";
import type { HydrationHandle } from "~/components/hydration";

// Nothing here needs a script: no client bundle, no hydration payload (decision 019).
export const handle: HydrationHandle = { hydrate: false };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: commentsCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const proposal = requireVisibleProposal(await getViewer(request), params.slug ?? "");
  if (!isPublic(proposal)) throw notFound();
  const base = `/consultations/${encodeURIComponent(proposal.slug)}`;
  const respondent = await requireReadyRespondent(request, `${base}/respond`);
  const mine = loadMyResponse(proposal.id, respondent.id);
  if (!mine) throw redirect(`${base}/respond`);
  const monitoring = new URL(request.url).searchParams.get("monitoring");
  return {
    // Equality monitoring: offered once, after the response, and separate from it.
    monitoring: { answered: hasAnsweredMonitoring(proposal.id, respondent.id), said: monitoring === "thanks" || monitoring === "already" ? monitoring : null },
    base,
    title: proposal.title,
    closesOn: proposal.closesOn,
    canChange: acceptingResponses(proposal, now(), councilTimeZone()),
    updatedAt: mine.updatedAt,
    publishAnswers: mine.publishAnswers,
    email: respondent.email,
    updates: isSubscribedTo(respondent.email, proposal.id),
    answers: proposal.questions.map((q, i) => ({ n: i + 1, question: q.question, stance: mine.answers[q.id]?.stance ?? null, text: mine.answers[q.id]?.text ?? null })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: pageTitle(matches, "Response received") }];

export default function ResponseReceived() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {d.monitoring.said === "thanks" ? <SuccessBanner>Thank you for answering the questions about you.</SuccessBanner> : null}
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Response received</h1>
          <div className="govuk-panel__body">Your answers to “{d.title}” were saved on {formatWhen(d.updatedAt)}</div>
        </div>
        <p className="govuk-body app-break-anywhere" data-testid="receipt-sent">
          We have emailed a copy of your answers to <strong>{d.email}</strong>.
        </p>
        <h2 className="govuk-heading-m">Your answers</h2>
        <SummaryList
          rows={d.answers.map((a) => ({
            key: a.question,
            value: (
              <>
                {a.stance ? <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{STANCE_LABELS[a.stance]}</p> : null}
                {a.text ? <p className="govuk-body govuk-!-margin-bottom-0 app-answer-text">{a.text}</p> : null}
                {!a.stance && !a.text ? <span className="app-not-provided">Not answered</span> : null}
              </>
            ),
            actions: d.canChange ? [{ href: `${d.base}/respond#question-${a.n}`, text: "Change", visuallyHiddenText: `your answer to question ${a.n}` }] : [],
          }))}
        />
        <h2 className="govuk-heading-m">What happens to your answers</h2>
        <p className="govuk-body" data-testid="publish-choice">
          {d.publishAnswers
            ? "You agreed that your answers may be published with the council’s outcome report, under the name you chose. Answers to questions about you or your family are never published."
            : "Your answers will not be published. Council staff working on the consultation read them, and they are counted with everyone else’s."}
          {d.canChange ? (
            <>
              {" "}
              <Link className="govuk-link" to={`${d.base}/respond`}>
                Change this
              </Link>
            </>
          ) : null}
        </p>
        {d.updates ? <p className="govuk-body">We will email you when the council publishes what people said and what it decided.</p> : null}
        {!d.monitoring.answered ? (
          <div className="govuk-inset-text" data-testid="monitoring-invitation">
            <h2 className="govuk-heading-m">Help us check we are hearing from everyone</h2>
            <p className="govuk-body">
              We would like to ask a few optional questions about you, such as your age and ethnic group. Your answers are counted separately and are not linked to you or your response.
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to={`${d.base}/respond/equality`}>
                Answer the optional questions about you
              </Link>
            </p>
          </div>
        ) : null}
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          {d.closesOn ? `The consultation closes at the end of ${formatDate(d.closesOn)}. ` : ""}You can change your answers until then.
        </p>
        <p className="govuk-body">
          After it closes, the council will publish what people said and what it will do, within 12 weeks. You will find it on the consultation page.
        </p>
        <p className="govuk-body">
          You can also{" "}
          <Link className="govuk-link" to={`${d.base}/comments`}>
            comment on the proposal
          </Link>{" "}
          or on any of its risks, or{" "}
          <Link className="govuk-link" to={d.base}>
            go back to the consultation
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
