/**
 * Ask for a consultation in another format (issue 14, item 5): large print, audio, Braille, easy
 * read, a British Sign Language video or a translation. No sign-in: the people who need another
 * format are often the people an emailed sign-in link does not suit. Published consultations only
 * (otherwise the site's 404); limited per network address, with a honeypot, like comments.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Breadcrumbs } from "~/components/Breadcrumbs";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Radios, TextInput, Textarea, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { useErrorTitle } from "~/components/SectionForm";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { hadFormError, markFormError } from "~/proposals/sections/route.server";
import { HONEYPOT_FIELD, formatRequestSchema } from "~/reach/format-schemas";
import { createFormatRequest } from "~/reach/formats.server";
import { FORMAT_HINTS, FORMAT_KINDS, FORMAT_LABELS, type FormatKind } from "~/reach/formats";
import { publishedConsultationFor } from "~/reach/public.server";
import { consultationPath } from "~/reach/paths";
import { Honeypot } from "~/responses/forms";
import { addressFrom, takeAllowance } from "~/responses/rate-limit.server";

const T = {
  title: "Ask for this consultation in another format",
  sentTitle: "Request sent",
  intro: (days: number) => `Tell us what you need and how to reach you. We will send it within ${days} working days, free of charge.`,
  format: "Which format do you need?",
  language: "Which language do you need? (only for a translation)",
  languageHint: "For example, Bengali, Sylheti, Somali, Polish or Urdu.",
  name: "Your name",
  contactLegend: "How can we send it to you?",
  contactHint: "Give at least one. We use these only for this request, and delete them after the consultation.",
  email: "Email address (optional)",
  phone: "Phone number (optional)",
  address: "Postal address (optional)",
  addressHint: "Large print and Braille are sent by post.",
  details: "Anything else we should know (optional)",
  detailsHint: "For example, the print size you need, or which parts you want first.",
  send: "Send request",
  phoneInstead: (phone: string) => `You can also ask by phone on ${phone}.`,
  sentBody: (days: number) => `We will send what you asked for within ${days} working days. If you need it sooner, or if you do not get it, contact us and quote your reference.`,
  reference: "Your reference",
  back: "Back to the consultation",
  tooMany: "You have sent a lot of requests in a short time. Wait an hour and try again, or phone us.",
};

/** Per network address: generous for a library's shared computers, tight for a script. */
const LIMIT = [{ limit: 10, windowMs: 60 * 60 * 1000 }];
const REFERENCE = /^AF-[2-9A-HJKMNP-Z]{6}$/;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { proposal } = await publishedConsultationFor(request, params.slug);
  const settings = loadSettings();
  const url = new URL(request.url);
  const sent = url.searchParams.get("sent");
  const asked = url.searchParams.get("format");
  return {
    slug: proposal.slug,
    title: proposal.title,
    days: settings.alternativeFormats.dueWorkingDays,
    phone: settings.paperPacks.phone ?? null,
    sent: sent && REFERENCE.test(sent) ? sent : null,
    format: (FORMAT_KINDS as readonly string[]).includes(asked ?? "") ? (asked as FormatKind) : null,
    formError: hadFormError(context),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { proposal } = await publishedConsultationFor(request, params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: formatRequestSchema });
  if (submission.status !== "success") {
    markFormError(context);
    return data(submission.reply(), { status: 400 });
  }
  const at = now();
  // A form-filling robot fills the field people never see: it is told it worked, and nothing is kept.
  if (submission.value[HONEYPOT_FIELD]) return redirect(`${consultationPath(proposal.slug)}/formats?sent=AF-222222`);
  if (!takeAllowance(`format-request:${addressFrom(context)}`, LIMIT, at)) {
    markFormError(context);
    return data(submission.reply({ formErrors: [T.tooMany] }), { status: 429 });
  }
  const v = submission.value;
  const { reference } = createFormatRequest(
    proposal,
    { format: v.format, language: v.language ?? null, name: v.name!, email: v.email ?? null, phone: v.phone ?? null, postalAddress: v.postalAddress ?? null, details: v.details ?? null },
    { channel: "online", enteredBy: null },
    at,
  );
  return redirect(`${consultationPath(proposal.slug)}/formats?sent=${reference}`);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, data?.sent ? T.sentTitle : T.title, { error: data?.formError }) },
];

export default function AskForFormat() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "format-request",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: d.format ? { format: d.format } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: formatRequestSchema }),
  });
  const base = consultationPath(d.slug);
  const order = [fields.format, fields.language, fields.name, fields.email, fields.phone, fields.postalAddress, fields.details];
  const errors = [
    ...(form.errors ?? []).map((message) => ({ field: fields.format.id, message })),
    ...order.flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message }))),
  ];
  useErrorTitle(errors.length > 0);
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);

  if (d.sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{T.sentTitle}</h1>
            <div className="govuk-panel__body">
              {T.reference}
              <br />
              <strong data-testid="format-reference">{d.sent}</strong>
            </div>
          </div>
          <p className="govuk-body">{T.sentBody(d.days)}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={base}>
              {T.back}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <>
      <Breadcrumbs
        className="govuk-!-margin-top-0 govuk-!-margin-bottom-6"
        items={[
          { href: "/", text: "Home" },
          { href: "/consultations", text: "Consultations" },
          { href: base, text: d.title },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} focusKey={lastResult} />
          <span className="govuk-caption-l">{d.title}</span>
          <h1 className="govuk-heading-l">{T.title}</h1>
          <p className="govuk-body">{T.intro(d.days)}</p>
          {d.phone ? <p className="govuk-body">{T.phoneInstead(d.phone)}</p> : null}
          <Form method="post" {...formProps}>
            <Radios
              id={fields.format.id}
              name={fields.format.name}
              legend={T.format}
              legendSize="m"
              error={fields.format.errors}
              defaultValue={typeof fields.format.initialValue === "string" ? fields.format.initialValue : d.format}
              options={FORMAT_KINDS.map((k) => ({ value: k, label: FORMAT_LABELS[k], hint: FORMAT_HINTS[k] }))}
            />
            <TextInput {...conformProps(fields.language)} label={T.language} hint={T.languageHint} width="20" maxLength={200} />
            <TextInput {...conformProps(fields.name)} label={T.name} autoComplete="name" spellCheck={false} width="30" />
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset" aria-describedby="contact-hint">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{T.contactLegend}</legend>
                <div id="contact-hint" className="govuk-hint">
                  {T.contactHint}
                </div>
                <TextInput {...conformProps(fields.email)} label={T.email} type="email" autoComplete="email" spellCheck={false} />
                <TextInput {...conformProps(fields.phone)} label={T.phone} type="tel" autoComplete="tel" width="20" />
                <Textarea {...conformProps(fields.postalAddress)} label={T.address} hint={T.addressHint} autoComplete="street-address" rows={4} />
              </fieldset>
            </div>
            <Textarea {...conformProps(fields.details)} label={T.details} hint={T.detailsHint} rows={4} />
            <Honeypot />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {T.send}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
