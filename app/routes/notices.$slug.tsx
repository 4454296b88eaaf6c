/**
 * The confidential notice, for a rep of a notified union: the proposal in full, the s.188
 * disclosure where it applies, acknowledgement, and the union's feedback thread. Signed-out
 * visitors are sent to sign in; anyone else (a rep of another union included) gets the 404.
 * Every view is recorded.
 */
import { useEffect } from "react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { requireViewer } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { formatDate, formatDateTime, plural } from "~/components/format";
import { Radios, Textarea } from "~/components/form-fields";
import { Markdown } from "~/components/Markdown";
import { pageTitle } from "~/components/page-title";
import { ProposalView } from "~/components/ProposalView";
import { SummaryList, type SummaryListRow } from "~/components/SummaryList";
import { now } from "~/lib/clock";
import { ConfidentialBanner, confidentialHeaders } from "~/notifications/ConfidentialBanner";
import { FeedbackThread } from "~/notifications/FeedbackThread";
import { repNoticePage } from "~/notifications/notice-page.server";
import { acknowledgeNotice, addFeedback, isNotifiedRep, recordNoticeView } from "~/notifications/notices.server";
import { notFound, requireVisibleProposal } from "~/proposals/proposals.server";
import { SuccessBanner } from "~/components/SuccessBanner";

export const headers = confidentialHeaders;

const feedbackSchema = z.object({
  intent: z.literal("feedback"),
  unionId: z.coerce.number({ error: "Choose the union you are writing for" }).int().positive({ error: "Choose the union you are writing for" }),
  body: z
    .string({ error: "Enter your feedback" })
    .trim()
    .min(1, { error: "Enter your feedback" })
    .max(5000, { error: "Feedback must be 5,000 characters or fewer" }),
});

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data ? `Confidential: ${data.proposal.title}` : "Confidential notice") },
  { name: "robots", content: "noindex" },
];

async function requireNotice(request: Request, slug: string | undefined) {
  const viewer = await requireViewer(request);
  const proposal = requireVisibleProposal(viewer, slug ?? "");
  if (!isNotifiedRep(viewer, proposal)) throw notFound();
  return { viewer, proposal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, proposal } = await requireNotice(request, params.slug);
  const at = now();
  recordNoticeView(proposal.id, viewer.id, at);
  return repNoticePage(viewer, proposal, at);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, proposal } = await requireNotice(request, params.slug);
  const formData = await request.formData();
  const back = `/notices/${encodeURIComponent(proposal.slug)}`;
  if (formData.get("intent") === "acknowledge") {
    if (!acknowledgeNotice(viewer, proposal, now())) throw new Response("The notice period has ended", { status: 409 });
    return redirect(`${back}?done=acknowledged`);
  }
  const submission = parseWithZod(formData, { schema: feedbackSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = addFeedback(viewer, proposal, submission.value.unionId, submission.value.body, now());
  if (!result.ok) return data(submission.reply({ fieldErrors: { [result.field]: [result.message] } }), { status: 400 });
  return redirect(`${back}?done=feedback#feedback`);
}

const DONE: Record<string, string> = {
  acknowledged: "You have acknowledged this notice. Thank you.",
  feedback: "Your feedback has been sent. The council will answer it here before the consultation opens.",
};

export default function Notice() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const [form, fields] = useForm({
    id: "feedback-form",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: feedbackSchema }),
  });
  const errors = [
    ...(fields.body.errors ?? []).map((message) => ({ field: fields.body.id, message })),
    ...(fields.unionId.errors ?? []).map((message) => ({ field: fields.unionId.id, message })),
  ];
  useEffect(() => {
    if (!errors.length) return;
    const base = document.title;
    if (!base.startsWith("Error: ")) document.title = `Error: ${base}`;
    return () => {
      document.title = base;
    };
  }, [errors.length]);

  const p = page.proposal;
  const keyRows: SummaryListRow[] = [
    { key: "Service", value: p.serviceName },
    { key: "Notice given", value: page.period ? formatDate(page.period.sentOn) : "Not yet" },
  ];
  if (p.plan.opensOn) keyRows.push({ key: "Consultation planned to open", value: formatDate(p.plan.opensOn) });
  if (p.plan.closesOn) keyRows.push({ key: "Consultation planned to close", value: formatDate(p.plan.closesOn) });
  if (page.period) {
    keyRows.push({
      key: "Notice period",
      value: `${plural(page.period.requiredWorkingDays, "working day")}: it cannot open before ${formatDate(page.period.earliestOpening)}`,
    });
  }
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);

  return (
    <>
      <Link to="/notices" className="govuk-back-link">
        All notices
      </Link>
      <ConfidentialBanner repName={page.rep.name} unionNames={page.unions.map((u) => u.name)} />
      <ErrorSummary errors={errors} focusKey={lastResult} />
      {done && DONE[done] ? (
        <SuccessBanner>{DONE[done]}</SuccessBanner>
      ) : null}

      <span className="govuk-caption-l">Advance notice: {p.serviceName}</span>
      <h1 className="govuk-heading-xl">{p.title}</h1>
      {!page.underNotice ? <p className="govuk-body">The notice period has ended. This page keeps your union's confidential feedback and the council's answers.</p> : null}
      <SummaryList rows={keyRows} />

      <h2 className="govuk-heading-m" id="acknowledge">
        Acknowledge this notice
      </h2>
      {page.acknowledgedAt ? (
        <p className="govuk-body" data-testid="acknowledged">
          You acknowledged this notice on {formatDateTime(page.acknowledgedAt)}.
        </p>
      ) : page.underNotice ? (
        <Form method="post">
          <input type="hidden" name="intent" value="acknowledge" />
          <p className="govuk-body">Let the council know your union has received this notice. The public page will show how many representatives acknowledged it, without names.</p>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Acknowledge receipt
          </button>
        </Form>
      ) : (
        <p className="govuk-body">You did not acknowledge this notice.</p>
      )}

      {page.s188 ? (
        <section className="app-section" aria-labelledby="s188-heading" data-testid="s188-disclosure">
          <h2 className="govuk-heading-l" id="s188-heading">
            Collective consultation (section 188)
          </h2>
          <p className="govuk-body">
            {page.s188.total}, so the council must consult the recognised unions collectively and tell them the following in writing (Trade Union and Labour Relations
            (Consolidation) Act 1992, section 188(4)).
            {page.clock
              ? ` Consultation began on ${formatDate(page.clock.startedOn)} and must run for at least ${page.clock.days} days: no dismissal can take effect before ${formatDate(page.clock.earliestDismissal)}.`
              : null}
            {page.s188.firstDismissalOn ? ` The first dismissal is proposed to take effect on ${formatDate(page.s188.firstDismissalOn)}.` : null}
          </p>
          {page.s188.items.map((item) => (
            <div key={item.label}>
              <h3 className="govuk-heading-s">{item.label}</h3>
              <Markdown html={item.html} fallback={<p className="govuk-body">Not provided.</p>} />
            </div>
          ))}
        </section>
      ) : null}

      {page.tupe ? (
        <section className="app-section" aria-labelledby="tupe-heading" data-testid="tupe-disclosure">
          <h2 className="govuk-heading-l" id="tupe-heading">
            Transfer of staff (TUPE regulation 13)
          </h2>
          <p className="govuk-body">
            Staff would transfer: {page.tupe.kind}
            {page.tupe.transferOn ? `, on ${formatDate(page.tupe.transferOn)} or later` : ""}. The council must tell the unions the following before the transfer (Transfer of
            Undertakings (Protection of Employment) Regulations 2006, regulation 13).
          </p>
          {page.tupe.items.map((item) => (
            <div key={item.label}>
              <h3 className="govuk-heading-s">{item.label}</h3>
              <Markdown html={item.html} fallback={<p className="govuk-body">Not provided.</p>} />
            </div>
          ))}
        </section>
      ) : null}

      {page.staffGroups.length ? (
        <>
          <h2 className="govuk-heading-m">Staff groups affected</h2>
          <ul className="govuk-list govuk-list--bullet">
            {page.staffGroups.map((g) => (
              <li key={g.name}>
                {g.name} ({plural(g.headCount, "member of staff", "members of staff")})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-l govuk-!-margin-top-8">The proposal</h2>
      <ProposalView proposal={p} />

      <section className="app-section" aria-labelledby="feedback-heading" id="feedback">
        <h2 className="govuk-heading-l" id="feedback-heading">
          Your union's feedback
        </h2>
        <p className="govuk-body">Feedback is confidential between your union and the council. It is never published. The consultation cannot open until the council has answered every item.</p>
        {page.unions.map((u) => (
          <div key={u.id}>
            {page.unions.length > 1 ? <h3 className="govuk-heading-m">{u.name}</h3> : null}
            <FeedbackThread items={u.thread} emptyText="No feedback has been sent yet." />
          </div>
        ))}
        {page.underNotice ? (
          <Form method="post" {...formProps}>
            <input type="hidden" name="intent" value="feedback" />
            {page.unions.length > 1 ? (
              <Radios id={fields.unionId.id} name={fields.unionId.name} legend="Which union are you writing for?" error={fields.unionId.errors} options={page.unions.map((u) => ({ value: String(u.id), label: u.name }))} />
            ) : (
              <input type="hidden" name="unionId" value={page.unions[0]?.id ?? ""} />
            )}
            <Textarea
              id={fields.body.id}
              name={fields.body.name}
              error={fields.body.errors}
              defaultValue={typeof fields.body.initialValue === "string" ? fields.body.initialValue : undefined}
              label="Send feedback to the council"
              labelSize="m"
              hint="Up to 5,000 characters."
              rows={6}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Send feedback
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
