/**
 * The decision maker's page: the themes and their counts, the way to the outcome report and the
 * responses, the confirmation that they have read them (recorded with who and when), then the
 * decision itself. The server refuses a decision before the outcome is published, without that
 * confirmation, or a second time (lifecycle.ts "decide").
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requireViewer } from "~/auth/session.server";
import { can } from "~/auth/permissions";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Checkboxes, DateInput, Radios, TextInput, Textarea } from "~/components/form-fields";
import { formatDate, formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { StateTag } from "~/components/StateTag";
import { SuccessBanner } from "~/components/SuccessBanner";
import { now } from "~/lib/clock";
import { confirmReading, readingConfirmedAt, recordDecision } from "~/outcomes/outcome.server";
import outcomesCss from "~/outcomes/outcomes.css?url";
import { DecisionPanel } from "~/outcomes/OutcomeView";
import { councilDate } from "~/lib/council-time";
import { councilTimeZone } from "~/lib/settings.server";
import { decisionOf } from "~/outcomes/read.server";
import { DECISION_KINDS, DECISION_LABELS, DECISION_REFERENCE_MAX_CHARS } from "~/outcomes/rules";
import { decisionSchema } from "~/outcomes/schemas";
import { listThemes } from "~/outcomes/themes.server";
import { renderMarkdown } from "~/lib/markdown.server";
import { requireVisibleProposalById } from "~/proposals/proposals.server";
import { idFrom } from "~/proposals/sections/route.server";
import { responsesOverview } from "~/responses/reading.server";
import { responsesSentence } from "~/responses/ResponseCounts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: outcomesCss }];

async function load(request: Request, params: Record<string, string | undefined>) {
  const viewer = await requireViewer(request);
  const proposal = requireVisibleProposalById(viewer, idFrom(params.id));
  if (!can(viewer, "decision:record")) throw new Response("Only a decision maker can record the decision", { status: 403 });
  return { viewer, proposal };
}

function contextOf(p: { outcomePublishedAt?: string | null }) {
  const zone = councilTimeZone();
  return { today: councilDate(now(), zone), outcomePublishedOn: p.outcomePublishedAt ? councilDate(p.outcomePublishedAt, zone) : null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, proposal } = await load(request, params);
  const o = responsesOverview(proposal.id, { channel: null, respondingAs: null });
  const decision = decisionOf(proposal.id);
  const url = new URL(request.url);
  return {
    proposal: { id: proposal.id, slug: proposal.slug, title: proposal.title, state: proposal.state },
    counts: `${responsesSentence({ ...o.byChannel, total: o.total })} ${o.comments.total.toLocaleString("en-GB")} comments from residents.`,
    themes: listThemes(proposal.id).map((t) => ({ id: t.id, name: t.name, respondents: t.respondents, changed: t.changed === true })),
    confirmedAt: readingConfirmedAt(proposal.id, viewer.id),
    decision: decision ? { ...decision, summaryHtml: renderMarkdown(decision.summary, "officer", { headingOffset: 2 }) } : null,
    done: url.searchParams.get("done"),
  };
}

type Reply = { formErrors: string[]; fieldErrors: Record<string, string[]>; values: Record<string, unknown> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal } = await load(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const reply = (r: Partial<Reply>, status: number) => data<Reply>({ formErrors: [], fieldErrors: {}, values: {}, ...r }, { status });
  if (intent === "confirm") {
    if (formData.get("confirm") !== "yes") return reply({ fieldErrors: { confirm: ["Confirm that you have read the outcome report and the responses"] } }, 400);
    const result = confirmReading(viewer, proposal.id);
    if (!result.ok) return reply({ formErrors: [result.message] }, result.status);
    return redirect(`/staff/proposals/${proposal.id}/decision?done=confirmed`);
  }
  if (intent !== "decide") return reply({ formErrors: ["Choose what to do"] }, 400);
  const submission = parseWithZod(formData, { schema: decisionSchema(contextOf(proposal)) });
  const values = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
  if (submission.status !== "success") {
    const errors = (submission.error ?? {}) as Record<string, string[] | null>;
    return reply({ fieldErrors: Object.fromEntries(Object.entries(errors).filter(([k]) => k).map(([k, v]) => [k.split(".")[0], v ?? []])), values }, 400);
  }
  const v = submission.value;
  const result = recordDecision(viewer, proposal.id, { decision: v.decision, decidedOn: v.decidedOn!, reference: v.reference, noticeUrl: v.noticeUrl, summary: v.summary });
  if (!result.ok) return reply({ formErrors: [result.message], values }, result.status);
  return redirect(`/staff/proposals/${proposal.id}/decision?done=decided`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `Decision – ${data.proposal.title} – Staff area` : "Decision") }];

const FIELD_IDS: Record<string, string> = { decision: "decision", decidedOn: "decidedOn-day", reference: "reference", noticeUrl: "noticeUrl", summary: "summary", confirm: "confirm" };

export default function Decision() {
  const d = useLoaderData<typeof loader>();
  const r = useActionData<typeof action>();
  const errors = r ? [...r.formErrors.map((message) => ({ field: d.confirmedAt ? "decision" : "confirm", message })), ...Object.entries(r.fieldErrors).flatMap(([k, ms]) => ms.map((message) => ({ field: FIELD_IDS[k] ?? k, message })))] : [];
  const value = (k: string) => (typeof r?.values[k] === "string" ? (r.values[k] as string) : undefined);
  const published = d.proposal.state === "outcome_published";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/staff/proposals/${d.proposal.id}`} className="govuk-back-link">
          Back to the proposal
        </Link>
        <ErrorSummary errors={errors} focusKey={r} />
        {d.done === "confirmed" ? <SuccessBanner>Your confirmation is recorded. You can now record the decision.</SuccessBanner> : null}
        {d.done === "decided" ? <SuccessBanner>The decision is recorded and published. Subscribers have been emailed.</SuccessBanner> : null}
        <span className="govuk-caption-l">{d.proposal.title}</span>
        <h1 className="govuk-heading-l">The decision</h1>
        <p className="govuk-body">
          <StateTag state={d.proposal.state} />
        </p>

        {d.decision ? (
          <>
            <DecisionPanel decision={d.decision} />
            <p className="govuk-body">
              <Link className="govuk-link" to={`/consultations/${d.proposal.slug}/outcome`}>
                See it on the public page
              </Link>
            </p>
          </>
        ) : !published ? (
          <p className="govuk-body" data-testid="not-yet">
            A decision can be recorded only after the outcome report has been published, so that the decision is taken with what people said in front of you.
          </p>
        ) : null}

        {published || d.decision ? (
          <>
            <h2 className="govuk-heading-m">What people said</h2>
            <p className="govuk-body">{d.counts}</p>
            <table className="govuk-table app-table--reflow">
              <caption className="govuk-table__caption govuk-table__caption--s">The themes the outcome report answers</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Theme
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Respondents
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Proposal changed
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {d.themes.map((t) => (
                  <tr key={t.id} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
                      {t.name}
                    </th>
                    <td className="govuk-table__cell govuk-table__cell--numeric" data-label="Respondents">{t.respondents}</td>
                    <td className="govuk-table__cell" data-label="Proposal changed">{t.changed ? "Yes" : "No"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ul className="govuk-list">
              <li>
                <Link className="govuk-link" to={`/consultations/${d.proposal.slug}/outcome`}>
                  Read the outcome report
                </Link>
              </li>
              <li>
                <Link className="govuk-link" to={`/staff/proposals/${d.proposal.id}/responses`}>
                  Read the responses
                </Link>
              </li>
            </ul>
          </>
        ) : null}

        {published ? (
          d.confirmedAt ? (
            <p className="govuk-body" data-testid="confirmed">
              You confirmed that you have read the outcome report and the responses on {formatDateTime(d.confirmedAt)}.
            </p>
          ) : (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="confirm" />
              <Checkboxes
                id="confirm"
                name="confirm"
                legend="Before you decide"
                legendSize="m"
                hint="Your confirmation is recorded with your name and the time, and the decision cannot be recorded without it."
                options={[{ value: "yes", label: "I have read the outcome report and the responses" }]}
                error={r?.fieldErrors.confirm}
              />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Confirm
              </button>
            </Form>
          )
        ) : null}

        {published ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="decide" />
            <h2 className="govuk-heading-m">Record the decision</h2>
            <Radios
              id="decision"
              name="decision"
              legend="What was decided?"
              legendSize="s"
              options={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_LABELS[k].label }))}
              defaultValue={value("decision")}
              error={r?.fieldErrors.decision}
            />
            <DateInput
              id="decidedOn"
              name="decidedOn"
              legend="When was it decided?"
              legendSize="s"
              hint="The date of the meeting or of the delegated decision, for example 14 1 2027"
              defaultValue={{ day: value("decidedOn.day"), month: value("decidedOn.month"), year: value("decidedOn.year") }}
              error={r?.fieldErrors.decidedOn}
            />
            <TextInput
              id="reference"
              name="reference"
              label="Meeting and minute, or delegated decision reference"
              labelSize="s"
              hint="For example “Cabinet, 14 January 2027, minute 112”"
              maxLength={DECISION_REFERENCE_MAX_CHARS}
              defaultValue={value("reference")}
              error={r?.fieldErrors.reference}
            />
            <TextInput id="noticeUrl" name="noticeUrl" type="url" label="Link to the decision notice" labelSize="s" hint="The web address where the council publishes the decision notice" spellCheck={false} defaultValue={value("noticeUrl")} error={r?.fieldErrors.noticeUrl} />
            <Textarea id="summary" name="summary" label="What was decided, in a sentence or two (optional)" labelSize="s" rows={3} defaultValue={value("summary")} error={r?.fieldErrors.summary} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Record the decision
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
