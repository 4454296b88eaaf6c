/**
 * One request for another format: who asked, for what, how to reach them, when it is due; the
 * officer marks it as being prepared, sent (with the date) or no longer needed.
 * Only officers whose service runs the consultation (and admins): otherwise the site's 404.
 */
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { DateInput, Radios, Textarea, conformProps } from "~/components/form-fields";
import { formatDate, formatDateTime } from "~/components/format";
import { pageTitle } from "~/components/page-title";
import { SuccessBanner } from "~/components/SuccessBanner";
import { SummaryList } from "~/components/SummaryList";
import { now } from "~/lib/clock";
import { notFound } from "~/proposals/proposals.server";
import { hadFormError, idFrom, markFormError } from "~/proposals/sections/route.server";
import { formatStatusSchema } from "~/reach/format-schemas";
import { CHANNEL_LABELS, FORMAT_LABELS, FORMAT_REQUEST_STATUSES, STATUS_LABELS } from "~/reach/formats";
import { loadFormatRequest, updateFormatRequest } from "~/reach/formats.server";
import reachCss from "~/reach/reach.css?url";

const T = {
  title: (ref: string) => `Request ${ref}`,
  back: "Back to the queue",
  saved: "The request was updated.",
  overdue: "Overdue",
  rows: {
    consultation: "Consultation",
    format: "Format",
    name: "Name",
    email: "Email",
    phone: "Phone",
    address: "Postal address",
    details: "What they told us",
    channel: "How it came in",
    asked: "Asked for",
    due: "Due",
    status: "Status",
    sentOn: "Sent on",
    enteredBy: "Recorded by",
  },
  removed: "Removed after the retention period",
  notGiven: "Not given",
  update: "Update the request",
  status: "What has happened?",
  sentOn: "Date it was sent",
  sentOnHint: "Only if it has been sent. For example, 27 3 2027",
  note: "Note for colleagues (optional)",
  noteHint: "Not shown to the public. Do not repeat contact details here.",
  save: "Save",
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reachCss }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:edit");
  const r = loadFormatRequest(viewer, idFrom(params.id), now());
  if (!r) throw notFound();
  return {
    request: {
      id: r.id,
      reference: r.reference,
      format: r.format,
      language: r.language,
      channel: r.channel,
      name: r.name,
      email: r.email,
      phone: r.phone,
      postalAddress: r.postalAddress,
      details: r.details,
      status: r.status,
      dueOn: r.dueOn,
      sentOn: r.sentOn,
      officerNote: r.officerNote,
      createdAt: r.createdAt,
      overdue: r.overdue,
      contactRemovedAt: r.contactRemovedAt,
      enteredBy: r.enteredBy,
      proposal: r.proposal,
    },
    saved: new URL(request.url).searchParams.has("saved"),
    formError: hadFormError(context),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:edit");
  const id = idFrom(params.id);
  const at = now();
  if (!loadFormatRequest(viewer, id, at)) throw notFound();
  const submission = parseWithZod(await request.formData(), { schema: formatStatusSchema });
  if (submission.status !== "success") {
    markFormError(context);
    return data(submission.reply(), { status: 400 });
  }
  const result = updateFormatRequest(viewer, id, { status: submission.value.status, sentOn: submission.value.sentOn ?? null, officerNote: submission.value.officerNote ?? null }, at);
  if (!result.ok) {
    markFormError(context);
    return data(submission.reply({ fieldErrors: { sentOn: [result.message] } }), { status: result.status === 404 ? 404 : 400 });
  }
  return redirect(`/staff/formats/${id}?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, data ? `${T.title(data.request.reference)} – Staff area` : null, { error: data?.formError }) }];

export default function FormatRequestPage() {
  const { request: r, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const sent = r.sentOn ? r.sentOn.split("-") : null;
  const [form, fields] = useForm({
    id: "format-status",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: { status: r.status, officerNote: r.officerNote ?? "", sentOn: sent ? { year: sent[0], month: String(Number(sent[1])), day: String(Number(sent[2])) } : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formatStatusSchema }),
  });
  const errors = [fields.status, fields.sentOn, fields.officerNote].flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id === fields.sentOn.id ? `${f.id}-day` : f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const given = (v: string | null) => (v ? <span className="app-pre-line">{v}</span> : <span className="app-not-provided">{r.contactRemovedAt ? T.removed : T.notGiven}</span>);
  const sentValue = (lastResult?.initialValue as { sentOn?: { day?: string; month?: string; year?: string } } | undefined)?.sentOn ?? (sent ? { year: sent[0], month: String(Number(sent[1])), day: String(Number(sent[2])) } : undefined);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/formats" className="govuk-back-link">
          {T.back}
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        {saved ? <SuccessBanner>{T.saved}</SuccessBanner> : null}
        <span className="govuk-caption-l">{FORMAT_LABELS[r.format]}</span>
        <h1 className="govuk-heading-l">
          {T.title(r.reference)} {r.overdue ? <strong className="govuk-tag govuk-tag--red">{T.overdue}</strong> : null}
        </h1>
        <SummaryList
          rows={[
            { key: T.rows.consultation, value: r.proposal.title },
            { key: T.rows.format, value: `${FORMAT_LABELS[r.format]}${r.language ? `: ${r.language}` : ""}` },
            { key: T.rows.name, value: given(r.name) },
            { key: T.rows.email, value: given(r.email) },
            { key: T.rows.phone, value: given(r.phone) },
            { key: T.rows.address, value: given(r.postalAddress) },
            { key: T.rows.details, value: given(r.details) },
            { key: T.rows.channel, value: CHANNEL_LABELS[r.channel] },
            { key: T.rows.asked, value: formatDateTime(r.createdAt) },
            { key: T.rows.due, value: formatDate(r.dueOn) },
            { key: T.rows.status, value: <span data-testid="format-status">{STATUS_LABELS[r.status]}</span> },
            ...(r.sentOn ? [{ key: T.rows.sentOn, value: formatDate(r.sentOn) }] : []),
            ...(r.enteredBy ? [{ key: T.rows.enteredBy, value: r.enteredBy }] : []),
          ]}
        />
        <h2 className="govuk-heading-m">{T.update}</h2>
        <Form method="post" {...formProps}>
          <Radios
            id={fields.status.id}
            name={fields.status.name}
            legend={T.status}
            legendSize="s"
            error={fields.status.errors}
            defaultValue={typeof fields.status.initialValue === "string" ? fields.status.initialValue : r.status}
            options={FORMAT_REQUEST_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          />
          <DateInput id={fields.sentOn.id} name={fields.sentOn.name} legend={T.sentOn} legendSize="s" hint={T.sentOnHint} error={fields.sentOn.errors} defaultValue={sentValue} />
          <Textarea {...conformProps(fields.officerNote)} label={T.note} hint={T.noteHint} rows={3} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {T.save}
          </button>
        </Form>
      </div>
    </div>
  );
}
