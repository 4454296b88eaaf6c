/**
 * An officer records a request for another format that came by phone, email, letter or in person
 * (issue 14, item 5). Published consultations the officer's service runs only.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requirePermission } from "~/auth/session.server";
import type { SignedInViewer } from "~/auth/permissions";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Radios, Select, TextInput, Textarea, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { now } from "~/lib/clock";
import { canEditProposal } from "~/proposals/lifecycle";
import { listStaffProposals, loadProposal } from "~/proposals/proposals.server";
import { hadFormError, markFormError } from "~/proposals/sections/route.server";
import { isPublic } from "~/proposals/visibility";
import { officerFormatRequestSchema } from "~/reach/format-schemas";
import { CHANNEL_LABELS, FORMAT_KINDS, FORMAT_LABELS, OFFICER_CHANNELS } from "~/reach/formats";
import { createFormatRequest } from "~/reach/formats.server";

const T = {
  title: "Record a request for another format",
  consultation: "Consultation",
  choose: "Choose a consultation",
  channel: "How did the request come in?",
  format: "Which format do they need?",
  language: "Which language? (only for a translation)",
  name: "Their name",
  contactLegend: "How can we send it to them?",
  contactHint: "Give at least one.",
  email: "Email address (optional)",
  phone: "Phone number (optional)",
  address: "Postal address (optional)",
  details: "Anything else they told you (optional)",
  save: "Record the request",
  back: "Back to the queue",
  none: "None of your service’s consultations is published, so there is nothing to ask for yet.",
};

function consultations(viewer: SignedInViewer) {
  return listStaffProposals(viewer)
    .filter((p) => isPublic(p) && canEditProposal(viewer, p))
    .map((p) => ({ id: p.id, title: p.title }));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:edit");
  const asked = new URL(request.url).searchParams.get("consultation");
  return { consultations: consultations(viewer), chosen: asked && /^\d{1,9}$/.test(asked) ? asked : null, formError: hadFormError(context) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "proposal:edit");
  const submission = parseWithZod(await request.formData(), { schema: officerFormatRequestSchema });
  if (submission.status !== "success") {
    markFormError(context);
    return data(submission.reply(), { status: 400 });
  }
  const v = submission.value;
  const proposal = loadProposal(v.proposalId);
  // A consultation this officer does not work on, or not published: the same answer as none at all.
  if (!proposal || !consultations(viewer).some((c) => c.id === proposal.id)) {
    markFormError(context);
    return data(submission.reply({ fieldErrors: { proposalId: ["Select one of your service’s published consultations"] } }), { status: 400 });
  }
  const { reference } = createFormatRequest(
    proposal,
    { format: v.format, language: v.language ?? null, name: v.name!, email: v.email ?? null, phone: v.phone ?? null, postalAddress: v.postalAddress ?? null, details: v.details ?? null },
    { channel: v.channel, enteredBy: viewer },
    now(),
  );
  return redirect(`/staff/formats?recorded=${reference}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: pageTitle(matches, `${T.title} – Staff area`, { error: data?.formError }) }];

export default function RecordFormatRequest() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "officer-format-request",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: d.chosen ? { proposalId: d.chosen } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: officerFormatRequestSchema }),
  });
  const order = [fields.proposalId, fields.channel, fields.format, fields.language, fields.name, fields.email, fields.phone, fields.postalAddress, fields.details];
  const errors = order.flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message })));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const initial = (f: { initialValue?: unknown }) => (typeof f.initialValue === "string" ? f.initialValue : null);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/staff/formats" className="govuk-back-link">
          {T.back}
        </Link>
        <ErrorSummary errors={errors} focusKey={lastResult} />
        <h1 className="govuk-heading-l">{T.title}</h1>
        {d.consultations.length === 0 ? (
          <p className="govuk-body">{T.none}</p>
        ) : (
          <Form method="post" {...formProps}>
            <Select
              id={fields.proposalId.id}
              name={fields.proposalId.name}
              label={T.consultation}
              labelSize="m"
              error={fields.proposalId.errors}
              defaultValue={initial(fields.proposalId) ?? ""}
              options={[{ value: "", label: T.choose }, ...d.consultations.map((c) => ({ value: String(c.id), label: c.title }))]}
            />
            <Radios
              id={fields.channel.id}
              name={fields.channel.name}
              legend={T.channel}
              legendSize="m"
              error={fields.channel.errors}
              defaultValue={initial(fields.channel)}
              options={OFFICER_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            />
            <Radios
              id={fields.format.id}
              name={fields.format.name}
              legend={T.format}
              legendSize="m"
              error={fields.format.errors}
              defaultValue={initial(fields.format)}
              options={FORMAT_KINDS.map((k) => ({ value: k, label: FORMAT_LABELS[k] }))}
            />
            <TextInput {...conformProps(fields.language)} label={T.language} width="20" />
            <TextInput {...conformProps(fields.name)} label={T.name} spellCheck={false} width="30" />
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset" aria-describedby="officer-contact-hint">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{T.contactLegend}</legend>
                <div id="officer-contact-hint" className="govuk-hint">
                  {T.contactHint}
                </div>
                <TextInput {...conformProps(fields.email)} label={T.email} type="email" spellCheck={false} />
                <TextInput {...conformProps(fields.phone)} label={T.phone} type="tel" width="20" />
                <Textarea {...conformProps(fields.postalAddress)} label={T.address} rows={4} />
              </fieldset>
            </div>
            <Textarea {...conformProps(fields.details)} label={T.details} rows={4} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {T.save}
            </button>
          </Form>
        )}
      </div>
    </div>
  );
}
