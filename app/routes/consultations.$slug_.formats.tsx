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
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { hadFormError, markFormError } from "~/proposals/sections/route.server";
import { HONEYPOT_FIELD, formatRequestSchemaIn } from "~/reach/format-schemas";
import { translator, translatorFor } from "~/i18n/i18n";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import { useContentLang, useLocalHref, useTranslation } from "~/i18n/react";
import { createFormatRequest } from "~/reach/formats.server";
import { FORMAT_HINTS, FORMAT_KINDS, type FormatKind } from "~/reach/formats";
import { publishedConsultationFor } from "~/reach/public.server";
import { consultationPath } from "~/reach/paths";
import { Honeypot } from "~/responses/forms";
import { addressFrom, takeAllowance } from "~/responses/rate-limit.server";

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
  const { lang, t } = translatorFor(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: formatRequestSchemaIn(t) });
  if (submission.status !== "success") {
    markFormError(context);
    return data(submission.reply(), { status: 400 });
  }
  const at = now();
  // A form-filling robot fills the field people never see: it is told it worked, and nothing is kept.
  if (submission.value[HONEYPOT_FIELD]) return redirect(withLanguage(`${consultationPath(proposal.slug)}/formats?sent=AF-222222`, lang));
  if (!takeAllowance(`format-request:${addressFrom(context)}`, LIMIT, at)) {
    markFormError(context);
    return data(submission.reply({ formErrors: [t("consultationPages.formats.tooMany")] }), { status: 429 });
  }
  const v = submission.value;
  const { reference } = createFormatRequest(
    proposal,
    { format: v.format, language: v.language ?? null, name: v.name!, email: v.email ?? null, phone: v.phone ?? null, postalAddress: v.postalAddress ?? null, details: v.details ?? null },
    { channel: "online", enteredBy: null },
    at,
  );
  return redirect(withLanguage(`${consultationPath(proposal.slug)}/formats?sent=${reference}`, lang));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches, location }) => {
  const t = translator(languageOfUrl(`${location.pathname}${location.search}`));
  return [{ title: pageTitle(matches, data?.sent ? t("consultationPages.formats.sentTitle") : t("consultationPages.formats.title"), { error: data?.formError }) }];
};

export default function AskForFormat() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const href = useLocalHref();
  const contentLang = useContentLang();
  const schema = formatRequestSchemaIn(t);
  const [form, fields] = useForm({
    id: "format-request",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: d.format ? { format: d.format } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const base = consultationPath(d.slug);
  const order = [fields.format, fields.language, fields.name, fields.email, fields.phone, fields.postalAddress, fields.details];
  const errors = [
    ...(form.errors ?? []).map((message) => ({ field: fields.format.id, message })),
    ...order.flatMap((f) => (f.errors ?? []).map((message) => ({ field: f.id, message }))),
  ];
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);

  if (d.sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">{t("consultationPages.formats.sentTitle")}</h1>
            <div className="govuk-panel__body">
              {t("consultationPages.formats.reference")}
              <br />
              <strong data-testid="format-reference">{d.sent}</strong>
            </div>
          </div>
          <p className="govuk-body">{t("consultationPages.formats.sentBody", { days: d.days })}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={href(base)}>
              {t("consultationPages.common.backToConsultation")}
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
          { href: "/", text: t("common.home") },
          { href: "/consultations", text: t("layout.consultations") },
          { href: base, text: d.title, lang: contentLang },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={t("consultationPages.common.errorSummary")} errors={errors} focusKey={lastResult} />
          <span className="govuk-caption-l" lang={contentLang}>
            {d.title}
          </span>
          <h1 className="govuk-heading-l">{t("consultationPages.formats.title")}</h1>
          <p className="govuk-body">{t("consultationPages.formats.intro", { days: d.days })}</p>
          {d.phone ? <p className="govuk-body">{t("consultationPages.formats.phoneInstead", { phone: d.phone })}</p> : null}
          <Form method="post" {...formProps}>
            <Radios
              id={fields.format.id}
              name={fields.format.name}
              legend={t("consultationPages.formats.format")}
              legendSize="m"
              error={fields.format.errors}
              defaultValue={typeof fields.format.initialValue === "string" ? fields.format.initialValue : d.format}
              options={FORMAT_KINDS.map((k) => ({ value: k, label: t(`consultationPages.formats.kinds.${k}`), hint: FORMAT_HINTS[k] ? t(`consultationPages.formats.hints.${k as keyof typeof FORMAT_HINTS & string}` as "consultationPages.formats.hints.audio") : undefined }))}
            />
            <TextInput {...conformProps(fields.language)} label={t("consultationPages.formats.language")} hint={t("consultationPages.formats.languageHint")} width="20" maxLength={200} />
            <TextInput {...conformProps(fields.name)} label={t("consultationPages.formats.name")} autoComplete="name" spellCheck={false} width="30" />
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset" aria-describedby="contact-hint">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t("consultationPages.formats.contactLegend")}</legend>
                <div id="contact-hint" className="govuk-hint">
                  {t("consultationPages.formats.contactHint")}
                </div>
                <TextInput {...conformProps(fields.email)} label={t("consultationPages.formats.email")} type="email" autoComplete="email" spellCheck={false} />
                <TextInput {...conformProps(fields.phone)} label={t("consultationPages.formats.phone")} type="tel" autoComplete="tel" width="20" />
                <Textarea {...conformProps(fields.postalAddress)} label={t("consultationPages.formats.address")} hint={t("consultationPages.formats.addressHint")} autoComplete="street-address" rows={4} />
              </fieldset>
            </div>
            <Textarea {...conformProps(fields.details)} label={t("consultationPages.formats.details")} hint={t("consultationPages.formats.detailsHint")} rows={4} />
            <Honeypot />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {t("consultationPages.formats.send")}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
