/**
 * Email updates for residents: new consultations, or one consultation's news
 * (`/subscribe?consultation=slug`). Nothing starts until the address is confirmed by a link.
 * In the page's language, and the emails that follow in the same language (issue 14).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { ErrorSummary } from "~/components/ErrorSummary";
import { TextInput, conformProps } from "~/components/form-fields";
import { pageTitle } from "~/components/page-title";
import { translator, translatorFor, type Translate } from "~/i18n/i18n";
import { languageOfUrl, withLanguage } from "~/i18n/languages";
import { useLocalHref, useTranslation } from "~/i18n/react";
import { TopicSentence } from "~/notifications/TopicSentence";
import { now } from "~/lib/clock";
import { loadSettings } from "~/lib/settings.server";
import { addressFrom } from "~/responses/rate-limit.server";
import { requestSubscription, subscribableConsultation } from "~/notifications/subscriptions.server";
import { notFound } from "~/proposals/proposals.server";

const EMAIL_MAX = 320;

function schemaIn(t: Translate) {
  return z.object({
    email: z
      .string({ error: t("validation.emailMissing") })
      .trim()
      .max(EMAIL_MAX, { error: t("validation.emailTooLong", { max: EMAIL_MAX }) })
      .pipe(z.email({ error: t("validation.emailFormat") })),
    consultation: z.string().max(200).optional(),
  });
}

export const meta: MetaFunction<typeof loader> = ({ matches, location }) => [
  { title: pageTitle(matches, translator(languageOfUrl(`${location.pathname}${location.search}`))("consultationPages.subscribe.title")) },
];

function consultationFrom(request: Request, value?: string | null) {
  const slug = value ?? new URL(request.url).searchParams.get("consultation");
  if (!slug) return null;
  const p = subscribableConsultation(slug);
  if (!p) throw notFound();
  return p;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const p = consultationFrom(request);
  return { council: loadSettings().council.name, consultation: p ? { slug: p.slug, title: p.title } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { lang, t } = translatorFor(request);
  const submission = parseWithZod(await request.formData(), { schema: schemaIn(t) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const p = consultationFrom(request, submission.value.consultation ?? "");
  const result = requestSubscription({ email: submission.value.email, proposal: p, address: addressFrom(context), lang }, now());
  if (!result.ok) return data(submission.reply({ formErrors: [t("consultationPages.subscribe.tooMany")] }), { status: 429 });
  return redirect(withLanguage(`/subscribe?sent=1${p ? `&consultation=${encodeURIComponent(p.slug)}` : ""}`, lang));
}

export default function Subscribe() {
  const { council, consultation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const href = useLocalHref();
  const schema = schemaIn(t);
  const [form, fields] = useForm({ id: "subscribe", lastResult, shouldValidate: "onSubmit", onValidate: ({ formData }) => parseWithZod(formData, { schema }) });
  const errors = [...(form.errors ?? []), ...(fields.email.errors ?? [])].map((message) => ({ field: fields.email.id, message }));
  const { "aria-describedby": _d, "aria-invalid": _i, ...formProps } = getFormProps(form);
  const topic = consultation ? { title: consultation.title } : { council };

  if (searchParams.get("sent")) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t("consultationPages.subscribe.checkHeading")}</h1>
          <p className="govuk-body">
            <TopicSentence sentence="consultationPages.subscribe.checkBody" topic={topic} short />
          </p>
          <p className="govuk-body">{t("consultationPages.subscribe.checkOnce")}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary title={t("consultationPages.common.errorSummary")} errors={errors} focusKey={lastResult} />
        <h1 className="govuk-heading-l">{t("consultationPages.subscribe.title")}</h1>
        <p className="govuk-body">
          <TopicSentence sentence="consultationPages.subscribe.intro" topic={topic} short />
        </p>
        <p className="govuk-body">{t("consultationPages.subscribe.privacy")}</p>
        <Form method="post" action={href(consultation ? `/subscribe?consultation=${encodeURIComponent(consultation.slug)}` : "/subscribe")} {...formProps}>
          {consultation ? <input type="hidden" name="consultation" value={consultation.slug} /> : null}
          <TextInput {...conformProps(fields.email)} label={t("consultationPages.subscribe.emailLabel")} type="email" autoComplete="email" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("consultationPages.subscribe.button")}
          </button>
        </Form>
      </div>
    </div>
  );
}
